import cloud from 'wx-server-sdk'
import type { CloudFunction } from '../../runtime/define-function'
import { DatabaseError, DOCUMENT_NOT_FOUND, DUPLICATE_KEY, type Database } from '../database'
import { SECURITY_SCENE_CODE, type Logger, type Platform } from '../index'

/**
 * The production platform: a thin pass-through to wx-server-sdk. This is the only module that
 * imports the SDK; `build:cloud` makes it the entry of every deployed function.
 */
cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV })

// The cloud's failures only say what happened in their message (errCode -502001 is generic).
function mapError(error: unknown): unknown {
  if (!(error instanceof Error)) return error
  if (/duplicate key|E11000/i.test(error.message)) return new DatabaseError(DUPLICATE_KEY, '文档已存在')
  if (/does not exist|not exist/i.test(error.message) && /document/i.test(error.message)) {
    return new DatabaseError(DOCUMENT_NOT_FOUND, '文档不存在')
  }
  return error
}

const mapped = <T>(work: () => Promise<T>) =>
  work().catch((error: unknown) => {
    throw mapError(error)
  })

/**
 * The SDK's database with its duplicate-key and not-found errors mapped to ours, so code and the
 * conformance suite see one set of codes on both platforms. Everything else passes through.
 */
export function wrapDatabase(db: Database): Database {
  return {
    command: db.command,
    collection(name) {
      const collection = db.collection(name)
      return Object.assign(Object.create(collection), {
        add: (options: Parameters<typeof collection.add>[0]) => mapped(() => collection.add(options)),
        doc: (id: string) => {
          const ref = collection.doc(id)
          return Object.assign(Object.create(ref), { get: () => mapped(() => ref.get()) })
        },
      })
    },
    runTransaction: (work) => db.runTransaction(work),
  }
}

const log: Logger = {
  info: (message, fields) => console.info(JSON.stringify({ level: 'info', message, ...fields })),
  error: (message, fields) => console.error(JSON.stringify({ level: 'error', message, ...fields })),
}

export function createWxPlatform(): Platform {
  return {
    db: wrapDatabase(cloud.database()),
    storage: {
      uploadFile: (o) => cloud.uploadFile(o),
      downloadFile: (o) => cloud.downloadFile(o),
      getTempFileURL: (o) => cloud.getTempFileURL(o),
      deleteFile: (o) => cloud.deleteFile(o),
    },
    openApi: {
      async checkText({ openid, content, scene }) {
        const res = await cloud.openapi.security.msgSecCheck({ openid, scene: SECURITY_SCENE_CODE[scene], version: 2, content })
        const suggest = res.result?.suggest ?? 'risky'
        return suggest === 'pass' ? { pass: true } : { pass: false, label: String(res.result?.label ?? suggest) }
      },
      async checkImage({ fileID }) {
        const { fileContent } = await cloud.downloadFile({ fileID })
        try {
          await cloud.openapi.security.imgSecCheck({ media: { contentType: 'image/jpeg', value: fileContent } })
          return { pass: true }
        } catch (error) {
          // 87014: the image is risky; anything else is a real failure.
          if ((error as { errCode?: number }).errCode === 87014) return { pass: false, label: 'risky' }
          throw error
        }
      },
      async checkMediaAsync({ openid, fileID, scene }) {
        // WeChat fetches the file itself: a temporary https URL of the stored image
        const { fileList } = await cloud.getTempFileURL({ fileList: [fileID] })
        const mediaUrl = fileList[0]?.tempFileURL
        if (!mediaUrl) throw new Error('media check: the file has no URL')
        const res = await cloud.openapi.security.mediaCheckAsync({ mediaUrl, mediaType: 2, version: 2, openid, scene: SECURITY_SCENE_CODE[scene] })
        return { traceId: String(res.traceId) }
      },
      createMiniProgramCode: ({ scene, page, width = 430 }) =>
        cloud.openapi.wxacode.getUnlimited({ scene, page, width, checkPath: false }),
      async sendSubscribeMessage(options) {
        await cloud.openapi.subscribeMessage.send(options)
      },
    },
    clock: { now: () => Date.now() },
    log,
    config: {
      adminOpenids: (process.env.ADMIN_OPENIDS ?? '').split(',').map((s) => s.trim()).filter(Boolean),
    },
  }
}

/** The `main` export of a deployed function: identity from the WeChat context, never the event. */
export function wxMain(fn: CloudFunction) {
  const platform = createWxPlatform()
  return async (event: unknown) => {
    const { OPENID } = cloud.getWXContext()
    return fn.invoke(event, platform, OPENID ? { openid: OPENID } : null)
  }
}
