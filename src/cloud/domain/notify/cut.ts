import type { NotifyField, NotifyFieldKind } from '@/shared/notify'

/**
 * Cutting values to WeChat's field rules. A value that breaks its kind's rule makes WeChat refuse
 * the whole message (47003), and the credit is gone with it; so every value is made to fit here,
 * whatever the caller passed.
 */
export type NotifyValue = string | number | { from: number; to: number } | null | undefined
export type NotifyValues = Record<string, NotifyValue>

const BEIJING_OFFSET_MS = 8 * 60 * 60 * 1000
const beijing = (ms: number) => new Date(ms + BEIJING_OFFSET_MS).toISOString()
const beijingDateTime = (ms: number) => beijing(ms).slice(0, 16).replace('T', ' ')
const beijingDate = (ms: number) => beijing(ms).slice(0, 10)

/** A mainland mobile number anywhere in a text: masked, in case user words carry one. */
const MOBILE = /(?<!\d)1[3-9]\d{9}(?!\d)/g

function chars(text: string): string[] {
  return Array.from(text)
}

/** at most `max` characters; a cut text ends in … so the reader knows there was more */
function clip(text: string, max: number): string {
  const all = chars(text)
  return all.length <= max ? text : `${all.slice(0, max - 1).join('')}…`
}

function plain(value: NotifyValue): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : ''
  if (typeof value === 'string') return value
  return ''
}

function time(value: NotifyValue, at: number): string {
  if (typeof value === 'number' && Number.isFinite(value)) return beijingDateTime(value)
  if (value && typeof value === 'object') {
    const from = beijingDateTime(value.from)
    const to = beijingDateTime(value.to)
    // WeChat joins a period with ~; the same day says the date once
    return from.slice(0, 10) === to.slice(0, 10) ? `${from}~${to.slice(11)}` : `${from}~${to}`
  }
  const text = plain(value).trim()
  return /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/.test(text) ? text : beijingDateTime(at)
}

function date(value: NotifyValue, at: number): string {
  if (typeof value === 'number' && Number.isFinite(value)) return beijingDate(value)
  const text = plain(value).trim()
  return /^\d{4}-\d{2}-\d{2}$/.test(text) ? text : beijingDate(at)
}

const CUTTERS: Record<NotifyFieldKind, (value: NotifyValue, at: number) => string> = {
  // 20 characters of anything printable; line breaks and runs of spaces would show as nothing
  thing: (v) => clip(plain(v).replace(MOBILE, '***').replace(/\p{Cc}+/gu, ' ').replace(/\s+/g, ' ').trim(), 20) || '无',
  // 5 Chinese characters or letters, nothing else (no digits, spaces or punctuation)
  phrase: (v) => chars(plain(v).replace(/[^\p{Script=Han}A-Za-z]/gu, '')).slice(0, 5).join('') || '无',
  time: (v, at) => time(v, at),
  date: (v, at) => date(v, at),
  character_string: (v) => plain(v).replace(/[^0-9A-Za-z_-]/g, '').slice(0, 32) || '-',
  number: (v) => {
    const text = plain(v).replace(/[^0-9.]/g, '')
    const [whole = '', ...rest] = text.split('.')
    const joined = rest.length ? `${whole || '0'}.${rest.join('')}` : whole
    return joined.slice(0, 32).replace(/\.$/, '') || '0'
  },
  letter: (v) => plain(v).replace(/[^A-Za-z]/g, '').slice(0, 32) || 'NA',
  symbol: (v) => chars(plain(v).replace(/[\p{L}\p{N}\s]/gu, '')).slice(0, 5).join('') || '-',
  amount: (v) => {
    const n = typeof v === 'number' ? v : Number(plain(v).replace(/[^0-9.]/g, ''))
    return `¥${(Number.isFinite(n) ? n : 0).toFixed(2)}`.slice(0, 14)
  },
  phone_number: (v) => plain(v).replace(/[^0-9+-]/g, '').slice(0, 17) || '-',
  car_number: (v) => chars(plain(v).replace(/[^\p{Script=Han}A-Za-z0-9]/gu, '')).slice(0, 8).join('') || '-',
  name: (v) => {
    const text = plain(v).trim()
    const han = chars(text.replace(/[^\p{Script=Han}]/gu, ''))
    return han.length ? han.slice(0, 10).join('') : text.replace(/[^A-Za-z ]/g, '').trim().slice(0, 20) || '无'
  },
}

export function cutValue(kind: NotifyFieldKind, value: NotifyValue, at: number): string {
  return CUTTERS[kind](value, at)
}

/**
 * The message body for `fields`: every field present (WeChat refuses a missing one), each cut to
 * its kind; keys the template does not have are dropped. `at` fills a missing time or date.
 */
export function cutValues(fields: readonly NotifyField[], values: NotifyValues, at: number): Record<string, string> {
  const out: Record<string, string> = {}
  for (const field of fields) out[field.key] = cutValue(field.kind, values[field.key], at)
  return out
}
