import type { IdType } from '@/shared/contract/volunteer'

/**
 * Personal data of a volunteer record: checked when entered, masked whenever shown back. Only the
 * organizer's audited CSV export carries the full values the national record system needs.
 */
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
const ID_CHECK = '10X98765432'

/** GB 11643: 18 characters, a real birth date, and the ISO 7064 MOD 11-2 check character. */
export function isValidResidentId(value: string): boolean {
  const id = value.toUpperCase()
  if (!/^\d{17}[\dX]$/.test(id)) return false
  const year = Number(id.slice(6, 10))
  const month = Number(id.slice(10, 12))
  const dayOfMonth = Number(id.slice(12, 14))
  const birth = new Date(Date.UTC(year, month - 1, dayOfMonth))
  if (year < 1900 || birth.getUTCMonth() !== month - 1 || birth.getUTCDate() !== dayOfMonth) return false
  const sum = ID_WEIGHTS.reduce((acc, w, i) => acc + w * Number(id[i]), 0)
  return ID_CHECK[sum % 11] === id[17]
}

export function isValidIdNumber(type: IdType, value: string): boolean {
  switch (type) {
    case 'resident':
      return isValidResidentId(value)
    case 'hkMacau':
      // 港澳居民来往内地通行证: H/M + 8 or 10 digits
      return /^[HM]\d{8}(\d{2})?$/i.test(value)
    case 'taiwan':
      // 台湾居民来往大陆通行证: 8 digits (older ones carry a bracketed suffix)
      return /^\d{8}(\(\w+\))?$/.test(value)
    case 'passport':
      return /^[A-Za-z0-9]{5,17}$/.test(value)
  }
}

/** 李明 → 李*, 李小明 → 李*明, 欧阳小明 → 欧**明 */
export function maskName(name: string): string {
  const chars = Array.from(name)
  if (chars.length <= 1) return '*'
  if (chars.length === 2) return `${chars[0]}*`
  return chars[0] + '*'.repeat(chars.length - 2) + chars[chars.length - 1]
}

/** 13812345678 → 138****5678 */
export function maskPhone(phone: string): string {
  return phone.length < 7 ? '*'.repeat(phone.length) : `${phone.slice(0, 3)}${'*'.repeat(phone.length - 7)}${phone.slice(-4)}`
}

/** 110101199003071234 → 1101**********1234; short documents keep only their last 2 characters */
export function maskIdNumber(id: string): string {
  if (id.length >= 12) return `${id.slice(0, 4)}${'*'.repeat(id.length - 8)}${id.slice(-4)}`
  return `${'*'.repeat(Math.max(0, id.length - 2))}${id.slice(-2)}`
}

export const ID_TYPE_LABEL: Record<IdType, string> = {
  resident: '居民身份证',
  hkMacau: '港澳居民来往内地通行证',
  taiwan: '台湾居民来往大陆通行证',
  passport: '护照',
}
