import { cutValue, cutValues } from '@/cloud/domain/notify'
import { NOTIFY_SPECS } from '@/shared/notify'

/** Every value is made to fit its WeChat field kind: a value that breaks the rule fails the whole message. */
const AT = Date.UTC(2026, 11, 1, 1, 30) // 09:30 in Beijing
const cut = (kind: Parameters<typeof cutValue>[0], value: Parameters<typeof cutValue>[1]) => cutValue(kind, value, AT)
const chars = (s: string) => Array.from(s).length

describe('field cutting, kind by kind', () => {
  test('thing: at most 20 characters, an ellipsis when cut, one line, no mobile number', () => {
    expect(cut('thing', '电线杆上贴满了小广告')).toBe('电线杆上贴满了小广告')
    const long = cut('thing', '文明路与人民路交叉口东北角的公交站台旁边的电线杆上')
    expect(chars(long)).toBe(20)
    expect(long.endsWith('…')).toBe(true)
    expect(chars(cut('thing', '😀'.repeat(30)))).toBe(20)
    expect(cut('thing', '已清理\n\n  请查看\t结果')).toBe('已清理 请查看 结果')
    expect(cut('thing', '请联系13812345678')).toBe('请联系***')
    expect(cut('thing', '')).toBe('无')
    expect(cut('thing', null)).toBe('无')
  })

  test('phrase: at most 5 Chinese characters or letters, nothing else', () => {
    expect(cut('phrase', '已受理')).toBe('已受理')
    expect(cut('phrase', '同意重办并派发')).toBe('同意重办并')
    expect(cut('phrase', '已办结！ 2 次')).toBe('已办结次')
    expect(cut('phrase', 'OK 好')).toBe('OK好')
    expect(cut('phrase', '123')).toBe('无')
  })

  test('time: YYYY-MM-DD HH:mm in Beijing; a period joined by ~; a bad string becomes the send time', () => {
    expect(cut('time', Date.UTC(2026, 11, 1, 16, 5))).toBe('2026-12-02 00:05')
    expect(cut('time', { from: Date.UTC(2026, 11, 1, 1, 0), to: Date.UTC(2026, 11, 1, 3, 0) })).toBe('2026-12-01 09:00~11:00')
    expect(cut('time', { from: Date.UTC(2026, 11, 1, 15, 0), to: Date.UTC(2026, 11, 1, 17, 0) })).toBe('2026-12-01 23:00~2026-12-02 01:00')
    expect(cut('time', '2026-12-03 08:00')).toBe('2026-12-03 08:00')
    expect(cut('time', '明天上午')).toBe('2026-12-01 09:30')
    expect(cut('time', Number.NaN)).toBe('2026-12-01 09:30')
  })

  test('date: YYYY-MM-DD in Beijing', () => {
    expect(cut('date', Date.UTC(2026, 11, 1, 16, 5))).toBe('2026-12-02')
    expect(cut('date', '2026-12-01')).toBe('2026-12-01')
    expect(cut('date', '12月1日')).toBe('2026-12-01')
  })

  test('character_string: at most 32 of [0-9A-Za-z-_]', () => {
    expect(cut('character_string', 'SSP-20261201-0042')).toBe('SSP-20261201-0042')
    expect(cut('character_string', '编号 AB_12/34')).toBe('AB_1234')
    expect(cut('character_string', 'x'.repeat(40))).toHaveLength(32)
    expect(cut('character_string', '中文')).toBe('-')
  })

  test('number, letter, symbol, amount, phone_number, car_number, name', () => {
    expect(cut('number', 42)).toBe('42')
    expect(cut('number', '共 3.5 小时')).toBe('3.5')
    expect(cut('number', '9'.repeat(40))).toHaveLength(32)
    expect(cut('number', '无')).toBe('0')
    expect(cut('letter', 'abc123DEF')).toBe('abcDEF')
    expect(cut('symbol', '★★★ 好评 ★★★')).toBe('★★★★★')
    expect(cut('amount', 12.5)).toBe('¥12.50')
    expect(cut('phone_number', '0571-8888 6666 转 123456789')).toBe('0571-888866661234')
    expect(cut('car_number', '浙A·12345')).toBe('浙A12345')
    expect(cut('name', '李小文同志你好呀朋友们大家')).toBe('李小文同志你好呀朋友')
    expect(cut('name', 'Alice Smith 2')).toBe('Alice Smith')
  })

  test('a message has exactly the template’s fields: missing ones filled by kind, unknown keys dropped', () => {
    const spec = NOTIFY_SPECS.find((s) => s.purpose === 'reportAccepted')
    if (!spec) throw new Error('no spec')
    expect(cutValues(spec.fields, { thing2: '乱扔垃圾', extra: '不该出现' }, AT)).toEqual({
      character_string1: '-',
      thing2: '乱扔垃圾',
      phrase3: '无',
      time4: '2026-12-01 09:30',
      thing5: '无',
    })
  })

  test('every template field names a kind WeChat has', () => {
    const kinds = new Set(['thing', 'phrase', 'time', 'date', 'character_string', 'number', 'letter', 'symbol', 'amount', 'phone_number', 'car_number', 'name'])
    for (const spec of NOTIFY_SPECS) for (const f of spec.fields) expect({ key: f.key, ok: kinds.has(f.kind) && /^[a-z_]+\d+$/.test(f.key) }).toEqual({ key: f.key, ok: true })
  })
})
