import { FAMILY_NOTICE, NOTICE_VERSION } from '@/shared/contract/family'
import { decodeScene } from '@/shared/scene'
import { expectOk, TEST_ADMIN } from '../support/cloud'
import { docsOf, everythingStored, joinAs, joined, startFamilyCloud, T1, type FamilyWorld } from './family-support'

let world: FamilyWorld
beforeEach(async () => {
  world = await startFamilyCloud()
})
afterEach(() => world.cloud.close())

describe('the join code', () => {
  test('a class gets a 6-character code of unambiguous letters and digits, and a 小程序码 carrying scene s<code>', async () => {
    const code = world.classA1.joinCode ?? ''
    expect(code).toMatch(/^[ABCDEFGHJKMNPQRSTWXYZ23456789]{6}$/)
    expect(world.classB1.joinCode).not.toBe(code)
    const qr = expectOk(await world.cloud.as(T1).call('family', 'classCode', { classId: world.classA1.id }))
    expect(qr).toMatchObject({ joinCode: code, scene: `s${code}` })
    expect(qr.imageUrl).not.toBe('')
    expect(decodeScene(qr.scene)).toEqual({ ok: true, scene: { kind: 'classJoin', joinCode: code } })
    expect(world.cloud.platform.openApi.outbox).toContainEqual(expect.objectContaining({ api: 'wxacode.getUnlimited', scene: `s${code}` }))
  })

  test('a valid code previews the class and the notice to agree to; typed in lower case it still works', async () => {
    const code = world.classA1.joinCode ?? ''
    const preview = expectOk(await world.cloud.as('parent-1').call('family', 'preview', { joinCode: ` ${code.toLowerCase()} ` }))
    expect(preview.classView).toMatchObject({ id: world.classA1.id, title: '三年级 3 班 · 文明路小学', status: 'active' })
    expect(preview.notice).toEqual({ version: NOTICE_VERSION, title: FAMILY_NOTICE.title, paragraphs: [...FAMILY_NOTICE.paragraphs] })
    expect(preview.familyId).toBeNull()
  })

  test('a wrong code is FAMILY.CODE_NOT_FOUND for preview and join, and nothing is stored', async () => {
    const before = await world.cloud.snapshot()
    expect(await world.cloud.as('parent-1').call('family', 'preview', { joinCode: 'ZZZZ99' })).toMatchObject({ ok: false, code: 'FAMILY.CODE_NOT_FOUND' })
    expect(await joinAs(world.cloud, 'parent-1', 'ZZZZ99')).toMatchObject({ ok: false, code: 'FAMILY.CODE_NOT_FOUND' })
    expect(await world.cloud.snapshot()).toEqual(before)
  })

  test.each([['AB'], ['ABC-12'], ['文明小学'], ['ABCDEFGHJKMNP'], ['']])('a malformed code %j is INPUT.INVALID and stores nothing', async (joinCode) => {
    const before = await world.cloud.snapshot()
    expect(await joinAs(world.cloud, 'parent-1', joinCode)).toMatchObject({ ok: false, code: 'INPUT.INVALID' })
    expect(await world.cloud.as('parent-1').call('family', 'preview', { joinCode })).toMatchObject({ ok: false, code: 'INPUT.INVALID' })
    expect(await world.cloud.snapshot()).toEqual(before)
  })

  test("an archived class's code says the class has ended, for preview and join", async () => {
    const code = world.classA1.joinCode ?? ''
    expectOk(await world.cloud.as(T1).call('family', 'archive', { classId: world.classA1.id }))
    const before = await world.cloud.snapshot()
    expect(await world.cloud.as('parent-1').call('family', 'preview', { joinCode: code })).toMatchObject({ ok: false, code: 'FAMILY.CLASS_ARCHIVED' })
    expect(await joinAs(world.cloud, 'parent-1', code)).toMatchObject({ ok: false, code: 'FAMILY.CLASS_ARCHIVED' })
    expect(await world.cloud.snapshot()).toEqual(before)
  })
})

