import fs from 'node:fs'
import path from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import type { BrowserTest } from '../types'

/**
 * The walk (issue #10, “pages that guard themselves”, “large text, tap targets”): every page of the
 * H5 build — the page list is read from src/app.config.ts (subpackages included), and a page with
 * `?view=` is visited once per view named in its source — as the demo identities of 「切换身份」,
 * in normal and in large-text mode, without parameters and, where the page takes an id, with a
 * stale one. Each visit fails on:
 * - horizontal overflow (the document, or the page's own scroller, wider than the viewport);
 * - a tile, tab or button title that wraps onto a second line (one text node laid out on more
 *   than one line: a word broken, as 「文明积/分」 once was);
 * - a tappable element under 44 px tall (button, link, tab, role=button/link/tab, NutUI buttons,
 *   and any Taro view React gave an onClick/onTap);
 * - the validation message 「提交的内容不符合要求」 (a missing or stale id must say 内容不存在或已下线);
 * - any axe-core violation (run in normal mode; large text changes sizes, not names or colours);
 * - a console error (the runner's own rule).
 *
 * What is sampled, to keep the walk to minutes on a shared 2-core machine: residents and staff see
 * the same public pages, so every page is walked as 居民 (the refusals) and as 文明办 (the office's
 * full screens); each other identity walks the pages of its own area (volunteer pages as 志愿者 and
 * 组织者, reports as 网格员 and 处置人员, family as 教师 and 学校管理员, rolemodel as 区文明办审核员,
 * inspect as 单位联络员 and 督查员, frontage as 街道办 and 门店负责人) and everybody walks 首页 and 我的,
 * which change with the role.
 *
 * Links that point at nothing (issue #10: 「内容不存在或已下线」 with a way home). Each route that reads
 * an id parameter (ID_PARAM; for a `?view=` page, the ids that view's component reads) is visited
 * once more with every such id stale (`walk-stale-0000`), as 文明办 in normal mode (or the role of
 * STALE_AS), and must say 内容不存在或已下线 with a button out of it — unless STALE_FALLS_BACK says
 * why the id is only a filter or a pre-fill; a route that cannot work without its id (not in
 * WORKS_WITHOUT_ID) must say the same when 文明办 opens it without one. Never the validation words.
 * WALK_IDS=demo-resident,demo-admin and WALK_PAGES=<regexp on the route> narrow a local run;
 * WALK_STALE_ONLY=1 makes only the missing- and stale-id visits (about 100 visits, under 2 minutes;
 * screens walk-<route with the stale id>-<identity>-normal.png).
 *
 * Screens: test-results/screens/walk-<page>-<identity>-<normal|large>.png; the findings, excused
 * or not, also go to test-results/walk-findings.json.
 */
type Journey = BrowserTest & { step?(name: string): void }

const ROOT = path.resolve(__dirname, '../../..')
const SCREENS = path.join(ROOT, 'test-results/screens')
const STALE = 'walk-stale-0000'
const VALIDATION = '提交的内容不符合要求'

/**
 * Pages whose findings are printed and saved but do not fail the walk, for a page while it is being
 * rebuilt. Empty: every page is held to every rule.
 */
const EXCUSED_WHILE_REBUILT: readonly RegExp[] = []

