import { z } from 'zod'
import { returns } from '@/shared/contract'
import { defineFunction } from '@/cloud/runtime/define-function'
import { startTestCloud, type TestCloud } from '../support/cloud'

let cloud: TestCloud
beforeEach(() => {
  cloud = startTestCloud()
})
afterEach(() => cloud.close())

const probe = defineFunction(
  'probe',
  {
    boom: returns<never>()({ input: z.object({ phone: z.string().max(20) }).strict(), roles: ['resident'], summary: 'throws' }),
    officeOnly: returns<string>()({ input: z.object({}).strict(), roles: ['admin'], summary: 'admin' }),
  },
  {
    boom: async ({ phone }) => {
      throw new Error(`database down while saving ${phone}`.replace(phone, '[redacted]'))
    },
    officeOnly: async () => 'ok',
  },
)

test('an unknown action has its own code', async () => {
  expect(await cloud.as('alice').raw('user', { action: 'dropEverything', data: {} })).toMatchObject({
    ok: false,
    code: 'ACTION.UNKNOWN',
  })
})

test('an event that is not {action, data} is malformed', async () => {
  for (const event of [null, 'me', 42, [], { data: {} }, { action: 7 }]) {
    expect(await cloud.as('alice').raw('user', event)).toMatchObject({ ok: false, code: 'EVENT.MALFORMED' })
  }
})

test('inherited object keys are not actions', async () => {
  for (const action of ['toString', 'constructor', '__proto__', 'hasOwnProperty']) {
    expect(await cloud.as('alice').raw('user', { action, data: {} })).toMatchObject({ ok: false, code: 'ACTION.UNKNOWN' })
  }
})

test('extra keys the platform adds to the event (userInfo) are accepted', async () => {
  const result = await cloud.as('alice').raw('user', { action: 'me', data: {}, userInfo: { appId: 'wx1', openId: 'spoofed' } })
  expect(result.ok).toBe(true)
})

test('an unexpected error is INTERNAL, without stack, and logged without the caller', async () => {
  const result = await probe.invoke({ action: 'boom', data: { phone: '13800138000' } }, cloud.platform, { openid: 'alice-openid' })
  expect(result).toEqual({ ok: false, code: 'INTERNAL', message: '系统繁忙，请稍后再试' })
  expect(cloud.logged).toHaveLength(1)
  const line = JSON.stringify(cloud.logged[0])
  expect(line).toContain('probe')
  expect(line).not.toContain('alice-openid')
  expect(line).not.toContain('13800138000')
})

test('a missing role has its own code and the handler never runs', async () => {
  expect(await probe.invoke({ action: 'officeOnly', data: {} }, cloud.platform, { openid: 'alice' })).toMatchObject({
    ok: false,
    code: 'AUTH.FORBIDDEN',
  })
})

test('invalid input names the field at fault', async () => {
  const result = await probe.invoke({ action: 'boom', data: { phone: 13800138000 } }, cloud.platform, { openid: 'alice' })
  expect(result).toMatchObject({ ok: false, code: 'INPUT.INVALID', issues: [expect.objectContaining({ path: 'phone' })] })
})