describe('consent and children', () => {
  test('the consent (who, when, which version) is stored before any child, and a child only with it', async () => {
    world.cloud.clock.advance(60_000)
    const family = await joined(world.cloud, 'parent-1', world.classA1, [{ nickname: '小明', grade: 3 }])
    const [consent] = await docsOf(world.cloud, 'family_consents', { familyId: family.id })
    expect(consent).toMatchObject({ openid: 'parent-1', version: NOTICE_VERSION, classId: world.classA1.id, at: world.cloud.clock.now() })
    const [stored] = await docsOf(world.cloud, 'family_families', { _id: family.id })
    const children = stored.children as Array<{ addedAt: number }>
    expect(children.every((c) => c.addedAt >= (consent.at as number))).toBe(true)
    expect(family.consent).toEqual({ version: NOTICE_VERSION, at: consent.at })
  })

  test('consent to an old version of the notice is FAMILY.NOTICE_OUTDATED, and no consent or child is stored', async () => {
    const before = await world.cloud.snapshot()
    const result = await world.cloud.as('parent-1').call('family', 'join', {
      joinCode: world.classA1.joinCode ?? '',
      consent: { noticeVersion: '2025-1', agreed: true },
      children: [{ nickname: '小明', grade: 3 }],
    })
    expect(result).toMatchObject({ ok: false, code: 'FAMILY.NOTICE_OUTDATED' })
    expect(await world.cloud.snapshot()).toEqual(before)
  })

  test('without agreeing there is no join', async () => {
    const before = await world.cloud.snapshot()
    const event = { action: 'join', data: { joinCode: world.classA1.joinCode, consent: { noticeVersion: NOTICE_VERSION, agreed: false }, children: [{ nickname: '小明', grade: 3 }] } }
    expect(await world.cloud.as('parent-1').raw('family', event)).toMatchObject({ ok: false, code: 'INPUT.INVALID' })
    expect(await world.cloud.snapshot()).toEqual(before)
  })

  test.each([
    ['realName', { realName: '王小明' }],
    ['photo', { photo: 'cloud://local.wenming/family/a.jpg' }],
    ['birthday', { birthday: '2017-05-01' }],
    ['schoolId', { schoolId: '20170501' }],
    ['phone', { phone: '13800138000' }],
    ['an empty extra field', { note: '' }],
  ])('a child carrying %s is refused whole — join and addChild — and nothing is stored anywhere', async (_label, extra) => {
    const family = await joined(world.cloud, 'parent-2', world.classA1, [{ nickname: '豆豆', grade: 2 }])
    const before = await world.cloud.snapshot()
    const joinEvent = {
      action: 'join',
      data: {
        joinCode: world.classA1.joinCode,
        consent: { noticeVersion: NOTICE_VERSION, agreed: true },
        // the first child is fine: one bad child refuses the whole request
        children: [{ nickname: '小红', grade: 1 }, { nickname: '小明', grade: 3, ...extra }],
      },
    }
    expect(await world.cloud.as('parent-1').raw('family', joinEvent)).toMatchObject({ ok: false, code: 'INPUT.INVALID' })
    const addEvent = { action: 'addChild', data: { familyId: family.id, child: { nickname: '小明', grade: 3, ...extra } } }
    expect(await world.cloud.as('parent-2').raw('family', addEvent)).toMatchObject({ ok: false, code: 'INPUT.INVALID' })
    expect(await world.cloud.snapshot()).toEqual(before)
    const stored = await everythingStored(world.cloud)
    expect(stored).not.toContain('小红')
    for (const value of Object.values(extra)) if (value) expect(stored).not.toContain(value)
  })

  test('a nickname that looks like an id or phone number is refused', async () => {
    const result = await joinAs(world.cloud, 'parent-1', world.classA1.joinCode ?? '', [{ nickname: '小明13800138000', grade: 3 }])
    expect(result).toMatchObject({ ok: false, code: 'INPUT.INVALID' })
    expect(await docsOf(world.cloud, 'family_families', {})).toEqual([])
  })

  test('a nickname the content check refuses is FAMILY.TEXT_REJECTED and stores no consent', async () => {
    const result = await joinAs(world.cloud, 'parent-1', world.classA1.joinCode ?? '', [{ nickname: '赌博', grade: 3 }])
    expect(result).toMatchObject({ ok: false, code: 'FAMILY.TEXT_REJECTED' })
    expect(await docsOf(world.cloud, 'family_consents', {})).toEqual([])
    expect(await docsOf(world.cloud, 'family_families', {})).toEqual([])
  })
})