const EVERYONE = [
  'demo-resident',
  'demo-volunteer',
  'demo-organizer',
  'demo-grid',
  'demo-handler',
  'demo-teacher',
  'demo-school-admin',
  'demo-district-reviewer',
  'demo-liaison',
  'demo-inspector',
  'demo-street',
  'demo-shop',
  'demo-admin',
]
/** who walks a page besides 居民 and 文明办 */
const AREA_IDENTITIES: Record<string, string[]> = {
  'pages/home': EVERYONE,
  'pages/mine': EVERYONE,
  'pages/volunteer': ['demo-volunteer', 'demo-organizer'],
  'packages/volunteer': ['demo-volunteer', 'demo-organizer'],
  'packages/reports': ['demo-grid', 'demo-handler'],
  'packages/family': ['demo-teacher', 'demo-school-admin'],
  'packages/rolemodel': ['demo-district-reviewer'],
  'packages/inspect': ['demo-liaison', 'demo-inspector'],
  'packages/frontage': ['demo-street', 'demo-shop'],
}
/** route parameters that carry an id (a stale value must say 内容不存在或已下线) */
const ID_PARAM = /^(id|code|chapter|joinCode|token|[a-z]+Id)$/
/** what a page says for a link that points at nothing: the shared `Missing` (src/components/guard) */
const GONE = /不存在或已下线/

/**
 * Where an id in the link is only a filter, a highlight or a pre-fill, and an unknown value rightly
 * falls back to the page without it: the stale visit must not show the validation words, and need
 * not say 内容不存在或已下线. Keyed by the route the walk visits (page, and `?view=` when it has one),
 * with what it shows instead and why that is right for a resident. A detail page is never here.
 */
const STALE_FALLS_BACK: Record<string, string> = {
  // a scanned check-in code is an action, not a link to a page: the panel tries it and says the
  // answer for that shift (「没有找到您在这个班次的报名…」, true of a shift that is gone too) above the list of the person's own shifts
  // to check in to, which is where a volunteer with a stale code goes next
  'packages/volunteer/pages/checkin/index': 'the check-in answer, then the shifts to check in to',
  // 查验 is a lookup form filled from the certificate's QR code: 「查无此证明」 is the verification's
  // answer a checker needs (a forged or mistyped code), with the form to type the code again
  'packages/volunteer/pages/certificate/index': '查无此证明, and the 查验 form',
  // ?teamId= is the organiser's own team the new activity belongs to: the form is shown, and the
  // server refuses a submit for a team that is not theirs (the form is never a page of content)
  'packages/volunteer/pages/publish/index': 'the 发布活动 form',
  // ?joinCode= fills the class-code field from a scanned poster: a wrong code says so beside the
  // field (「邀请码格式不对」 / 「没有找到这个班级」) and the parent can retype it
  'packages/family/pages/index/index': 'the join form, its code marked wrong',
  'packages/family/pages/index/index?view=join': 'the join form, its code marked wrong',
  // ?schoolId= preselects one of the caller's own schools in the picker: an unknown one shows the
  // first of them, the only schools the caller may see anyway
  'packages/family/pages/index/index?view=school': "the first of the caller's schools",
  // ?code= fills the 同意码 field from the office's message: a wrong code is marked beside the field
  'packages/rolemodel/pages/index/index': 'the 本人确认 form, its code marked wrong',
  'packages/rolemodel/pages/index/index?view=consent': 'the 本人确认 form, its code marked wrong',
  // ?honourId= scrolls the 好人榜 to one person: an old share shows the whole board
  'packages/rolemodel/pages/index/index?view=board': 'the whole 好人榜',
  // list filters: an unknown unit or site filters to nothing and the list says it is empty
  'packages/inspect/pages/index/index?view=standards': 'the standards list, filtered to no unit (empty)',
  'packages/inspect/pages/index/index?view=sites': 'the sites list, filtered to no unit (empty)',
  'packages/inspect/pages/index/index?view=orders': 'the 督办单 list, filtered to no unit or site (empty)',
  'packages/frontage/pages/index/index?view=findings': 'the findings list, filtered to no shop (empty)',
}

/**
 * Routes whose id is optional: opened without it they are a page of their own (a list, a lookup,
 * a new-item form), with what they show. Every other route that reads an id must say
 * 内容不存在或已下线 when opened without it, as for a stale one.
 */
