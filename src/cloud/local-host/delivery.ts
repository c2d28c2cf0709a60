import crypto from 'node:crypto'
import fs from 'node:fs'
import type http from 'node:http'
import path from 'node:path'
import compression from 'compression'
import helmet from 'helmet'

/** Node's own middleware shape: `compression` and `helmet` both work on a plain http server. */
export type NodeMiddleware = (req: http.IncomingMessage, res: http.ServerResponse, next: (error?: unknown) => void) => void

/** What is worth compressing: the H5 app's code and pages and the API's JSON; images and video are compressed already. */
const COMPRESSIBLE = /^(text\/(html|css|javascript)|application\/(json|javascript)|image\/svg\+xml)\b/

/**
 * gzip for text answers when the client accepts it (brotli when it prefers that: smaller, and
 * what `compression` negotiates first); `Vary: Accept-Encoding` is set, anything under 1 KB goes
 * as is. `compression` only touches node's req/res API, but its published types are written
 * against express, hence the cast.
 */
export const gzip = compression({ filter: (_req, res) => COMPRESSIBLE.test(String(res.getHeader('content-type') ?? '')) }) as unknown as NodeMiddleware

/**
 * Hashes of the inline scripts of the built index.html (Taro puts its rem-sizing snippet there),
 * so the CSP allows exactly those and no other inline script. Re-read when the build changes.
 */
function inlineScriptHashes(staticDir: string | undefined): () => string[] {
  let cached: { mtimeMs: number; hashes: string[] } | null = null
  return () => {
    if (!staticDir) return []
    const index = path.join(staticDir, 'index.html')
    let mtimeMs: number
    try {
      mtimeMs = fs.statSync(index).mtimeMs
    } catch {
      return []
    }
    if (cached?.mtimeMs !== mtimeMs) {
      const html = fs.readFileSync(index, 'utf8')
      const scripts = [...html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/gi)].map((m) => m[1])
      cached = { mtimeMs, hashes: scripts.map((code) => `'sha256-${crypto.createHash('sha256').update(code, 'utf8').digest('base64')}'`) }
    }
    return cached.hashes
  }
}

/**
 * Headers for the H5 app and the API (helmet's set: nosniff, frame and referrer policies…) and a
 * CSP that fits what Taro's H5 build does:
 * - scripts only from this origin, plus index.html's own inline snippet by hash; no eval;
 * - styles from this origin and inline: React and Taro's components set `style` attributes;
 * - images from this origin and `data:`/`blob:` (photo previews, canvas compression, NutUI icons);
 * - fetch/XHR to this origin (the cloud API) and `blob:` (the upload helper reads the picked file);
 * - no plugins, no framing by other sites, forms and <base> only to this origin.
 * No HSTS and no upgrade-insecure-requests: the local host speaks plain http on 127.0.0.1.
 */
export function deliveryHeaders(staticDir: string | undefined): NodeMiddleware {
  const hashes = inlineScriptHashes(staticDir)
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", () => hashes().join(' ') || "'self'"],
        scriptSrcAttr: ["'none'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'", 'blob:', 'data:'],
        mediaSrc: ["'self'", 'blob:'],
        workerSrc: ["'self'", 'blob:'],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'self'"],
      },
    },
    strictTransportSecurity: false,
  })
}

/**
 * Stored uploads are served as the type their bytes showed at upload, never sniffed, and under a
 * CSP that runs nothing: a stored file opened on its own (the demo SVGs included) is a picture.
 */
export const storedFileHeaders: NodeMiddleware = helmet({
  contentSecurityPolicy: {
    useDefaults: false,
    directives: { defaultSrc: ["'none'"], imgSrc: ["'self'"], mediaSrc: ["'self'"], styleSrc: ["'unsafe-inline'"], sandbox: [] },
  },
  strictTransportSecurity: false,
  // the H5 app shows them from the same origin; the mini-program never loads local files
  crossOriginResourcePolicy: { policy: 'same-origin' },
})
