import { oncePerSession } from '@/lib/once-per-session'
import type { Result } from '@/shared/errors'

test('callers share the first answer, and a failure is retried by the next caller', async () => {
  const answers: Array<Result<number>> = [
    { ok: false, code: 'NETWORK.OFFLINE', message: '网络不可用' },
    { ok: true, data: 7 },
  ]
  let calls = 0
  const load = oncePerSession(async () => answers[calls++])
  expect(await load()).toMatchObject({ ok: false })
  const [a, b] = await Promise.all([load(), load()])
  expect(a).toEqual({ ok: true, data: 7 })
  expect(b).toBe(a)
  expect(await load()).toBe(a)
  expect(calls).toBe(2)
})