const WORKS_WITHOUT_ID: Record<string, string> = {
  'packages/handbook/pages/index/index': 'the table of contents (?chapter= opens the reader)',
  'packages/volunteer/pages/checkin/index': "the caller's shifts to check in to",
  'packages/volunteer/pages/certificate/index': "the caller's own certificate and the 查验 form",
  'packages/volunteer/pages/publish/index': 'a pointer to 组织者工作台, where each team has 发布活动',
  'packages/family/pages/index/index?view=join': 'the class-code form',
  'packages/family/pages/index/index?view=pledge': "the caller's own family's 承诺书",
  'packages/family/pages/index/index?view=school': "the caller's (first) school",
  'packages/rolemodel/pages/index/index?view=round': 'the current round',
  'packages/rolemodel/pages/index/index?view=board': 'the whole 好人榜',
  'packages/rolemodel/pages/index/index?view=consent': 'the 同意码 form',
  'packages/rolemodel/pages/index/index?view=review': 'the review queue',
  'packages/inspect/pages/index/index?view=site-edit': 'the form to register a new site',
  'packages/inspect/pages/index/index?view=standards': 'every standard',
  'packages/inspect/pages/index/index?view=sites': 'every site',
  'packages/inspect/pages/index/index?view=orders': 'every 督办单 the caller may see',
  'packages/frontage/pages/index/index?view=findings': 'every finding the caller may see',
}

/**
 * Stale visits made as someone other than 文明办, because the view is for one role only and
 * 文明办 is (rightly) refused before the id is read: that role's answer to a stale id is the test.
 */
const STALE_AS: Record<string, string> = {
  'packages/family/pages/index/index?view=plan': 'demo-teacher',
  'packages/family/pages/index/index?view=notice': 'demo-teacher',
  'packages/frontage/pages/index/index?view=inspect': 'demo-inspector',
}

export interface Route {
  /** e.g. packages/inspect/pages/index/index?view=site */
  route: string
  /** the same with every id parameter the page (or view) reads set to a stale value, when it reads one */
  stale: string | null
  identities: string[]
  /** the stale visit must say 内容不存在或已下线 (false: the route is in STALE_FALLS_BACK) */
  staleGone?: boolean
  /** the route reads an id it cannot work without: the plain visit must say 内容不存在或已下线 too */
  needsId?: boolean
  /** who makes the stale visit (文明办 unless STALE_AS names the role the view is for) */
  staleAs?: string
}

interface Finding {
  route: string
  identity: string
  mode: 'normal' | 'large'
  rule: string
  detail: string
  excused: boolean
}

/** The pages of src/app.config.ts, main package first, each `root` joined to its pages. */
export function appPages(): string[] {
  const source = fs.readFileSync(path.join(ROOT, 'src/app.config.ts'), 'utf8')
  const list = (text: string) => Array.from(text.matchAll(/'([^']+)'/g), (m) => m[1])
  const main = /\bpages:\s*\[([^\]]*)\]/.exec(source)
  if (!main) throw new Error('src/app.config.ts: no pages list')
  const pages = list(main[1])
  for (const sub of source.matchAll(/root:\s*'([^']+)'[^}]*?pages:\s*\[([^\]]*)\]/g)) pages.push(...list(sub[2]).map((p) => `${sub[1]}/${p}`))
  return pages
}

/** Every route the walk visits: each page of app.config.ts and each `?view=` named in its source. */
export function walkRoutes(): Route[] {
  return appPages().flatMap(routesOf)
}

const unique = <T,>(items: T[]): T[] => Array.from(new Set(items))
const paramsRead = (source: string) => unique(Array.from(source.matchAll(/\bparams\.([A-Za-z]+)/g), (m) => m[1])).filter((name) => ID_PARAM.test(name))

/** the source file an `import { name } from '@/…'` in `source` points at */
function importedFile(source: string, name: string): string | null {
  const m = new RegExp(`import\\s*\\{[^}]*\\b${name}\\b[^}]*\\}\\s*from\\s*'@/([^']+)'`).exec(source)
  if (!m) return null
  for (const file of [`${m[1]}.tsx`, `${m[1]}.ts`, `${m[1]}/index.tsx`, `${m[1]}/index.ts`]) if (fs.existsSync(path.join(ROOT, 'src', file))) return path.join(ROOT, 'src', file)
  return null
}

