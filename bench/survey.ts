/**
 * 创文民意调查 with 50k answers across the demo city's six communities: answer latency (the
 * token + answer + counters transaction) and the results page from counters (p50/p99), which
 * should not grow with the number of answers. Not pass/fail.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { FUNCTIONS } from '../src/cloud/functions'
import { seedCity } from '../src/cloud/domain/report/seed'
import { createLocalPlatform } from '../src/cloud/platform/local'
import { percentiles } from './actions'

const GRIDS = ['grid-xicheng', 'grid-xinhua', 'grid-binhe', 'grid-beizhan', 'grid-demo', 'grid-heping']
const BANDS = ['18-29', '30-39', '40-49', '50-59', '60-65'] as const

export async function runSurveyBench(answers = 50_000): Promise<Record<string, string | number>> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wenming-bench-survey-'))
  const silent = { info: () => undefined, error: () => undefined }
  const platform = createLocalPlatform({ dataDir, adminOpenids: ['bench-admin'], log: silent })
  const fn = FUNCTIONS.survey
  const call = async (openid: string, action: string, data: unknown) => {
    const r = await fn.invoke({ action, data }, platform, { openid })
    if (!r.ok) throw new Error(`${action}: ${r.code}`)
    return r.data as Record<string, unknown>
  }
  try {
    await seedCity(platform)
    const now = Date.now()
    const draft = await call('bench-admin', 'createFromTemplate', { templateId: 'cw-standard', opensAt: now - 60_000, closesAt: now + 30 * 86_400_000, requestId: 'bench' })
    const surveyId = draft.id as string
    await call('bench-admin', 'updateDraft', { surveyId, minAnswerSeconds: 0, minSample: 30 })
    await call('bench-admin', 'publish', { surveyId })
    const paper = await call('p-0', 'get', { surveyId })
    const startToken = paper.startToken as string
    const answerMs: number[] = []
    const t0 = performance.now()
    for (let i = 0; i < answers; i++) {
      const pick = (n: number, k: number) => `a${((i * 7 + k * 13) % n) + 1}`
      const started = performance.now()
      await call(`p-${i}`, 'answer', {
        surveyId,
        startToken,
        communityId: GRIDS[i % GRIDS.length],
        ageBand: BANDS[i % BANDS.length],
        answers: [
          { questionId: 'q1', optionIds: [pick(2, 1)] },
          { questionId: 'q2', optionIds: [i % 11 === 0 ? 'a9' : pick(2, 2)] },
          { questionId: 'q3', optionIds: [i % 7 === 0 ? 'a9' : pick(2, 3)] },
          { questionId: 'q4', optionIds: [i % 9 === 0 ? 'a9' : pick(5, 4)] },
          { questionId: 'q5', optionIds: [pick(5, 5)] },
          { questionId: 'q6', optionIds: [pick(3, 6)] },
          { questionId: 'q7', optionIds: [pick(6, 7)] },
        ],
      })
      answerMs.push(performance.now() - started)
    }
    const loadSeconds = (performance.now() - t0) / 1000
    const resultsMs: number[] = []
    const communityMs: number[] = []
    for (let i = 0; i < 200; i++) {
      let started = performance.now()
      await call('bench-admin', 'results', { surveyId })
      resultsMs.push(performance.now() - started)
      started = performance.now()
      await call('bench-admin', 'results', { surveyId, communityId: GRIDS[i % GRIDS.length], includeFlagged: true })
      communityMs.push(performance.now() - started)
    }
    const check = await call('bench-admin', 'results', { surveyId })
    const scope = check.scope as { sample: number }
    const a = percentiles(answerMs)
    const r = percentiles(resultsMs)
    const c = percentiles(communityMs)
    return {
      answers,
      'answers/s (sequential)': Math.round(answers / loadSeconds),
      'answer p50 ms': a.p50,
      'answer p99 ms': a.p99,
      'results (whole survey) p50 ms': r.p50,
      'results (whole survey) p99 ms': r.p99,
      'results (one community, flagged in) p50 ms': c.p50,
      'results (one community, flagged in) p99 ms': c.p99,
      'sample read back': scope.sample,
    }
  } finally {
    platform.close()
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
}

if (require.main === module) {
  runSurveyBench(Number(process.argv[2] ?? 50_000)).then((figures) => console.table(figures))
}
