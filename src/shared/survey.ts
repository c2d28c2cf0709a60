/**
 * 创文民意调查: the pure constants both sides need (question kinds, the four measures, age bands,
 * answer scales, the campaign template, limits, labels). No zod here, so the mini-program can
 * import them as values; the survey contract re-exports everything.
 *
 * This is the office's own measurement, not the quiz: nothing here (or anywhere in the survey)
 * marks an option as the "right" or "best" answer to a respondent. `positive` below only tells
 * the results page which options count towards a rate; the answering page never shows it.
 */

/** 单选、多选、量表（必带「说不清」）、简答 */
export const QUESTION_KINDS = ['single', 'multi', 'scale', 'text'] as const
export type QuestionKind = (typeof QUESTION_KINDS)[number]

export const QUESTION_KIND_LABEL: Record<QuestionKind, string> = {
  single: '单选题',
  multi: '多选题',
  scale: '量表题（含“说不清”）',
  text: '简答题',
}

/** What the 测评 measures; a survey tags at most one single/scale question with each. */
export const MEASURES = ['awareness', 'support', 'participation', 'satisfaction'] as const
export type Measure = (typeof MEASURES)[number]

export const MEASURE_LABEL: Record<Measure, string> = {
  awareness: '知晓率',
  support: '支持率',
  participation: '参与率',
  satisfaction: '满意度',
}

/**
 * Age bands a respondent picks (official 测评 asks 18–65 周岁 residents; the bands outside it are
 * kept so nobody is turned away, and the office can read them apart).
 */
export const AGE_BANDS = ['under18', '18-29', '30-39', '40-49', '50-59', '60-65', 'over65'] as const
export type AgeBand = (typeof AGE_BANDS)[number]

export const AGE_BAND_LABEL: Record<AgeBand, string> = {
  under18: '18岁以下',
  '18-29': '18–29岁',
  '30-39': '30–39岁',
  '40-49': '40–49岁',
  '50-59': '50–59岁',
  '60-65': '60–65岁',
  over65: '65岁以上',
}

/**
 * One option of a choice or scale question. `positive` counts the option towards the question's
 * measure (知道 / 支持 / 参加过 / 非常满意 + 满意); `dontKnow` marks 说不清, which is shown apart and
 * left out of the denominator.
 */
export interface SurveyOptionSpec {
  /** short, stable within the question: a1, a2 … */
  id: string
  label: string
  positive?: boolean
  dontKnow?: boolean
}

export interface SurveyQuestionSpec {
  /** short, stable within the survey: q1, q2 … */
  id: string
  kind: QuestionKind
  title: string
  required: boolean
  /** choice and scale questions; empty for text */
  options: SurveyOptionSpec[]
  /** single and scale questions only */
  measure?: Measure
  /** multi: at most this many choices (default: all) */
  maxChoices?: number
}

/** 非常满意/满意/一般/不太满意/不满意 + 说不清: 满意度 = (非常满意 + 满意) / (总数 − 说不清) */
export const SATISFACTION_SCALE: SurveyOptionSpec[] = [
  { id: 'a1', label: '非常满意', positive: true },
  { id: 'a2', label: '满意', positive: true },
  { id: 'a3', label: '一般' },
  { id: 'a4', label: '不太满意' },
  { id: 'a5', label: '不满意' },
  { id: 'a9', label: '说不清', dontKnow: true },
]

/** 好/一般/差/说不清, as cities ask about 市民文明程度 */
export const QUALITY_SCALE: SurveyOptionSpec[] = [
  { id: 'a1', label: '好', positive: true },
  { id: 'a2', label: '一般' },
  { id: 'a3', label: '差' },
  { id: 'a9', label: '说不清', dontKnow: true },
]

export interface SurveyTemplate {
  id: string
  title: string
  intro: string
  questions: SurveyQuestionSpec[]
}

/**
 * 创文民意调查 (the campaign's usual questions, worded as cities publish them). Rounds built from
 * the same template are compared on the results page's trend.
 */