/**
 * The id parameters one view reads: the element the page draws for `view === '<view>'`, its
 * attributes (`classId={classId}`, `surveyId={id}`, `roundId={decoded(params.roundId)}`), and when
 * it is handed the whole `params={params}`, what its component's file reads of them.
 */
function viewIds(source: string, view: string, pageIds: string[]): string[] {
  const m = new RegExp(`\\bview === '${view}' \\? <([A-Za-z]+)([^>]*?)/?>`).exec(source)
  if (!m) return pageIds
  const [, component, attributes] = m
  const named = unique(Array.from(attributes.matchAll(/\{([^}]*)\}/g), (e) => Array.from(e[1].matchAll(/[A-Za-z]+/g), (w) => w[0])).flat())
  const ids = named.filter((word) => pageIds.includes(word))
  if (/\bparams=\{params\}/.test(attributes)) {
    const file = importedFile(source, component)
    if (file) ids.push(...paramsRead(fs.readFileSync(file, 'utf8')).filter((name) => pageIds.includes(name)))
  }
  return unique(ids)
}

function routesOf(page: string): Route[] {
  const source = fs.readFileSync(path.join(ROOT, 'src', `${page}.tsx`), 'utf8')
  // each `view === '…'` the page tests, and the entries of a `…VIEWS = [...]` list it renders from
  const listed = Array.from(source.matchAll(/\b[A-Z_]*VIEWS = \[([^\]]*)\]/g), (m) => Array.from(m[1].matchAll(/'([a-z-]+)'/g), (v) => v[1])).flat()
  const views = unique([...Array.from(source.matchAll(/\bview === '([a-z-]+)'/g), (m) => m[1]), ...listed])
  const ids = paramsRead(source)
  const area = Object.keys(AREA_IDENTITIES).find((prefix) => page.startsWith(prefix))
  const identities = unique(['demo-resident', 'demo-admin', ...(area ? AREA_IDENTITIES[area] : [])])
  const one = (query: string, reads: string[], needsId: boolean): Route => {
    const route = query ? `${page}?${query}` : page
    const staleQuery = reads.map((name) => `${name}=${STALE}`).join('&')
    return {
      route,
      stale: staleQuery ? `${page}?${[query, staleQuery].filter(Boolean).join('&')}` : null,
      identities,
      staleGone: !(route in STALE_FALLS_BACK),
      needsId: needsId && reads.length > 0 && !(route in WORKS_WITHOUT_ID),
      staleAs: STALE_AS[route] ?? 'demo-admin',
    }
  }
  if (views.length === 0 || !/\bview ===/.test(source.replace(/params\.view ===/g, ''))) {
    // one screen (or a `params.view` switch between two): it reads every id the page reads
    return [one('', ids, true), ...views.map((view) => one(`view=${view}`, viewIds(source, view, ids), true))]
  }
  // one page of `?view=`s: a view reads its own ids; the page without a view is its default view,
  // and a link carrying the one id that picks a view (`id ? 'answer' : 'list'`) opens that view
  const picks = /\b(?:params\.)?([A-Za-z]+) \? '([a-z-]+)' : '[a-z-]+'/.exec(source)
  const base = one('', picks && ids.includes(picks[1]) ? [picks[1]] : [], false)
  return [base, ...views.map((view) => one(`view=${view}`, viewIds(source, view, ids), true))]
}

