import fc from 'fast-check'
import {
  CATEGORIES,
  CATEGORY_GROUPS,
  REPORT_LIMITS,
  REPORT_STATUSES,
  SHOP_MOVES,
  TRANSITIONS,
  TRANSITION_ACTIONS,
  WINDOW_CLOSE_TARGETS,
  actionsFor,
  cellOf,
  cellsAround,
  dueTimeOnEntry,
  limitText,
  findTransition,
  metersBetween,
} from '@/shared/report'

describe('the transition table', () => {
  test('each action belongs to exactly one role', () => {
    for (const action of TRANSITION_ACTIONS) {
      const roles = new Set(TRANSITIONS.filter((t) => t.action === action).map((t) => t.role))
      expect({ action, roles: [...roles] }).toEqual({ action, roles: [expect.any(String)] })
    }
  })

  test('no (action, from, kind) has two targets', () => {
    const keys = TRANSITIONS.flatMap((t) => t.kinds.map((k) => `${t.action}/${t.from}/${k}`))
    expect(new Set(keys).size).toBe(keys.length)
  })

  test('every status is reachable from 待受理 and every open status has a way out', () => {
    for (const kind of ['report', 'praise'] as const) {
      const reached = new Set<string>(['submitted'])
      for (let changed = true; changed; ) {
        changed = false
        for (const t of TRANSITIONS) {
          if (t.kinds.includes(kind) && reached.has(t.from) && !reached.has(t.to)) {
            reached.add(t.to)
            changed = true
          }
        }
      }
      // 已办结（未评价） is reached by the clock, not by a person: the window job's own rows
      for (const to of WINDOW_CLOSE_TARGETS) if (kind === 'report' && reached.has('resolved')) reached.add(to)
      // 门店处理中 is entered at submit (a frontage report), not by a transition: its moves are SHOP_MOVES
      const expected = kind === 'report' ? REPORT_STATUSES.filter((s) => s !== 'published' && s !== 'at-shop') : ['submitted', 'published', 'rejected']
      expect([...reached].sort()).toEqual([...expected].sort())
    }
    for (const status of ['submitted', 'dispatched', 'processing', 'returned', 'reopened', 'reopen-requested', 'resolved'] as const) {
      expect(TRANSITIONS.some((t) => t.from === status)).toBe(true)
    }
    // the shop answers it or the clock hands it to the grid, into statuses the table goes on from
    expect(SHOP_MOVES.filter((m) => m.from === 'at-shop').map((m) => m.to).sort()).toEqual(['resolved', 'submitted'])
  })

  test('closed statuses have no transitions out', () => {
    for (const status of ['rated', 'rejected', 'published', 'closed-unrated'] as const) {
      expect(TRANSITION_ACTIONS.flatMap((a) => [findTransition(a, status, 'report'), findTransition(a, status, 'praise')]).filter(Boolean)).toEqual([])
    }
  })

  test('the client’s buttons come from the same rows', () => {
    expect(actionsFor('submitted', 'report', 'grid').sort()).toEqual(['dispatch', 'reject'])
    expect(actionsFor('submitted', 'praise', 'grid').sort()).toEqual(['approve', 'reject'])
    expect(actionsFor('processing', 'report', 'handler').sort()).toEqual(['resolve', 'sendBack'])
    expect(actionsFor('resolved', 'report', 'reporter').sort()).toEqual(['rate', 'requestReopen'])
    expect(actionsFor('resolved', 'report', 'grid')).toEqual([])
    expect(actionsFor('reopen-requested', 'report', 'grid').sort()).toEqual(['keepClosed', 'reopen'])
    expect(actionsFor('reopen-requested', 'report', 'reporter')).toEqual([])
  })
})

describe('categories', () => {
  test('the speech’s list is all there, grouped, each with a hint and a time limit per step', () => {
    const names = CATEGORIES.map((c) => c.name)
    for (const name of ['游商小贩/占道经营', '车辆乱停乱放', '占用盲道', '牛皮癣小广告', '背街小巷脏乱差', '农贸市场秩序', '随地吐痰', '乱扔垃圾', '车窗抛物', '行人闯红灯/乱穿马路', '不文明养犬', '电动车摩托车不戴头盔', '公益广告破损', '公共设施损坏', '其他']) {
      expect(names).toContain(name)
    }
    for (const c of CATEGORIES) {
      expect(CATEGORY_GROUPS.map((g) => g.id)).toContain(c.groupId)
      expect(c.hint.length).toBeGreaterThan(3)
      if (c.kind === 'report') expect(['24 小时', '48 小时', '3 个工作日']).toContain(limitText(c.limits.resolve))
    }
  })

  test('due times are computed from the step’s entry', () => {
    const limits = { acceptHours: 2, startHours: 4, resolveHours: 48 }
    expect(dueTimeOnEntry('submitted', limits, 0)).toBe(2 * 3600_000)
    expect(dueTimeOnEntry('dispatched', limits, 10)).toBe(10 + 4 * 3600_000)
    expect(dueTimeOnEntry('processing', limits, 0)).toBe(48 * 3600_000)
    expect(dueTimeOnEntry('resolved', limits, 0)).toBeNull()
  })
})

describe('duplicate lattice', () => {
  test('every point within 50 m of another lies in one of the nine cells around it', () => {
    const city = fc.record({ lat: fc.double({ min: 18, max: 53, noNaN: true }), lng: fc.double({ min: 73, max: 135, noNaN: true }) })
    const offset = fc.record({ bearing: fc.double({ min: 0, max: 2 * Math.PI, noNaN: true }), meters: fc.double({ min: 0, max: REPORT_LIMITS.duplicateRadiusMeters, noNaN: true }) })
    fc.assert(
      fc.property(city, offset, (a, { bearing, meters }) => {
        const b = {
          lat: a.lat + (meters * Math.cos(bearing)) / 111_195,
          lng: a.lng + (meters * Math.sin(bearing)) / (111_195 * Math.cos((a.lat * Math.PI) / 180)),
        }
        return metersBetween(a, b) > REPORT_LIMITS.duplicateRadiusMeters + 0.5 || cellsAround(a).includes(cellOf(b))
      }),
    )
  })
})
