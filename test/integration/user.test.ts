import { DEFAULT_NICKNAME } from '@/cloud/domain/user/profile'
import { BLOCKED_WORDS } from '@/cloud/platform/local/open-api'
import { expectOk, startTestCloud, TEST_ADMIN, type TestCloud } from '../support/cloud'

let cloud: TestCloud
beforeEach(() => {
  cloud = startTestCloud()
})
afterEach(() => cloud.close())

describe('me', () => {
  test('the first call creates the profile with defaults, and later calls return the same one', async () => {
    const first = expectOk(await cloud.as('alice').call('user', 'me', {}))
    expect(first).toMatchObject({ nickname: DEFAULT_NICKNAME, points: 0, roles: [], isAdmin: false, settings: { largeText: false } })
    cloud.clock.advance(60_000)
    const second = expectOk(await cloud.as('alice').call('user', 'me', {}))
    expect(second.createdAt).toBe(first.createdAt)
  })

  test('concurrent first calls from one person create exactly one profile', async () => {
    await Promise.all(Array.from({ length: 20 }, () => cloud.as('bob').call('user', 'me', {})))
    const { total } = await cloud.platform.db.collection('users').where({ _id: 'bob' }).count()
    expect(total).toBe(1)
  })

  test('a call without identity is refused before anything is written', async () => {
    const result = await cloud.as(null).call('user', 'me', {})
    expect(result).toMatchObject({ ok: false, code: 'AUTH.NO_IDENTITY' })
    expect((await cloud.snapshot()).users).toEqual([])
  })

  test('an admin from configuration is an admin without any stored grant', async () => {
    const me = expectOk(await cloud.as(TEST_ADMIN).call('user', 'me', {}))
    expect(me.isAdmin).toBe(true)
  })
})

describe('updateProfile', () => {
  test('changes the nickname after the content check passes', async () => {
    const me = expectOk(await cloud.as('alice').call('user', 'updateProfile', { nickname: '热心市民' }))
    expect(me.nickname).toBe('热心市民')
    expect(cloud.platform.openApi.outbox).toContainEqual(expect.objectContaining({ api: 'security.msgSecCheck', pass: true }))
  })

  test('a nickname that fails the content check is refused and nothing changes', async () => {
    expectOk(await cloud.as('alice').call('user', 'me', {}))
    const before = await cloud.snapshot()
    const result = await cloud.as('alice').call('user', 'updateProfile', { nickname: `我是${BLOCKED_WORDS[0]}` })
    expect(result).toMatchObject({ ok: false, code: 'USER.NICKNAME_REJECTED' })
    expect(await cloud.snapshot()).toEqual(before)
  })

  test('turning large text on keeps the other settings and survives a reload', async () => {
    expectOk(await cloud.as('alice').call('user', 'updateProfile', { settings: { largeText: true } }))
    const me = expectOk(await cloud.as('alice').call('user', 'me', {}))
    expect(me.settings.largeText).toBe(true)
  })

  test('an update with nothing to change is invalid input', async () => {
    const result = await cloud.as('alice').call('user', 'updateProfile', {})
    expect(result).toMatchObject({ ok: false, code: 'INPUT.INVALID' })
  })
})