const slug = (route: string) =>
  route
    .replace(/^packages\//, '')
    .replace(/\/index(?=\?|$)/g, '')
    .replace(/pages\//g, '')
    .replace(/[^A-Za-z0-9-]+/g, '_')
    .replace(/_+$/, '')

/** Everything the walk asks of a page, measured inside it. */
async function measure(page: Page): Promise<Array<{ rule: string; detail: string }>> {
  return page.evaluate(
    ({ validation }) => {
      const found: Array<{ rule: string; detail: string }> = []
      const name = (e: Element) => {
        const text = (e.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 24)
        const label = e.getAttribute('aria-label')
        const cls = (e.getAttribute('class') ?? '').split(/\s+/).filter((c) => c.startsWith('wm-') || c.startsWith('nut-'))[0]
        return `${e.tagName.toLowerCase()}${e.id ? '#' + e.id : ''}${cls ? '.' + cls : ''} 「${label ?? text}」`
      }
      const shown = (e: Element) => {
        const r = e.getBoundingClientRect()
        if (r.width === 0 || r.height === 0) return false
        for (let n: Element | null = e; n; n = n.parentElement) {
          const s = getComputedStyle(n)
          if (s.display === 'none' || s.visibility === 'hidden' || s.opacity === '0') return false
        }
        return true
      }
      const width = window.innerWidth
      // 1. horizontal overflow: the document, and the page's own scroller
      if (document.documentElement.scrollWidth > width + 1) found.push({ rule: 'overflow', detail: `document ${document.documentElement.scrollWidth} px wide in a ${width} px viewport` })
      for (const scroller of Array.from(document.querySelectorAll('.taro_page, .wm-shell'))) {
        if (!shown(scroller)) continue
        if (scroller.scrollWidth > scroller.clientWidth + 1) {
          const wide = Array.from(scroller.querySelectorAll('*'))
            .filter((e) => shown(e) && e.getBoundingClientRect().right > width + 1)
            .filter((e) => {
              for (let n = e.parentElement; n && n !== scroller; n = n.parentElement) {
                const s = getComputedStyle(n)
                if (s.overflowX !== 'visible' && n.getBoundingClientRect().right <= width + 1) return false
              }
              return true
            })
          found.push({ rule: 'overflow', detail: `${name(scroller).slice(0, 30)} ${scroller.scrollWidth} px > ${scroller.clientWidth} px; widest: ${wide.slice(-1).map(name).join('')}` })
        }
      }
      // 2. a title that wraps: any one text node of a button, tab or tile title laid out on two lines
      const titles = Array.from(
        document.querySelectorAll(
          'button, .nut-button, [role=button], [role=tab], [role=link], .nut-tabs__titles-item, .weui-tabbar__label, [class*="tile__title"], [class*="grid__title"], [class*="entry__title"], [class*="tab__title"]',
        ),
      ).filter(shown)
      for (const title of titles) {
        // a tile or row (role=button/link holding more than a label): its title is its first words,
        // the line under it may wrap; a button, a tab or a title element: every word of it
        const whole = title.matches('button, .nut-button, [role=tab], .nut-tabs__titles-item, .weui-tabbar__label, [class*="__title"]')
        const walker = document.createTreeWalker(title, NodeFilter.SHOW_TEXT)
        let checked = 0
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const text = (node.textContent ?? '').trim()
          // a label, not a sentence: a sentence may wrap at a space; a label may not wrap at all
          if (text.length < 2) continue
          if (!whole && checked++ > 0) break
          if (text.length > 12) continue
          const range = document.createRange()
          range.selectNodeContents(node)
          const rects = Array.from(range.getClientRects()).filter((r) => r.width > 0 && r.height > 0)
          if (rects.length < 2) continue
          const tops = rects.map((r) => r.top).sort((a, b) => a - b)
          const lineHeight = Math.min(...rects.map((r) => r.height))
          if (tops[tops.length - 1] - tops[0] >= lineHeight * 0.5) found.push({ rule: 'wraps', detail: `「${text}」 on ${rects.length} lines in ${name(title)}` })
        }
      }
      // 3. tap targets under 44 px tall
      const reactProps = (e: Element): Record<string, unknown> | undefined => {
        const key = Object.keys(e).find((k) => k.startsWith('__reactProps$'))
        return key ? ((e as unknown as Record<string, Record<string, unknown>>)[key] ?? undefined) : undefined
      }
      const tappable = Array.from(document.querySelectorAll('body *')).filter((e) => {
        if (e.matches('button, a[href], [role=button], [role=link], [role=tab], .nut-button, taro-button-core')) return true
        const props = reactProps(e)
        return !!props && (typeof props.onClick === 'function' || typeof props.onTap === 'function')
      })
      const counted = new Set<Element>()
      for (const e of tappable) {
        if (!shown(e)) continue
        // a tappable inside a tappable (NutUI's button in taro's button) is measured once, outermost
        let inner = false
        for (let n = e.parentElement; n; n = n.parentElement) if (counted.has(n) && n.getBoundingClientRect().height >= 44) inner = true
        counted.add(e)
        if (inner) continue
        const r = e.getBoundingClientRect()
        if (r.height < 43.5) found.push({ rule: 'tap-target', detail: `${Math.round(r.height)} px tall: ${name(e)}` })
      }
      // 4. a validation message for a missing or stale parameter
      if ((document.body.innerText ?? '').includes(validation)) found.push({ rule: 'validation-message', detail: `shows 「${validation}」` })
      return found
    },
    { validation: VALIDATION },
  )
}

interface AxeResult {
  violations: Array<{ id: string; impact: string | null; help: string; nodes: Array<{ target: unknown[]; html: string }> }>
}

export async function axe(page: Page, source: string): Promise<Array<{ rule: string; detail: string }>> {
  const has = await page.evaluate(() => 'axe' in window)
  // evaluated, not a <script>: the host's CSP forbids inline scripts, and rightly
  if (!has) await page.evaluate(`${source}\n;true`)
  const result = await page.evaluate(async () => {
    const w = window as unknown as { axe: { run(context: Document, options: unknown): Promise<AxeResult> } }
    return w.axe.run(document, { resultTypes: ['violations'] })
  })
  return result.violations.map((v) => ({
    rule: `axe:${v.id}`,
    detail: `${v.help} (${v.impact ?? ''}) — ${v.nodes.length}×, e.g. ${v.nodes
      .slice(0, 3)
      .map((n) => `${JSON.stringify(n.target)} ${n.html.slice(0, 120)}`)
      .join(' | ')}`,
  }))
}

/** The requests each walking page has in flight, so a visit waits for its own calls rather than 500 ms of network silence. */
const inflight = new WeakMap<Page, Set<unknown>>()
function trackRequests(page: Page): void {
  const open = new Set<unknown>()
  inflight.set(page, open)
  page.on('request', (r) => open.add(r))
  page.on('requestfinished', (r) => open.delete(r))
  page.on('requestfailed', (r) => open.delete(r))
}

/** Waits for the page to stand still: the shell is there, no skeleton or busy mark is left, no request of its own is open. */
async function settle(page: Page): Promise<void> {
  await page.locator('.wm-shell:visible').first().waitFor({ timeout: 15_000 })
  await page
    .waitForFunction(() => !Array.from(document.querySelectorAll('.wm-skeleton, [aria-busy=true]')).some((e) => (e as HTMLElement).offsetParent !== null), undefined, { timeout: 8_000 })
    .catch(() => undefined)
  const open = inflight.get(page)
  if (!open) {
    await page.waitForLoadState('networkidle', { timeout: 5_000 }).catch(() => undefined)
  } else {
    // quiet for two looks in a row (a response often starts the next call), at most 5 s
    for (let calm = 0, waited = 0; calm < 2 && waited < 5_000; waited += 60) {
      calm = open.size === 0 ? calm + 1 : 0
      await page.waitForTimeout(60)
    }
  }
  await page.waitForTimeout(150)
}

export default async function walk(t: Journey): Promise<void> {
  const only = process.env.WALK_PAGES ? new RegExp(process.env.WALK_PAGES) : null
  const onlyIds = process.env.WALK_IDS ? process.env.WALK_IDS.split(',') : null
  const staleOnly = process.env.WALK_STALE_ONLY === '1'
  const routes = walkRoutes()
    .filter((r) => !only || only.test(r.route))
    .filter((r) => !staleOnly || r.stale || r.needsId)
  const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8')
  const findings: Finding[] = []
  let visits = 0

  // one list of identities, shared by two workers with their own browser context; one identity's
  // two modes stay on one worker, one after the other: the mode is that person's account setting
  const runs: Array<Array<{ identity: string; mode: 'normal' | 'large' }>> = []
  const staleIdentities = unique(['demo-admin', ...routes.map((r) => r.staleAs ?? 'demo-admin')])
  for (const identity of staleOnly ? staleIdentities : EVERYONE) {
    if (!onlyIds || onlyIds.includes(identity)) runs.push((staleOnly ? (['normal'] as const) : (['normal', 'large'] as const)).map((mode) => ({ identity, mode })))
  }

  const browser = t.context.browser() as Browser
  // tsx compiles the measuring functions with esbuild's keepNames, which calls a __name helper the page lacks
  const keepNames = 'window.__name = window.__name || function (f) { return f }'
  await t.context.addInitScript(keepNames)
  /** `gone`: the visit is a stale id, or a missing one the route cannot work without — it must say so, with a way home */
  const visit = async (page: Page, route: string, identity: string, mode: 'normal' | 'large', shot: boolean, gone: 'stale' | 'missing' | null = null) => {
    visits += 1
    await page.goto(`${t.baseUrl}/?walk=${visits}#/${route}`, { waitUntil: 'load' })
    await settle(page)
    const shell = await page.locator('.wm-shell:visible').first().getAttribute('data-large-text')
    if (shell !== (mode === 'large' ? 'on' : 'off')) throw new Error(`${route} as ${identity}: large text is ${shell}, the walk asked for ${mode}`)
    const excused = EXCUSED_WHILE_REBUILT.some((r) => r.test(route))
    const seen = await measure(page)
    if (gone) {
      const said = await page.evaluate(
        ([goneSource]) => {
          const shell = Array.from(document.querySelectorAll('.wm-shell')).find((e) => (e as HTMLElement).offsetParent !== null) as HTMLElement | undefined
          const root = shell ?? document.body
          const text = root.innerText.replace(/\s+/g, ' ').trim()
          // the card that says it, and a way out of it: 回到首页, 返回, or the area's own home (去志愿服务)
          const card = Array.from(root.querySelectorAll('.wm-state, .wm-card')).find((e) => (e as HTMLElement).offsetParent !== null && new RegExp(goneSource).test((e as HTMLElement).innerText))
          const home = !!card && Array.from(card.querySelectorAll('button, .nut-button, a[href], [role=button], [role=link]')).some((e) => (e as HTMLElement).offsetParent !== null && (e.textContent ?? '').trim().length > 0)
          return { gone: new RegExp(goneSource).test(text), home, text: text.slice(0, 80) }
        },
        [GONE.source] as const,
      )
      const what = gone === 'stale' ? 'with a stale id' : 'without its id'
      if (!said.gone) seen.push({ rule: `${gone}-id`, detail: `opened ${what}, does not say 内容不存在或已下线; shows 「${said.text}」` })
      else if (!said.home) seen.push({ rule: `${gone}-id`, detail: `opened ${what}, says 内容不存在或已下线 with no way home` })
    }
    if (mode === 'normal') seen.push(...(await axe(page, axeSource)))
    for (const f of seen) findings.push({ route, identity, mode, excused, ...f })
    if (shot) await page.screenshot({ path: path.join(SCREENS, `walk-${slug(route)}-${identity.replace(/^demo-/, '')}-${mode}.png`) })
  }

  const worker = async (context: BrowserContext, page: Page) => {
    for (let modes = runs.shift(); modes; modes = runs.shift()) for (const { identity, mode } of modes) {
      t.step?.(`walk as ${identity}, ${mode} text`)
      const large = mode === 'large'
      const saved = await t.call('user', 'updateProfile', { settings: { largeText: large } }, identity)
      if (!saved.ok) throw new Error(`user.updateProfile as ${identity}: ${saved.code} ${saved.message}`)
      await page.goto(`${t.baseUrl}/`, { waitUntil: 'load' })
      await page.evaluate(
        ([openid, largeText]) => {
          localStorage.setItem('wm:devOpenid', JSON.stringify({ data: openid }))
          localStorage.setItem('wm:settings', JSON.stringify({ data: { largeText, unsynced: false } }))
        },
        [identity, large] as const,
      )
      for (const r of routes) {
        // 文明办 passes (nearly) every role gate, so what it is shown for a missing or stale id is the page's own answer
        const office = identity === 'demo-admin'
        if (r.identities.includes(identity) && (!staleOnly || (office && r.needsId))) await visit(page, r.route, identity, mode, !staleOnly, office && r.needsId ? 'missing' : null)
        if (r.stale && identity === r.staleAs && mode === 'normal') await visit(page, r.stale, identity, mode, staleOnly, r.staleGone ? 'stale' : null)
      }
      void context
    }
  }
  trackRequests(t.page)
  const contexts: Array<{ context: BrowserContext; page: Page }> = [{ context: t.context, page: t.page }]
  const second = await browser.newContext({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2, locale: 'zh-CN' })
  second.setDefaultTimeout(15_000)
  await second.addInitScript(keepNames)
  const secondPage = await second.newPage()
  trackRequests(secondPage)
  secondPage.on('console', (m) => {
    if (m.type() === 'error') t.errors.push(`console.error: ${m.text()} (${secondPage.url().replace(t.baseUrl, '')})`)
  })
  secondPage.on('pageerror', (e) => t.errors.push(`page error: ${e.message} (${secondPage.url().replace(t.baseUrl, '')})`))
  contexts.push({ context: second, page: secondPage })
  const started = Date.now()
  try {
    await Promise.all(contexts.map(({ context, page }) => worker(context, page)))
  } finally {
    await second.close()
  }

  fs.mkdirSync(path.join(ROOT, 'test-results'), { recursive: true })
  fs.writeFileSync(path.join(ROOT, 'test-results/walk-findings.json'), JSON.stringify(findings, null, 1))
  const failing = findings.filter((f) => !f.excused)
  const excused = findings.filter((f) => f.excused)
  console.info(`  walk: ${routes.length} routes, ${visits} visits in ${((Date.now() - started) / 1000).toFixed(0)} s; ${failing.length} findings, ${excused.length} excused (pages being rebuilt)`)
  for (const f of excused.slice(0, 40)) console.info(`  excused: ${f.route} as ${f.identity} (${f.mode}): ${f.rule} — ${f.detail}`)
  if (failing.length > 0) {
    // one line per rule and page: the same finding for every identity is one problem
    const grouped = new Map<string, Finding[]>()
    for (const f of failing) {
      const key = `${f.rule} ${f.route} ${f.detail}`
      grouped.set(key, [...(grouped.get(key) ?? []), f])
    }
    const lines = Array.from(grouped.values()).map((fs) => `${fs[0].route} [${Array.from(new Set(fs.map((f) => `${f.identity.replace(/^demo-/, '')}/${f.mode}`))).join(',')}] ${fs[0].rule}: ${fs[0].detail}`)
    for (const line of lines) console.error(`  ✗ ${line}`)
    throw new Error(`${lines.length} problems on the walk (all in test-results/walk-findings.json):\n${lines.join('\n')}`)
  }
}
