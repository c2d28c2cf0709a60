import { CONTRACT } from '@/shared/contract'
import { bodyFields, open311 } from '../../domain/open311'
import { issueKey, listKeys, revokeKey } from '../../domain/open311/keys'
import { defineFunction, type HttpTriggerEvent, type HttpTriggerResponse } from '../../runtime/define-function'
import type { Platform } from '../../platform'

/** everything up to the version in the trigger's path: the cloud route and the local host's root differ only there */
const ROOT = /^.*?\/open311\/v2\//

/**
 * One HTTP-trigger event through the same `open311()` the local host serves. The path may come
 * with the trigger's route in front (`/open311/v2/requests.json`) or without it.
 */
export async function serveOpen311(event: HttpTriggerEvent, platform: Platform): Promise<HttpTriggerResponse> {
  const headers = Object.fromEntries(Object.entries(event.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]))
  const raw = event.body ?? ''
  const text = event.isBase64Encoded ? Buffer.from(raw, 'base64').toString('utf8') : raw
  const answer = await open311(
    {
      method: event.httpMethod.toUpperCase(),
      path: event.path.replace(ROOT, '').replace(/^\/+/, ''),
      query: new URLSearchParams(event.queryStringParameters ?? {}),
      body: event.httpMethod.toUpperCase() === 'POST' ? bodyFields(headers['content-type'] ?? '', text) : undefined,
    },
    platform,
  )
  return { statusCode: answer.status, headers: { 'content-type': 'application/json; charset=utf-8' }, body: JSON.stringify(answer.body) }
}

/** Open311 for partner systems: the office's key actions, and the GeoReport interface over HTTP. */
export const open311Function = defineFunction(
  'open311',
  CONTRACT.open311,
  {
    issueKey: (input, ctx) => issueKey(input, ctx),
    keys: (_input, ctx) => listKeys(ctx),
    revokeKey: (input, ctx) => revokeKey(input, ctx),
  },
  ['security.msgSecCheck'],
  {},
  serveOpen311,
)

export default open311Function