describe('grantRole and revokeRole', () => {
  test('a resident cannot grant roles', async () => {
    const result = await cloud.as('alice').call('user', 'grantRole', { openid: 'alice', role: 'admin' })
    expect(result).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' })
    expect((await cloud.snapshot()).role_grants).toEqual([])
  })

  test('an admin grants a scoped role; the person sees it and it is audited', async () => {
    const granted = expectOk(
      await cloud.as(TEST_ADMIN).call('user', 'grantRole', { openid: 'carol', role: 'grid', scopeId: 'grid-7' }),
    )
    expect(granted.grants).toEqual([{ role: 'grid', scopeId: 'grid-7' }])
    const me = expectOk(await cloud.as('carol').call('user', 'me', {}))
    expect(me.roles).toEqual([{ role: 'grid', scopeId: 'grid-7' }])
    const { data: audit } = await cloud.platform.db.collection('audit_log').where({ subjectId: 'carol' }).get()
    expect(audit).toEqual([
      expect.objectContaining({ action: 'grantRole', actorOpenid: TEST_ADMIN, actorRoles: ['admin'], detail: { role: 'grid', scopeId: 'grid-7' } }),
    ])
  })

  test('granting the same role twice leaves one grant', async () => {
    for (let i = 0; i < 2; i++) {
      expectOk(await cloud.as(TEST_ADMIN).call('user', 'grantRole', { openid: 'carol', role: 'volunteer' }))
    }
    const { total } = await cloud.platform.db.collection('role_grants').where({ openid: 'carol' }).count()
    expect(total).toBe(1)
  })

  test('a scoped role without its scope, or an unscoped role with one, is refused', async () => {
    expect(await cloud.as(TEST_ADMIN).call('user', 'grantRole', { openid: 'carol', role: 'handler' })).toMatchObject({
      ok: false,
      code: 'USER.SCOPE_REQUIRED',
    })
    expect(
      await cloud.as(TEST_ADMIN).call('user', 'grantRole', { openid: 'carol', role: 'volunteer', scopeId: 'x' }),
    ).toMatchObject({ ok: false, code: 'USER.SCOPE_NOT_ALLOWED' })
    expect((await cloud.snapshot()).role_grants).toEqual([])
  })

  test('a granted admin can grant, and loses that power once revoked', async () => {
    expectOk(await cloud.as(TEST_ADMIN).call('user', 'grantRole', { openid: 'dora', role: 'admin' }))
    expectOk(await cloud.as('dora').call('user', 'grantRole', { openid: 'erin', role: 'volunteer' }))
    expectOk(await cloud.as(TEST_ADMIN).call('user', 'revokeRole', { openid: 'dora', role: 'admin' }))
    expect(await cloud.as('dora').call('user', 'grantRole', { openid: 'erin', role: 'teacher', scopeId: 'c1' })).toMatchObject({
      ok: false,
      code: 'AUTH.FORBIDDEN',
    })
  })

  test('admins from configuration cannot be revoked, and no admin can revoke themself', async () => {
    expectOk(await cloud.as(TEST_ADMIN).call('user', 'grantRole', { openid: 'dora', role: 'admin' }))
    expect(await cloud.as('dora').call('user', 'revokeRole', { openid: TEST_ADMIN, role: 'admin' })).toMatchObject({
      ok: false,
      code: 'USER.CONFIG_ADMIN',
    })
    expect(await cloud.as('dora').call('user', 'revokeRole', { openid: 'dora', role: 'admin' })).toMatchObject({
      ok: false,
      code: 'USER.SELF_REVOKE',
    })
  })

  test('the office looks up what someone holds; nobody else can', async () => {
    expectOk(await cloud.as(TEST_ADMIN).call('user', 'grantRole', { openid: 'carol', role: 'teacher', scopeId: 'class-3' }))
    expect(expectOk(await cloud.as(TEST_ADMIN).call('user', 'rolesOf', { openid: 'carol' })).grants).toEqual([
      { role: 'teacher', scopeId: 'class-3' },
    ])
    expect(await cloud.as('carol').call('user', 'rolesOf', { openid: 'carol' })).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' })
  })

  test('me tells a person their own user id, to give the office when asking for a role', async () => {
    expect(expectOk(await cloud.as('carol').call('user', 'me', {})).userId).toBe('carol')
  })

  test('revoking a role the person does not hold says so', async () => {
    expect(await cloud.as(TEST_ADMIN).call('user', 'revokeRole', { openid: 'carol', role: 'volunteer' })).toMatchObject({
      ok: false,
      code: 'USER.GRANT_NOT_FOUND',
    })
  })
})