export const CAMPAIGN_TEMPLATE: SurveyTemplate = {
  id: 'cw-standard',
  title: '创建全国文明城市市民满意度调查',
  intro:
    '您好！为了解市民对创建全国文明城市工作的看法，市文明办开展本次调查。问卷不记名，不收集您的姓名、电话等信息，结果只用于改进工作。请根据您的真实感受作答，大约需要 3 分钟，感谢您的支持！',
  questions: [
    {
      id: 'q1',
      kind: 'single',
      title: '您是否知道本市正在创建全国文明城市？',
      required: true,
      measure: 'awareness',
      options: [
        { id: 'a1', label: '知道', positive: true },
        { id: 'a2', label: '不知道' },
      ],
    },
    {
      id: 'q2',
      kind: 'single',
      title: '您是否支持本市创建全国文明城市？',
      required: true,
      measure: 'support',
      options: [
        { id: 'a1', label: '支持', positive: true },
        { id: 'a2', label: '不支持' },
        { id: 'a9', label: '说不清', dontKnow: true },
      ],
    },
    {
      id: 'q3',
      kind: 'single',
      title: '您是否参加过本市组织开展的文明创建活动（如志愿服务、文明劝导、环境整治）？',
      required: true,
      measure: 'participation',
      options: [
        { id: 'a1', label: '参加过', positive: true },
        { id: 'a2', label: '没有参加过' },
        { id: 'a9', label: '说不清', dontKnow: true },
      ],
    },
    {
      id: 'q4',
      kind: 'scale',
      title: '您对本市创建全国文明城市工作的总体评价是？',
      required: true,
      measure: 'satisfaction',
      options: SATISFACTION_SCALE,
    },
    {
      id: 'q5',
      kind: 'scale',
      title: '您对所居住社区的环境卫生是否满意？',
      required: true,
      options: SATISFACTION_SCALE,
    },
    {
      id: 'q6',
      kind: 'scale',
      title: '您觉得本市市民的文明礼貌、文明交通做得如何？',
      required: true,
      options: QUALITY_SCALE,
    },
    {
      id: 'q7',
      kind: 'multi',
      title: '您通过哪些渠道了解到创建文明城市的信息？（可多选）',
      required: false,
      options: [
        { id: 'a1', label: '街头公益广告' },
        { id: 'a2', label: '电视、广播、报纸' },
        { id: 'a3', label: '微信、网站等新媒体' },
        { id: 'a4', label: '社区宣传' },
        { id: 'a5', label: '学校（小手拉大手）' },
        { id: 'a6', label: '其他' },
      ],
    },
    {
      id: 'q8',
      kind: 'text',
      title: '您对创建文明城市工作还有什么意见和建议？',
      required: false,
      options: [],
    },
  ],
}

export const SURVEY_TEMPLATES: readonly SurveyTemplate[] = [CAMPAIGN_TEMPLATE]

export const SURVEY_LIMITS = {
  titleMax: 40,
  introMax: 500,
  questions: 30,
  questionTitleMax: 120,
  options: 12,
  optionLabelMax: 40,
  textAnswerMax: 300,
  /** 可限定的社区数 */
  communities: 100,
  /** answers faster than this are kept, flagged 过快, and left out of results by default */
  minAnswerSecondsDefault: 30,
  minAnswerSecondsMax: 600,
  /** a community (or the whole survey) with fewer valid answers shows its sample size only */
  minSampleDefault: 30,
  minSampleMax: 1000,
  /** longest a survey may stay open */
  openDaysMax: 92,
  /** a start token older than this is refused (the page was left open for too long) */
  startTokenHours: 24,
  /** text answers per page on the office's 简答 list */
  textPage: 50,
} as const

/** 95% two-sided normal quantile used by the Wilson interval on the results page */
export const WILSON_Z = 1.959963984540054

export const SURVEY_STATE_LABEL = {
  draft: '草稿',
  scheduled: '未开始',
  open: '进行中',
  closed: '已结束',
} as const

/** what the resident sees after answering (no score, no "right answers": this is not the quiz) */
export const SURVEY_THANKS = '感谢您参与本次调查！您的回答不记名，只用于改进创建工作。'

/** The page a survey poster or link opens. */
export function surveyPageUrl(surveyId: string): string {
  return `/packages/survey/pages/index/index?id=${encodeURIComponent(surveyId)}`
}
