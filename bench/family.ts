/**
 * 小手拉大手 at city scale: 500 schools × 40 classes × 45 families (20,000 classes, 900,000
 * families), each class in week 10 of an 18-week term of weekly tasks. Times the class board
 * (`family.board`, as the class's teacher), the school view (`family.school`, as the school's
 * admin) and the office overview (`family.overview`), which read counters kept on write, and
 * `family.complete` (a confirm-type task), the write that keeps those counters. Prints p50/p99 and
 * the SQLite plans of the queries those actions run: each walks an index or reads by key, so its
 * cost follows the page, not the tables (`SCAN family_schools USING INDEX …by_families` is the
 * index walked in order and stopped at the overview's 50 rows). The p99 tail is the process's
 * young-generation GC pauses (`--trace-gc` shows 1–18 ms scavenges through the timed phase), not
 * the queries. Figures, not pass/fail. `npx tsx bench/family.ts`
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { FUNCTIONS } from '../src/cloud/functions'
import { createLocalPlatform } from '../src/cloud/platform/local'
import type { LocalDatabase } from '../src/cloud/platform/local/database'
import { BADGES } from '../src/cloud/domain/family/views'
import { defaultWeek, taskIdOf } from '../src/cloud/domain/family/plan'
import {
  addWeeks,
  CITY_TOTALS_ID,
  classWeekId,
  completionId,
  DAY_MS,
  F,
  familyIdOf,
  familyWeekId,
  planId,
  WEEK_MS,
  weekStartMs,
  type ClassDoc,
  type CompletionDoc,
  type FamilyDoc,
  type FamilyWeekDoc,
  type JoinCodeDoc,
  type PlanDoc,
  type SchoolDoc,
  type WeekCounters,
} from '../src/cloud/domain/family/model'
import { grantId, type StoredGrant } from '../src/cloud/runtime/grants'
import { NOTICE_VERSION, PLEDGE_ITEMS, PLEDGE_VERSION, type FamilyTaskSpec } from '../src/shared/contract/family'
import { HANDBOOK_CHAPTERS } from '../src/shared/handbook/ids'
import { percentiles } from './actions'

const SCHOOLS = 500
const CLASSES_PER_SCHOOL = 40
const FAMILIES_PER_CLASS = 45
const TERM_WEEKS = 18
/** the bench's clock stands in week 10 of the term: 9 weeks of history, 8 still to come */
const THIS_TERM_WEEK = 10
const TERM_START = '2026-03-02'
const BOARD_RUNS = 1000
const SCHOOL_RUNS = 200
const OVERVIEW_RUNS = 200
const COMPLETE_RUNS = 1000
/** documents per seeding transaction: one commit per batch instead of one per document */
const SEED_BATCH = 5000
const OFFICE = 'bench-office'

const DISTRICTS = ['文明区', '和平区', '新华区', '长安区', '桥西区', '裕华区', '开发区', '高新区', '滨江区', '东湖区']
const NICKNAMES = ['小明', '朵朵', '豆豆', '乐乐', '果果', '糖糖', '天天', '小雨', '阳阳', '安安', '可可', '嘟嘟', '贝贝', '小宇', '欣欣']

type Figures = Record<string, string | number>
type Seeded = { collection: string; data: { _id: string } }