describe('families', () => {
  test('joining twice returns the same family, unchanged, and counts it once', async () => {
    const first = await joined(world.cloud, 'parent-1', world.classA1, [{ nickname: '小明', grade: 3 }])
    const again = await joined(world.cloud, 'parent-1', world.classA1, [{ nickname: '另一个', grade: 1 }])
    expect(again.id).toBe(first.id)
    expect(again.children.map((c) => c.nickname)).toEqual(['小明'])
    expect(expectOk(await world.cloud.as('parent-1').call('family', 'preview', { joinCode: world.classA1.joinCode ?? '' })).familyId).toBe(first.id)
    const board = expectOk(await world.cloud.as(T1).call('family', 'board', { classId: world.classA1.id }))
    expect([board.families, board.children]).toEqual([1, 1])
  })

  test('a parent can be in several classes with several children, and sees each family at home', async () => {
    await joined(world.cloud, 'parent-1', world.classA1, [{ nickname: '小明', grade: 3 }, { nickname: '小亮', grade: 1 }])
    await joined(world.cloud, 'parent-1', world.classB1, [{ nickname: '大明', grade: 7 }])
    const home = expectOk(await world.cloud.as('parent-1').call('family', 'home', {}))
    expect(home.families.map((f) => [f.classView.id, f.children.map((c) => `${c.nickname}·${c.gradeLabel}`)]).sort()).toEqual(
      [
        [world.classA1.id, ['小明·三年级', '小亮·一年级']],
        [world.classB1.id, ['大明·初一']],
      ].sort(),
    )
    const added = expectOk(await world.cloud.as('parent-1').call('family', 'addChild', { familyId: home.families[0].id, child: { nickname: '小花', grade: 0 } }))
    expect(added.children.map((c) => c.gradeLabel)).toContain('幼儿园')
  })

  test('at most five children per family', async () => {
    const kids = ['一', '二', '三', '四', '五'].map((n) => ({ nickname: `小${n}`, grade: 2 }))
    const family = await joined(world.cloud, 'parent-1', world.classA1, kids)
    expect(await world.cloud.as('parent-1').call('family', 'addChild', { familyId: family.id, child: { nickname: '小六', grade: 2 } })).toMatchObject({
      ok: false,
      code: 'FAMILY.TOO_MANY_CHILDREN',
    })
  })

  test("joining puts the parent on the class's quiz board (我的班级); the class teacher reads it", async () => {
    await joined(world.cloud, 'parent-1', world.classA1)
    const [user] = await docsOf(world.cloud, 'users', { _id: 'parent-1' })
    expect(user.groupIds).toEqual([world.classA1.id])
    const mine = expectOk(await world.cloud.as('parent-1').call('quiz', 'leaderboard', { scope: 'group', period: 'all' }))
    expect(mine.scopeId).toBe(world.classA1.id)
    expectOk(await world.cloud.as(T1).call('quiz', 'leaderboard', { scope: 'group', period: 'all', scopeId: world.classA1.id }))
    expect(await world.cloud.as('teacher-chen').call('quiz', 'leaderboard', { scope: 'group', period: 'all', scopeId: world.classA1.id })).toMatchObject({
      ok: false,
      code: 'QUIZ.NOT_IN_SCOPE',
    })
    expectOk(await world.cloud.as(TEST_ADMIN).call('quiz', 'leaderboard', { scope: 'group', period: 'all', scopeId: world.classA1.id }))
  })
})
