/**
 * Preload (`--require`, through NODE_OPTIONS so every process miniprogram-ci forks loads it too):
 * no connection leaves the machine. Every outgoing TCP/TLS connection (http, https, fetch and
 * http2 all end in `net.Socket#connect`), every DNS query and every UDP datagram is recorded in the
 * file named by WM_NET_LOG; one to a non-loopback host is sent to a closed port on 127.0.0.1
 * instead (it fails at once with ECONNREFUSED), a DNS name is answered with 127.0.0.1, a datagram
 * is dropped. Loopback and unix-socket connections go through unchanged: they never leave.
 */
import dgram from 'node:dgram'
import dns from 'node:dns'
import fs from 'node:fs'
import net from 'node:net'
import type { NetAttempt } from './report'

/** set on `process` once the guard is in place: a probe checks it before it tries anything */
export const NET_GUARD_MARK = Symbol.for('wenming-tong.net-guard')

/** tcpmux: privileged and served by nothing here; a redirected socket that connects anyway is destroyed */
const CLOSED_PORT = 1
const LOOPBACK_V4 = '127.0.0.1'

type Callback = (...args: unknown[]) => void
const isFunction = (value: unknown): value is Callback => typeof value === 'function'

export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '').toLowerCase()
  return bare === 'localhost' || bare.endsWith('.localhost') || /^127\.\d+\.\d+\.\d+$/.test(bare) || bare === '::1' || /^(0+:){7}0*1$/.test(bare) || /^::ffff:127\./.test(bare)
}

/** where in the calling code the attempt came from: the first frame outside node and this file
 * (none when node made the connection on a later tick, as http's agent does) */
function origin(): string {
  const limit = Error.stackTraceLimit
  Error.stackTraceLimit = 40
  const stack = new Error().stack ?? ''
  Error.stackTraceLimit = limit
  const frames = stack.split('\n').slice(1).map((line) => line.trim())
  return frames.find((frame) => !frame.includes('node:') && !frame.includes('net-guard')) ?? '(unknown)'
}

function record(attempt: Omit<NetAttempt, 'pid' | 'origin'>): void {
  const entry: NetAttempt = { ...attempt, pid: process.pid, origin: origin() }
  const logFile = process.env.WM_NET_LOG
  if (logFile) fs.appendFileSync(logFile, `${JSON.stringify(entry)}\n`)
  else process.stderr.write(`net-guard: ${JSON.stringify(entry)}\n`)
}

interface ConnectOptions {
  host?: string
  port?: number | string
  path?: string | null
  [option: string]: unknown
}
type Connect = (this: net.Socket, ...args: unknown[]) => net.Socket

/** net's own argument forms: (options[, cb]), (port[, host][, cb]), (path[, cb]), or net.connect's normalized [options, cb] */
function normalizeConnectArgs(args: unknown[]): { options: ConnectOptions; callback?: Callback } {
  const [first, second, third] = args
  if (Array.isArray(first)) return { options: (first[0] ?? {}) as ConnectOptions, callback: isFunction(first[1]) ? first[1] : undefined }
  if (typeof first === 'object' && first !== null) return { options: first as ConnectOptions, callback: isFunction(second) ? second : undefined }
  if (typeof first === 'string' && !/^\d+$/.test(first)) return { options: { path: first }, callback: isFunction(second) ? second : undefined }
  const host = typeof second === 'string' ? second : undefined
  return { options: { port: first as number | string, host }, callback: [second, third].find(isFunction) }
}

const originalConnect = net.Socket.prototype.connect as unknown as Connect
function guardedConnect(this: net.Socket, ...args: unknown[]): net.Socket {
  const { options, callback } = normalizeConnectArgs(args)
  // net's own test for a unix socket (http's agent passes `path: null` along with host and port)
  if (options.path) return originalConnect.apply(this, args)
  const host = options.host ?? 'localhost'
  const port = Number(options.port)
  const loopback = isLoopbackHost(host)
  record({ kind: 'tcp', host, port, loopback })
  if (loopback) return originalConnect.apply(this, args)
  this.once('connect', () => {
    record({ kind: 'tcp', host: `${LOOPBACK_V4} (stand-in for ${host})`, port: CLOSED_PORT, loopback: true })
    this.destroy(new Error(`net-guard: port ${CLOSED_PORT} on ${LOOPBACK_V4} was open`))
  })
  const redirected: ConnectOptions = { ...options, host: LOOPBACK_V4, port: CLOSED_PORT, family: 4, lookup: undefined, localAddress: undefined }
  return callback ? originalConnect.call(this, redirected, callback) : originalConnect.call(this, redirected)
}
;(net.Socket.prototype as unknown as { connect: Connect }).connect = guardedConnect