/** A seeded generator (mulberry32): the same city, the same random picks, on every run. */
function random(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** `count` distinct integers below `below`, in random order. */
function pick(count: number, below: number, next: () => number): number[] {
  const chosen = new Set<number>()
  while (chosen.size < count) chosen.add(Math.floor(next() * below))
  return [...chosen]
}

const schoolIdOf = (s: number) => `bs${s.toString().padStart(3, '0')}`
const classIdOf = (c: number) => `bc${c.toString().padStart(5, '0')}`
const teacherOf = (c: number) => `teacher-${c}`
const schoolAdminOf = (s: number) => `school-admin-${s}`
const parentOf = (c: number, k: number) => `parent-${c}-${k}`

/** Distinct 6-letter join codes from the class number: 29^6 codes, 7919 spreads neighbours apart. */
function joinCodeOf(c: number): string {
  const alphabet = 'ABCDEFGHJKMNPQRSTWXYZ23456789'
  let n = (c * 7919 + 104_729) % 29 ** 6
  let code = ''
  for (let i = 0; i < 6; i++, n = Math.floor(n / 29)) code += alphabet[n % 29]
  return code
}

/** The default term (what `useDefaultPlan` writes), the same for every class: week n's tasks. */
function termPlan(): FamilyTaskSpec[][] {
  const chapters = HANDBOOK_CHAPTERS.map((c) => c.id)
  return Array.from({ length: TERM_WEEKS }, (_, i) =>
    defaultWeek(i + 1, chapters).map((t) => {
      const spec = { kind: t.kind, title: t.title, ref: t.ref ?? null, description: t.description ?? null }
      return { id: taskIdOf(spec), ...spec }
    }),
  )
}

/** Timings of `runs` calls; a call that fails stops the bench, as its figure would be a lie. */
async function time(runs: number, call: (i: number) => Promise<{ ok: boolean }>): Promise<{ p50: number; p99: number }> {
  const samples: number[] = []
  for (let i = 0; i < runs; i++) {
    const started = performance.now()
    const result = await call(i)
    samples.push(performance.now() - started)
    if (!result.ok) throw new Error(`bench call failed: ${JSON.stringify(result)}`)
  }
  return percentiles(samples)
}

/**
 * @param fullFamilies seed all 900k family documents, or (the default) only the 45k of the
 *   classes whose boards are timed. The counters of every class, school and week are seeded either
 *   way, and no timed action reads another class's families; all 900k take the seed from ~30 s to
 *   ~75 s (`npx tsx bench/family.ts --all-families`), past what a bench run should spend.
 */
export async function runFamilyBench(fullFamilies = false): Promise<Figures> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wenming-family-bench-'))
  const silent = { info: () => undefined, error: () => undefined }
  const thisWeek = addWeeks(TERM_START, THIS_TERM_WEEK - 1)
  // Wednesday 10:00 in Shanghai
  let now = weekStartMs(thisWeek) + 2 * DAY_MS + 10 * 3600_000
  const platform = createLocalPlatform({ dataDir, adminOpenids: [OFFICE], log: silent, clock: { now: () => now } })
  try {
    const db: LocalDatabase = platform.db
    const classes = SCHOOLS * CLASSES_PER_SCHOOL
    const pickRandom = random(2026)
    const boardClasses = pick(BOARD_RUNS, classes, pickRandom)
    const timedSchools = pick(SCHOOL_RUNS, SCHOOLS, pickRandom)
    const fullySeeded = new Set(boardClasses)
    const plan = termPlan()
    const thisWeekTasks = plan[THIS_TERM_WEEK - 1]
    const microTask = thisWeekTasks.find((t) => t.kind === 'microAction')
    if (!microTask) throw new Error('the default plan has no 家庭文明微行动 in week 10')

    // ---- seed ---------------------------------------------------------------------------------
    // Documents go in as the stored shapes the family domain reads, not through its actions (one
    // join is several writes and checks; 900k of them would take many minutes). The tables and
    // their declared indexes were made by opening the platform, as the local host opens it.
    const t0 = performance.now()
    const pending: Seeded[] = []
    const counts = new Map<string, number>()
    const flush = () =>
      db.runTransaction(async (tx) => {
        for (const { collection, data } of pending.splice(0)) await tx.collection(collection).add({ data: { ...data } })
      })
    const put = async <T extends { _id: string }>(collection: string, data: T) => {
      pending.push({ collection, data })
      counts.set(collection, (counts.get(collection) ?? 0) + 1)
      if (pending.length >= SEED_BATCH) await flush()
    }

    const termStartMs = weekStartMs(TERM_START)
    const termEndsAt = termStartMs + (TERM_WEEKS - 1) * WEEK_MS + 4 * DAY_MS
    const cityWeeks = new Map<string, WeekCounters>()
    const city = { schools: SCHOOLS, classes, families: 0, children: 0, receipts: 0 }
    /** the families `complete` is timed on: in the boards' classes, this week's 微行动 not yet done */
    const completeTargets: Array<{ classIndex: number; k: number; progress: number }> = []
    for (let s = 0; s < SCHOOLS; s++) {
      const schoolId = schoolIdOf(s)
      const district = DISTRICTS[s % DISTRICTS.length]
      const schoolName = `${district}第${Math.floor(s / DISTRICTS.length) + 1}小学`
      const school = { families: 0, children: 0, receipts: 0 }
      const schoolCreatedAt = termStartMs - 30 * DAY_MS + s * 3600_000
      await put('role_grants', {
        _id: grantId(schoolAdminOf(s), 'school_admin', schoolId),
        openid: schoolAdminOf(s),
        role: 'school_admin',
        scopeId: schoolId,
        grantedBy: OFFICE,
        grantedAt: schoolCreatedAt,
      } satisfies StoredGrant)
      for (let j = 0; j < CLASSES_PER_SCHOOL; j++) {
        const c = s * CLASSES_PER_SCHOOL + j
        const classId = classIdOf(c)
        const next = random(c + 1)
        const grade = Math.min(6, 1 + Math.floor(j / 7))
        // classes were created in the term's first week, Monday to Friday
        const createdAt = termStartMs + Math.floor(next() * 5 * DAY_MS)
        const full = fullFamilies || fullySeeded.has(c)
        const timed = fullySeeded.has(c)
        const cls = { families: 0, children: 0, receipts: 0, quizSum: 0, quizCount: 0 }
        const week: WeekCounters = { families: 0, familiesDone: 0, completions: 0 }
        for (let k = 0; k < FAMILIES_PER_CLASS; k++) {
          // one family in 135 left the class (removed its last child): it stays, counted nowhere
          const left = k === FAMILIES_PER_CLASS - 1 && c % 3 === 0
          const diligence = next()
          const children = left
            ? []
            : Array.from({ length: next() < 0.2 ? 2 : 1 }, (_, n) => ({
                id: `ch${c}x${k}x${n}`,
                nickname: NICKNAMES[Math.floor(next() * NICKNAMES.length)],
                grade: n === 0 ? grade : Math.max(1, grade - 2),
                addedAt: createdAt + DAY_MS,
              }))
          const receipt = !left && diligence > 0.12
          const weeksDone = left ? 0 : Math.round(diligence * (THIS_TERM_WEEK - 1))
          const streak = diligence > 0.7 ? weeksDone : Math.min(weeksDone, Math.floor(next() * 3))
          const joinedAt = createdAt + DAY_MS + k * 7 * 60_000
          // this week: none, the chapter, + 我给家长讲, + the 微行动 (the week done)
          const progress = left ? 0 : diligence > 0.6 ? 2 + Math.round(next()) : diligence > 0.3 ? 1 + Math.round(next()) : diligence > 0.1 ? Math.round(next()) : 0
          if (!left) {
            cls.families++
            cls.children += children.length
            if (receipt) cls.receipts++
            if (progress > 0) week.families++
            if (progress === thisWeekTasks.length) week.familiesDone++
            week.completions += progress
          }
          if (timed && !left && progress < thisWeekTasks.length) completeTargets.push({ classIndex: c, k, progress })
          if (!full) continue
          const familyId = familyIdOf(classId, parentOf(c, k))
          const family: FamilyDoc = {
            _id: familyId,
            classId,
            schoolId,
            parentOpenid: parentOf(c, k),
            consent: { version: NOTICE_VERSION, at: joinedAt },
            children,
            status: left ? 'left' : 'active',
            receipt,
            streak,
            weeksDone,
            lastDoneWeek: weeksDone === 0 ? null : streak > 0 ? addWeeks(thisWeek, -1) : addWeeks(thisWeek, -3),
            badges: BADGES.filter((b) => b.streak <= streak).map((b) => ({ id: b.id, at: joinedAt + b.streak * WEEK_MS })),
            pledge: diligence > 0.25 ? { items: PLEDGE_ITEMS.map((_, i) => i), version: PLEDGE_VERSION, signedAt: joinedAt + DAY_MS, signedBy: '家长' } : null,
            joinedAt,
            leftAt: left ? joinedAt + 20 * DAY_MS : null,
            updatedAt: joinedAt,
          }
          await put(F.families, family)
          // this week's progress of the families on the timed boards: what the board's rows read
          if (!timed || progress === 0) continue
          const familyWeek: FamilyWeekDoc = {
            _id: familyWeekId(familyId, thisWeek),
            familyId,
            classId,
            week: thisWeek,
            completions: progress,
            done: progress === thisWeekTasks.length,
          }
          await put(F.familyWeeks, familyWeek)
          for (const task of thisWeekTasks.slice(0, progress)) {
            const completion: CompletionDoc = {
              _id: completionId(familyId, thisWeek, task.id),
              familyId,
              classId,
              week: thisWeek,
              taskId: task.id,
              kind: task.kind,
              evidence: task.kind === 'chapter' ? '已读完' : '家长已确认',
              score: null,
              at: now - DAY_MS,
            }
            await put(F.completions, completion)
          }
        }
        // the term so far, per week: the share of families taking part drifts down after the start
        for (let w = 1; w <= THIS_TERM_WEEK; w++) {
          const weekId = addWeeks(TERM_START, w - 1)
          const figures: WeekCounters =
            w === THIS_TERM_WEEK
              ? week
              : (() => {
                  const families = Math.round(cls.families * (0.95 - w * 0.03 - next() * 0.1))
                  const familiesDone = Math.round(families * (0.5 + next() * 0.3))
                  return { families, familiesDone, completions: familiesDone * plan[w - 1].length + (families - familiesDone) * 1 }
                })()
          if (plan[w - 1].some((t) => t.kind === 'quiz')) {
            const quizzed = Math.round(figures.families * 0.8)
            cls.quizCount += quizzed
            cls.quizSum += quizzed * (75 + Math.floor(next() * 20))
          }
          const total = cityWeeks.get(weekId) ?? { families: 0, familiesDone: 0, completions: 0 }
          cityWeeks.set(weekId, {
            families: total.families + figures.families,
            familiesDone: total.familiesDone + figures.familiesDone,
            completions: total.completions + figures.completions,
          })
          await put(F.classWeeks, { _id: classWeekId(classId, weekId), classId, schoolId, week: weekId, ...figures })
        }
        for (let w = 1; w <= TERM_WEEKS; w++) {
          const weekId = addWeeks(TERM_START, w - 1)
          const planDoc: PlanDoc = { _id: planId(classId, weekId), classId, week: weekId, tasks: plan[w - 1], updatedAt: createdAt }
          await put(F.plans, planDoc)
        }
        const classDoc: ClassDoc = {
          _id: classId,
          schoolId,
          schoolName,
          grade,
          name: `${(j % 7) + 1} 班`,
          size: FAMILIES_PER_CLASS,
          termEndsAt,
          startWeek: TERM_START,
          teacherOpenid: teacherOf(c),
          teacherName: `${'王李张刘陈杨赵黄周吴'[c % 10]}老师`,
          joinCode: joinCodeOf(c),
          status: 'active',
          codeFileID: null,
          ...cls,
          ...(next() < 0.3
            ? { remindedWeek: addWeeks(thisWeek, -1), remindedAt: weekStartMs(addWeeks(thisWeek, -1)) + 4 * DAY_MS }
            : { remindedWeek: null, remindedAt: null }),
          createdAt,
          archivedAt: null,
        }
        await put(F.classes, classDoc)
        await put(F.codes, { _id: joinCodeOf(c), classId, archived: false } satisfies JoinCodeDoc)
        await put('role_grants', {
          _id: grantId(teacherOf(c), 'teacher', schoolId),
          openid: teacherOf(c),
          role: 'teacher',
          scopeId: schoolId,
          grantedBy: schoolAdminOf(s),
          grantedAt: createdAt - DAY_MS,
        } satisfies StoredGrant)
        school.families += cls.families
        school.children += cls.children
        school.receipts += cls.receipts
      }
      const schoolDoc: SchoolDoc = {
        _id: schoolId,
        name: schoolName,
        district,
        createdBy: OFFICE,
        createdAt: schoolCreatedAt,
        classes: CLASSES_PER_SCHOOL,
        ...school,
      }
      await put(F.schools, schoolDoc)
      city.families += school.families
      city.children += school.children
      city.receipts += school.receipts
    }
    for (const [weekId, figures] of cityWeeks) await put(F.cityWeeks, { _id: weekId, week: weekId, ...figures })
    await put(F.totals, { _id: CITY_TOTALS_ID, ...city })
    await flush()
    const seedMs = performance.now() - t0

    // ---- reads --------------------------------------------------------------------------------
    const fn = FUNCTIONS.family
    const boardMs = await time(BOARD_RUNS, (i) =>
      fn.invoke({ action: 'board', data: { classId: classIdOf(boardClasses[i]) } }, platform, { openid: teacherOf(boardClasses[i]) }),
    )
    const schoolMs = await time(SCHOOL_RUNS, (i) =>
      fn.invoke({ action: 'school', data: { schoolId: schoolIdOf(timedSchools[i]) } }, platform, { openid: schoolAdminOf(timedSchools[i]) }),
    )
    const overviewMs = await time(OVERVIEW_RUNS, () => fn.invoke({ action: 'overview', data: {} }, platform, { openid: OFFICE }))

    // ---- writes: the parent confirms this week's 家庭文明微行动 ---------------------------------
    // A family with the chapter and 我给家长讲 done finishes its week with it (streak, badges,
    // families-done move too); the others only count a completion, the first of the week creating
    // the family's week document.
    const cityBefore = (await db.collection(F.cityWeeks).where({ _id: thisWeek }).get()).data[0] as unknown as WeekCounters
    const targets = pick(COMPLETE_RUNS, completeTargets.length, pickRandom).map((n) => completeTargets[n])
    const finishing: number[] = []
    const counting: number[] = []
    for (const target of targets) {
      now += 1000
      const openid = parentOf(target.classIndex, target.k)
      const familyId = familyIdOf(classIdOf(target.classIndex), openid)
      const started = performance.now()
      const result = await fn.invoke({ action: 'complete', data: { familyId, taskId: microTask.id, confirm: true } }, platform, { openid })
      const ms = performance.now() - started
      if (!result.ok) throw new Error(`bench call failed: ${JSON.stringify(result)}`)
      ;(target.progress === thisWeekTasks.length - 1 ? finishing : counting).push(ms)
    }
    const cityAfter = (await db.collection(F.cityWeeks).where({ _id: thisWeek }).get()).data[0] as unknown as WeekCounters
    const completeMs = percentiles([...finishing, ...counting])
    const finishingMs = percentiles(finishing)
    const countingMs = percentiles(counting)

    // ---- plans of the queries those actions run -----------------------------------------------
    const _ = db.command
    const classId = classIdOf(boardClasses[0])
    const familyId = familyIdOf(classId, parentOf(boardClasses[0], 0))
    const termIds = Array.from({ length: TERM_WEEKS }, (_, w) => addWeeks(TERM_START, w))
    const plan1 = (collection: string, query: Parameters<LocalDatabase['explain']>[1]) => db.explain(collection, query).join(' | ')
    const byIds = (collection: string, ids: string[]) => plan1(collection, { where: { _id: _.in(ids) }, limit: 100 })
    const plans: Figures = {
      'plan: caller grants (every action)': plan1('role_grants', { where: { openid: teacherOf(boardClasses[0]) }, limit: 100 }),
      'plan: board class (by id)': plan1(F.classes, { where: { _id: classId }, limit: 1 }),
      'plan: board plans (18 ids)': byIds(F.plans, termIds.map((w) => planId(classId, w))),
      'plan: board week counters (18 ids)': byIds(F.classWeeks, termIds.map((w) => classWeekId(classId, w))),
      'plan: board families page': plan1(F.families, {
        where: { classId, status: 'active' },
        orderBy: [{ path: 'joinedAt', order: 'asc' }],
        limit: 50,
      }),
      'plan: board families this week (45 ids)': byIds(
        F.familyWeeks,
        Array.from({ length: FAMILIES_PER_CLASS }, (_, k) => familyWeekId(familyIdOf(classId, parentOf(boardClasses[0], k)), thisWeek)),
      ),
      'plan: school classes': plan1(F.classes, { where: { schoolId: schoolIdOf(timedSchools[0]) }, orderBy: [{ path: 'createdAt', order: 'desc' }], limit: 100 }),
      'plan: overview totals (by id)': plan1(F.totals, { where: { _id: CITY_TOTALS_ID }, limit: 1 }),
      'plan: overview city weeks (8 ids)': byIds(F.cityWeeks, termIds.slice(THIS_TERM_WEEK - 8, THIS_TERM_WEEK)),
      'plan: overview schools by families': plan1(F.schools, {
        orderBy: [
          { path: 'families', order: 'desc' },
          { path: 'createdAt', order: 'asc' },
        ],
        limit: 50,
      }),
      'plan: complete, the week plan (by id)': plan1(F.plans, { where: { _id: planId(classId, thisWeek) }, limit: 1 }),
      'plan: complete, the family week completions': plan1(F.completions, { where: { familyId, week: thisWeek }, limit: 100 }),
      'plan: complete, counter bump (update where _id)': plan1(F.classWeeks, { where: { _id: classWeekId(classId, thisWeek) }, limit: 1 }),
    }

    const seeded = [...counts.entries()].map(([name, n]) => `${name} ${n}`).join(', ')
    return {
      schools: SCHOOLS,
      classes,
      'families (counted on classes, schools, city)': city.families,
      'family documents seeded': fullFamilies ? `all ${counts.get(F.families) ?? 0}` : `${counts.get(F.families) ?? 0} (the ${BOARD_RUNS} timed classes)`,
      "this week's family progress and completions seeded for": `the ${BOARD_RUNS} timed classes (the other classes' week is in their counters only)`,
      'documents seeded': seeded,
      'seed (s)': Number((seedMs / 1000).toFixed(1)),
      'family.board p50 (ms)': boardMs.p50,
      'family.board p99 (ms)': boardMs.p99,
      'family.school p50 (ms)': schoolMs.p50,
      'family.school p99 (ms)': schoolMs.p99,
      'family.overview p50 (ms)': overviewMs.p50,
      'family.overview p99 (ms)': overviewMs.p99,
      'family.complete p50 (ms)': completeMs.p50,
      'family.complete p99 (ms)': completeMs.p99,
      [`family.complete, week finished (${finishing.length}) p50 / p99 (ms)`]: `${finishingMs.p50} / ${finishingMs.p99}`,
      [`family.complete, week still open (${counting.length}) p50 / p99 (ms)`]: `${countingMs.p50} / ${countingMs.p99}`,
      'city week after complete: completions / families done (moved by)': `${cityAfter.completions - cityBefore.completions} / ${cityAfter.familiesDone - cityBefore.familiesDone}`,
      ...plans,
    }
  } finally {
    platform.close()
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
}

if (require.main === module) {
  runFamilyBench(process.argv.includes('--all-families')).then(
    (figures) => {
      for (const [key, value] of Object.entries(figures)) console.log(`${key}: ${value}`)
    },
    (error: unknown) => {
      console.error(error)
      process.exit(1)
    },
  )
}
