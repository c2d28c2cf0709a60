/**
 * The scene codec: what a 小程序码 carries in its `scene` (at most 32 characters of digits,
 * letters and !#$&'()*+,/:;=?@-._~). A one-letter kind, then the payload:
 *
 *   p<posterId>                 poster (公益广告)            p8kQ2
 *   c<shiftId>.<token>          shift check-in (签到码)       cS1a.4f9k2Qx
 *   s<joinCode>                 class join (小手拉大手)       sK7P3QD
 *   m<shopId>                   shop door (一店一码, 门前三包)  mshop-demo-tea
 *   v<code>                     certificate check (服务证明查验码) vK7P3QD2XAB
 *
 * Unused letters are room for more kinds. Decoding never throws: malformed input is a value with a
 * code, because scenes arrive from printed posters and anyone's camera.
 */
export type Scene =
  | { kind: 'poster'; posterId: string }
  | { kind: 'checkIn'; shiftId: string; token: string }
  | { kind: 'classJoin'; joinCode: string }
  | { kind: 'shopDoor'; shopId: string }
  | { kind: 'certificate'; code: string }

export type SceneErrorCode = 'SCENE.EMPTY' | 'SCENE.TOO_LONG' | 'SCENE.BAD_CHARACTERS' | 'SCENE.UNKNOWN_KIND' | 'SCENE.MALFORMED'

export type SceneDecoded = { ok: true; scene: Scene } | { ok: false; code: SceneErrorCode; message: string }

export const SCENE_MAX_LENGTH = 32
/** the characters WeChat allows in `scene` */
export const SCENE_ALLOWED = /^[0-9A-Za-z!#$&'()*+,/:;=?@\-._~]*$/

const ID = /^[A-Za-z0-9_-]+$/
const JOIN_CODE = /^[A-Z0-9]{4,12}$/
const TOKEN = /^[A-Za-z0-9_-]{4,20}$/
/** a volunteer certificate's 查验码, without its dash */
const CERTIFICATE_CODE = /^[0-9A-Z]{6,16}$/

const MESSAGES: Record<SceneErrorCode, string> = {
  'SCENE.EMPTY': '二维码内容为空',
  'SCENE.TOO_LONG': '二维码内容过长',
  'SCENE.BAD_CHARACTERS': '二维码内容包含无法识别的字符',
  'SCENE.UNKNOWN_KIND': '暂不支持这种二维码',
  'SCENE.MALFORMED': '二维码内容不完整或已损坏',
}

const failed = (code: SceneErrorCode): SceneDecoded => ({ ok: false, code, message: MESSAGES[code] })

export function encodeScene(scene: Scene): string {
  const encoded = rawEncode(scene)
  // A scene we cannot decode again is a bug in the caller (ids too long or with odd characters).
  const back = decodeScene(encoded)
  if (!back.ok || encoded.length > SCENE_MAX_LENGTH) throw new RangeError(`scene cannot be encoded: ${scene.kind}`)
  return encoded
}

function rawEncode(scene: Scene): string {
  switch (scene.kind) {
    case 'poster':
      return `p${scene.posterId}`
    case 'checkIn':
      return `c${scene.shiftId}.${scene.token}`
    case 'classJoin':
      return `s${scene.joinCode}`
    case 'shopDoor':
      return `m${scene.shopId}`
    case 'certificate':
      return `v${scene.code}`
  }
}

/** Accepts the raw `scene` launch option (URI-encoded by WeChat) or an already decoded one. */
export function decodeScene(input: unknown): SceneDecoded {
  if (typeof input !== 'string' || input.length === 0) return failed('SCENE.EMPTY')
  if (input.length > SCENE_MAX_LENGTH * 3) return failed('SCENE.TOO_LONG')
  let raw = input
  if (raw.includes('%')) {
    try {
      raw = decodeURIComponent(raw)
    } catch {
      return failed('SCENE.MALFORMED')
    }
  }
  if (raw.length > SCENE_MAX_LENGTH) return failed('SCENE.TOO_LONG')
  if (!SCENE_ALLOWED.test(raw)) return failed('SCENE.BAD_CHARACTERS')
  const kind = raw[0]
  const body = raw.slice(1)
  switch (kind) {
    case 'p':
      return ID.test(body) ? { ok: true, scene: { kind: 'poster', posterId: body } } : failed('SCENE.MALFORMED')
    case 'c': {
      const dot = body.indexOf('.')
      const shiftId = body.slice(0, dot)
      const token = body.slice(dot + 1)
      if (dot <= 0 || !ID.test(shiftId) || !TOKEN.test(token)) return failed('SCENE.MALFORMED')
      return { ok: true, scene: { kind: 'checkIn', shiftId, token } }
    }
    case 's':
      return JOIN_CODE.test(body) ? { ok: true, scene: { kind: 'classJoin', joinCode: body } } : failed('SCENE.MALFORMED')
    case 'm':
      return ID.test(body) ? { ok: true, scene: { kind: 'shopDoor', shopId: body } } : failed('SCENE.MALFORMED')
    case 'v':
      return CERTIFICATE_CODE.test(body) ? { ok: true, scene: { kind: 'certificate', code: body } } : failed('SCENE.MALFORMED')
    default:
      return failed('SCENE.UNKNOWN_KIND')
  }
}