// DNS: lookups (what a connect by name uses) answer loopback; the resolver's queries fail
type Lookup = (hostname: string, ...rest: unknown[]) => unknown
const originalLookup = dns.lookup as unknown as Lookup
;(dns as unknown as { lookup: Lookup }).lookup = function lookup(hostname: string, ...rest: unknown[]) {
  const loopback = isLoopbackHost(String(hostname))
  record({ kind: 'dns', host: String(hostname), loopback })
  return originalLookup.call(dns, loopback ? hostname : LOOPBACK_V4, ...rest)
}
const originalPromiseLookup = dns.promises.lookup as unknown as Lookup
;(dns.promises as unknown as { lookup: Lookup }).lookup = function lookup(hostname: string, ...rest: unknown[]) {
  const loopback = isLoopbackHost(String(hostname))
  record({ kind: 'dns', host: String(hostname), loopback })
  return originalPromiseLookup.call(dns.promises, loopback ? hostname : LOOPBACK_V4, ...rest)
}

const RESOLVERS = ['resolve', 'resolve4', 'resolve6', 'resolveAny', 'resolveCaa', 'resolveCname', 'resolveMx', 'resolveNaptr', 'resolveNs', 'resolvePtr', 'resolveSoa', 'resolveSrv', 'resolveTxt', 'reverse'] as const
const refused = (host: string): NodeJS.ErrnoException => Object.assign(new Error(`net-guard: no DNS query leaves this machine (${host})`), { code: 'ECONNREFUSED' })
type Resolve = (host: string, ...rest: unknown[]) => unknown
function guardResolvers(target: object, promises: boolean): void {
  for (const name of RESOLVERS) {
    const table = target as Record<string, Resolve | undefined>
    if (typeof table[name] !== 'function') continue
    table[name] = function resolve(host: string, ...rest: unknown[]) {
      record({ kind: 'dns', host: String(host), loopback: false })
      if (promises) return Promise.reject(refused(String(host)))
      const callback = rest.find(isFunction)
      if (callback) process.nextTick(() => callback(refused(String(host))))
      return undefined
    }
  }
}
guardResolvers(dns, false)
guardResolvers(dns.Resolver.prototype, false)
guardResolvers(dns.promises, true)
guardResolvers(dns.promises.Resolver.prototype, true)

// UDP: a datagram to anywhere but loopback is recorded and dropped
type Send = (this: dgram.Socket, ...args: unknown[]) => void
const originalSend = dgram.Socket.prototype.send as unknown as Send
;(dgram.Socket.prototype as unknown as { send: Send }).send = function send(this: dgram.Socket, ...args: unknown[]) {
  const address = args.slice(1).find((arg): arg is string => typeof arg === 'string')
  const port = args.slice(1).filter((arg): arg is number => typeof arg === 'number').pop()
  const host = address ?? (() => {
    try {
      return this.remoteAddress().address
    } catch {
      return '(unconnected)'
    }
  })()
  const loopback = isLoopbackHost(host)
  record({ kind: 'udp', host, port, loopback })
  if (loopback) {
    originalSend.apply(this, args)
    return
  }
  const callback = args.find(isFunction)
  if (callback) process.nextTick(() => callback(refused(host)))
}
type UdpConnect = (this: dgram.Socket, port: number, ...rest: unknown[]) => void
const originalUdpConnect = dgram.Socket.prototype.connect as unknown as UdpConnect
;(dgram.Socket.prototype as unknown as { connect: UdpConnect }).connect = function connect(this: dgram.Socket, port: number, ...rest: unknown[]) {
  const host = rest.find((arg): arg is string => typeof arg === 'string') ?? 'localhost'
  const loopback = isLoopbackHost(host)
  record({ kind: 'udp', host, port, loopback })
  if (loopback) {
    originalUdpConnect.call(this, port, ...rest)
    return
  }
  originalUdpConnect.call(this, CLOSED_PORT, LOOPBACK_V4, ...rest.filter(isFunction))
}

Object.defineProperty(process, NET_GUARD_MARK, { value: true })
