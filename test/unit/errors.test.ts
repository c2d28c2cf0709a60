import { fail, failCommon, ok } from '@/shared/errors'

test('ok and fail build the two result shapes', () => {
  expect(ok(1)).toEqual({ ok: true, data: 1 })
  expect(fail('A.B', '消息')).toEqual({ ok: false, code: 'A.B', message: '消息' })
  expect(failCommon('INTERNAL')).toEqual({ ok: false, code: 'INTERNAL', message: '系统繁忙，请稍后再试' })
})
