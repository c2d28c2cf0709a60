/**
 * Run under the net guard by miniprogram-ci.test.ts: tries each way out of the machine once and
 * prints, as JSON, how each ended. It tries nothing unless the guard is in place.
 */
import dgram from 'node:dgram'
import dns from 'node:dns'
import https from 'node:https'
import net from 'node:net'

export type ProbeOutcomes = Record<string, string>

const codeOf = (error: unknown): string => (error instanceof Error ? ((error as NodeJS.ErrnoException).code ?? error.message) : String(error))

async function probe(): Promise<ProbeOutcomes> {
  const outcomes: ProbeOutcomes = {}
  outcomes.https = await new Promise<string>((resolve) => {
    https.get('https://servicewechat.com/wxa/ci/getwhiteextlist', () => resolve('connected')).on('error', (error) => resolve(codeOf(error)))
  })
  outcomes.fetch = await fetch('https://servicewechat.com/wxa/ci/getattr').then(
    () => 'connected',
    (error: unknown) => codeOf(error instanceof Error && error.cause !== undefined ? error.cause : error),
  )
  // TEST-NET-1 (RFC 5737) and .invalid (RFC 6761): reserved, never anyone's host
  outcomes.tcp = await new Promise<string>((resolve) => {
    const socket = net.connect(443, '192.0.2.1')
    socket.on('connect', () => resolve('connected')).on('error', (error) => resolve(codeOf(error)))
  })
  outcomes.resolve = await dns.promises.resolve4('wechat-check.invalid').then(() => 'resolved', codeOf)
  outcomes.udp = await new Promise<string>((resolve) => {
    const socket = dgram.createSocket('udp4')
    socket.send('probe', 53, '192.0.2.1', (error) => {
      socket.close()
      resolve(error ? codeOf(error) : 'sent')
    })
  })
  return outcomes
}

if (!(process as unknown as Record<symbol, unknown>)[Symbol.for('wenming-tong.net-guard')]) {
  console.error('net-probe: the net guard is not loaded; trying nothing')
  process.exit(3)
}
probe().then((outcomes) => console.info(JSON.stringify(outcomes)))
