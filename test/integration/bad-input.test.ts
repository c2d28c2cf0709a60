import { z } from 'zod'
import { FUNCTIONS } from '@/cloud/functions'
import { expectOk, startTestCloud, TEST_ADMIN, type TestCloud } from '../support/cloud'

/**
 * Bad input to every action of every function is refused with INPUT.INVALID and writes nothing.
 * The bad inputs are generated from each action's JSON Schema (the same one GET /api/contract
 * publishes), mutating one field of a valid sample at a time. A new action without a sample here
 * fails the first test, so coverage cannot silently lag behind the contract.
 */
const VALID_SAMPLES: Record<string, Record<string, Record<string, unknown>>> = {
  user: {
    me: {},
    updateProfile: { nickname: '热心市民', settings: { largeText: true } },
    grantRole: { openid: 'carol', role: 'grid', scopeId: 'grid-1' },
    revokeRole: { openid: 'carol', role: 'grid', scopeId: 'grid-1' },
    rolesOf: { openid: 'carol' },
  },
  volunteer: {
    listActivities: { date: '2026-11-25', type: 'traffic', near: { lat: 31.82, lng: 117.22 }, page: 0 },
    getActivity: { activityId: 'act-1' },
    register: { realName: '李小文', idType: 'resident', idNumber: '110101199003074258', phone: '13800138000', consent: true },
    myProfile: {},
    signUp: { shiftId: 'Sh1ft001', requestId: 'req-0001-abcd' },
    cancelSignup: { signupId: 'signup-1' },
    checkIn: { shiftId: 'Sh1ft001', proof: { kind: 'code', code: '123456' } },
    checkOut: { shiftId: 'Sh1ft001', proof: { kind: 'geofence', lat: 31.82, lng: 117.22 } },
    myRecords: { scope: 'upcoming', page: 0 },
    issueCertificate: {},
    verifyCertificate: { code: 'ABCDE23456' },
    teamActivities: { teamId: 'team-demo', page: 0 },
    publishActivity: {
      teamId: 'team-demo',
      type: 'traffic',
      title: '路口文明交通劝导',
      description: '协助劝导行人遵守信号灯',
      place: { name: '长江路口', address: '长江路与人民路交叉口', lat: 31.82, lng: 117.22 },
      geofenceRadiusM: 200,
      shifts: [{ startAt: Date.UTC(2026, 11, 1, 0), endAt: Date.UTC(2026, 11, 1, 2), capacity: 10 }],
    },
    updateActivity: { activityId: 'act-1', title: '新的标题' },
    addShift: { activityId: 'act-1', shift: { startAt: Date.UTC(2026, 11, 1, 0), endAt: Date.UTC(2026, 11, 1, 2), capacity: 10 } },
    updateShift: { shiftId: 'Sh1ft001', capacity: 20 },
    cancelShift: { shiftId: 'Sh1ft001', reason: '暴雨预警' },
    cancelActivity: { activityId: 'act-1', reason: '暴雨预警' },
    checkInCode: { shiftId: 'Sh1ft001' },
    roster: { shiftId: 'Sh1ft001', state: 'signed', page: 0 },
    confirmHours: { shiftId: 'Sh1ft001', all: true },
    adjustMinutes: { signupId: 'signup-1', minutes: 60, reason: '现场核实' },
    exportShiftCsv: { shiftId: 'Sh1ft001', delivery: 'inline' },
    getSettings: {},
    updateSettings: { cancelDeadlineMinutes: 120 },
  },
  handbook: {
    toc: {},
    chapter: { chapterId: 'waste' },
    search: { query: '垃圾', offset: 0, limit: 10 },
    setBookmark: { chapterId: 'waste', sectionId: 'waste-kitchen', bookmarked: true },
    bookmarks: { offset: 0 },
    recordProgress: { chapterId: 'waste', sectionId: 'waste-kitchen', completed: true },
    myReading: {},
    stageChapter: {
      baseVersion: 1,
      chapter: {
        id: 'winter-safety',
        title: '冬季安全',
        summary: '冰雪天气出行安全',
        glyph: '冬',
        sections: [{ id: 'winter-ice', title: '冰雪出行', blocks: [{ type: 'paragraph', text: '雪天路滑，放慢脚步。' }] }],
      },
    },
    drafts: {},
    draft: { chapterId: 'winter-safety' },
    discardDraft: { chapterId: 'winter-safety' },
    publish: { baseVersion: 1, note: '新增冬季安全' },
    versions: { offset: 0 },
  },
  entry: {
    scan: { posterId: 'DEMOREPORT' },
    poster: { posterId: 'DEMOREPORT' },
    registerPoster: {
      title: '文明城市你我共建',
      place: { address: '文明路与人民路口', lat: 30.278, lng: 120.15 },
      target: { kind: 'chapter', chapterId: 'waste', sectionId: 'waste-kitchen' },
      requestId: 'req-1',
    },
    updatePoster: { posterId: 'DEMOREPORT', title: '新标题', place: { address: '文明路', lat: 30.2, lng: 120.1 } },
    setPosterStatus: { posterId: 'DEMOREPORT', status: 'retired' },
    posters: { status: 'active', offset: 0 },
    posterStats: { posterId: 'DEMOREPORT', days: 30 },
    posterCode: { posterId: 'DEMOREPORT' },
  },
  quiz: {
    home: {},
    start: { mode: 'practice', topic: 'traffic', count: 5 },
    submit: { attemptId: 'p0123456789abcdef01234567', answers: [[0], [1, 2], []] },
    result: { attemptId: 'p0123456789abcdef01234567' },
    wrongBook: { offset: 0 },
    leaderboard: { scope: 'group', period: 'week', scopeId: 'class-1' },
    myPoints: { offset: 0 },
    adminQuestions: { topic: 'waste', status: 'active', offset: 0 },
    adminSaveQuestion: {
      questionId: 'waste-01',
      content: {
        topic: 'waste',
        type: 'single',
        difficulty: 1,
        stem: '废旧荧光灯管属于哪类垃圾？',
        options: ['可回收物', '有害垃圾', '厨余垃圾', '其他垃圾'],
        answer: [1],
        explanation: '荧光灯管含汞，属于有害垃圾。',
        sectionId: 'waste-hazardous',
      },
    },
    adminRetireQuestion: { questionId: 'waste-01', retired: true },
  },
  report: {
    prepare: {},
    map: {},
    nearby: { categoryId: 'illegal-ads', location: { lat: 30.2775, lng: 120.15 } },
    submit: {
      categoryId: 'illegal-ads',
      photos: ['cloud://local.wenming/reports/0123456789abcdef/20261125/a.jpg'],
      location: { lat: 30.2775, lng: 120.15, address: '文明路 12 号' },
      description: '电线杆上贴满了小广告',
      anonymous: true,
      phone: '13812345678',
      requestId: '0b6f3a52-3c1e-4c53-9d55-7d1f1f0c2a41',
    },
    confirm: { reportId: 'r1' },
    mine: { cursor: '1764036000000~r1' },
    get: { reportId: 'r1' },
    byTicket: { ticketNo: 'SSP-20261201-0042' },
    feed: { kind: 'praise' },
    rate: { reportId: 'r1', score: 2, comment: '没有处理' },
    requestReopen: { reportId: 'r1', reason: '小广告又贴回来了', photos: ['cloud://local.wenming/reports/20261125/c.jpg'] },
    reopen: { reportId: 'r1', note: '现场核实属实' },
    keepClosed: { reportId: 'r1', note: '现场核实已清理' },
    recategorize: { reportId: 'r1', categoryId: 'market-order', reason: '现场核实类别有误' },
    addNote: { reportId: 'r1', note: '已电话联系当事人', noteVisibility: 'internal' },
    phrases: { categoryId: 'illegal-ads', step: 'resolve' },
    phraseBook: {},
    setPhrases: { categoryId: null, step: 'note', texts: ['已安排人员跟踪复查。'] },
    forget: { reportId: 'r1' },
    queue: { as: 'grid', status: 'submitted', scopeId: 'grid-demo' },
    dispatch: { reportId: 'r1', unitId: 'unit-demo', note: '请处理' },
    reject: { reportId: 'r1', reason: 'duplicate', duplicateOf: 'r2', note: '重复' },
    approve: { reportId: 'r1', note: '好人好事' },
    start: { reportId: 'r1', note: '已签收' },
    sendBack: { reportId: 'r1', reason: 'not-our-duty', note: '不属于本单位' },
    resolve: { reportId: 'r1', afterPhotos: ['cloud://local.wenming/reports/0123456789abcdef/20261125/b.jpg'], note: '已清理' },
    ledger: {},
    reveal: { reportId: 'r1' },
    routing: {},
    setRoute: { categoryId: 'back-alley', gridId: 'grid-demo', unitId: 'unit-demo' },
    updateSettings: { dailyLimit: 20, ratingWindowDays: 7, contactRetentionDays: 365 },
  },
  open311: {
    issueKey: { partner: '12345 热线' },
    keys: {},
    revokeKey: { keyId: '0123456789abcdef' },
  },
  calendar: {
    get: { year: 2026 },
    replace: { year: 2026, csv: '2026-10-01,休,国庆节', note: '国务院办公厅通知' },
  },
  storage: {
    reserve: { area: 'reports', count: 3 },
  },
  family: {
    schools: {},
    createSchool: { name: '文明路小学', district: '文明区' },
    createClass: { schoolId: 'school-demo', grade: 3, name: '3 班', size: 40, termEndsAt: Date.UTC(2027, 0, 20) },
    myClasses: {},
    classCode: { classId: 'class-demo' },
    plan: { classId: 'class-demo' },
    setWeek: { classId: 'class-demo', week: '2026-11-30', tasks: [{ kind: 'chapter', title: '一起读文明交通', ref: 'traffic', description: null }] },
    useDefaultPlan: { classId: 'class-demo' },
    board: { classId: 'class-demo' },
    remind: { classId: 'class-demo' },
    archive: { classId: 'class-demo' },
    grantTeacher: { schoolId: 'school-demo', openid: 'carol', granted: true },
    school: { schoolId: 'school-demo' },
    overview: {},
    exportOverview: { delivery: 'inline' },
    preview: { joinCode: 'WMXS26' },
    join: { joinCode: 'WMXS26', consent: { noticeVersion: '2026-1', agreed: true }, children: [{ nickname: '小明', grade: 3 }] },
    home: {},
    addChild: { familyId: 'f1', child: { nickname: '小红', grade: 1 } },
    removeChild: { familyId: 'f1', childId: 'ch-1' },
    complete: { familyId: 'f1', taskId: 'receipt-1', confirm: true },
    signPledge: { familyId: 'f1', items: [0, 1, 2, 3, 4, 5, 6, 7] },
  },
  rolemodel: {
    nominate: {
      name: '王阿姨',
      categoryId: 'helping',
      place: { district: '文明区', street: '和平街道', community: '幸福社区' },
      account: '王阿姨十年如一日照顾楼里的独居老人，每天上门送饭。',
      photos: ['cloud://env/rolemodel/20261125/a.jpg'],
      phone: '13800138000',
      requestId: '4c1f3a52-9a0e-4d7b-8f55-1f3c2d4e5a6b',
    },
    myNominations: {},
    amend: { nominationId: 'n1', account: '补充：2025年起每天为独居老人送饭。' },
    reviewScope: {},
    queue: { status: 'pending', categoryId: 'helping', district: '文明区' },
    get: { nominationId: 'n1' },
    review: { nominationId: 'n1', decision: 'askMore', note: '请补充事迹发生的时间' },
    delegate: { openid: 'carol', district: '文明区', granted: true },
    delegations: {},
    merge: { nominationId: 'n1', intoNominationId: 'n2' },
    markHonoured: { nominationId: 'n1', level: 'province', title: '省道德模范', year: 2024 },
    nominees: { consent: 'given' },
    consentCode: { nomineeId: 'p1' },
    consentPreview: { code: 'ABCD-EFGH-JK23' },
    consent: { code: 'ABCD-EFGH-JK23', agree: true },
    openRound: {
      title: '2026年第四季度身边好人评选',
      startAt: Date.UTC(2026, 11, 1),
      endAt: Date.UTC(2026, 11, 8),
      candidateIds: ['p1', 'p2'],
      seats: 1,
      votesPerDay: 10,
      requestId: '4c1f3a52-9a0e-4d7b-8f55-1f3c2d4e5a6c',
    },
    rounds: {},
    round: { roundId: 'r1' },
    vote: { roundId: 'r1', candidateId: 'p1' },
    roundOffice: { roundId: 'r1' },
    anomalies: { roundId: 'r1', day: '2026-12-02' },
    voidVotes: { roundId: 'r1', candidateId: 'p1', day: '2026-12-02', fromHour: 1, toHour: 5, freshOnly: false, reason: '凌晨集中投票，经核实为刷票' },
    object: { roundId: 'r1', candidateId: 'p1', text: '该候选人的事迹与事实不符', requestId: '4c1f3a52-9a0e-4d7b-8f55-1f3c2d4e5a6d' },
    objections: { roundId: 'r1' },
    panelScores: { roundId: 'r1', scores: [{ candidateId: 'p1', score: 90 }] },
    closeRound: { roundId: 'r1' },
    board: { categoryId: 'helping' },
    honour: { honourId: 'h1' },
    like: { honourId: 'h1' },
  },
  survey: {
    createDraft: {
      title: '社区环境满意度调查',
      intro: '问卷不记名',
      questions: [
        { id: 'q1', kind: 'single', title: '您是否知道本市正在创建全国文明城市？', required: true, measure: 'awareness', options: [{ id: 'a1', label: '知道', positive: true }, { id: 'a2', label: '不知道' }] },
        { id: 'q2', kind: 'text', title: '您的建议', required: false, options: [] },
      ],
      communityIds: ['grid-demo'],
      opensAt: Date.UTC(2026, 10, 25),
      closesAt: Date.UTC(2026, 11, 9),
      minAnswerSeconds: 30,
      minSample: 30,
      templateId: null,
      requestId: 'req-survey-1',
    },
    createFromTemplate: { templateId: 'cw-standard', opensAt: Date.UTC(2026, 10, 25), closesAt: Date.UTC(2026, 11, 9), requestId: 'req-survey-2' },
    updateDraft: { surveyId: 'sv1', title: '新标题', minSample: 20 },
    publish: { surveyId: 'sv1' },
    close: { surveyId: 'sv1' },
    adminList: { state: 'open', offset: 0 },
    adminGet: { surveyId: 'sv1' },
    communities: {},
    results: { surveyId: 'sv1', communityId: 'grid-demo', includeFlagged: true },
    textAnswers: { surveyId: 'sv1', questionId: 'q8', offset: 0 },
    exportAnswers: { surveyId: 'sv1', format: 'xlsx', delivery: 'inline', includeFlagged: false },
    openList: {},
    get: { surveyId: 'sv1' },
    answer: {
      surveyId: 'sv1',
      startToken: 'sv1.1764036000.abcdefghijklmnopqrstuv',
      communityId: 'grid-demo',
      ageBand: '30-39',
      answers: [{ questionId: 'q1', optionIds: ['a1'] }, { questionId: 'q8', text: '多设垃圾分类点' }],
    },
  },
  rewards: {
    list: { offset: 0 },
    myRedemptions: { offset: 0 },
    redeem: { rewardId: 'rw1', requestId: 'req-0001-abcd' },
    createReward: {
      name: '文明帆布袋',
      pictureFileId: 'cloud://env/rewards/bag.jpg',
      points: 50,
      stock: 100,
      validFrom: Date.UTC(2026, 10, 1),
      validTo: Date.UTC(2026, 11, 31),
      pickupPlace: '文明路社区服务中心',
    },
    updateReward: { rewardId: 'rw1', name: '文明水杯', points: 60, addStock: 10 },
    withdraw: { rewardId: 'rw1' },
    verify: { code: 'ABCD2345' },
    rules: {},
  },
  settings: {
    categories: {},
    setCategory: {
      categoryId: 'illegal-ads',
      name: '小广告',
      hint: '乱贴乱画的小广告',
      limits: { accept: { amount: 4, unit: 'hours', officeHours: true }, start: { amount: 4, unit: 'hours' }, resolve: { amount: 3, unit: 'workdays' } },
    },
    units: {},
    saveUnit: { unitId: 'unit-demo', name: '城市管理综合执法大队' },
    grids: {},
    importGrids: {
      geojson: {
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            properties: { name: '试点网格', district: '东城街道' },
            geometry: { type: 'Polygon', coordinates: [[[120.3, 30.3], [120.31, 30.3], [120.31, 30.31], [120.3, 30.3]]] },
          },
        ],
      },
      dryRun: true,
    },
    audit: { subjectType: 'reportCategory', cursor: '1764554400000~abc' },
    overview: {},
    setReportLimits: { dailyLimit: 10 },
    setVolunteerTimes: { cancelDeadlineMinutes: 60, autoCloseGraceMinutes: 15 },
    setPointsRule: { rule: 'report.accepted', points: 6, dailyCap: 30 },
    handbookVersions: { offset: 0 },
    importQuestions: { fileId: 'cloud://env/sheets/20261201/0123456789abcdef01234567.xlsx', dryRun: true },
    questionTemplate: {},
  },
  stats: {
    range: { scope: 'unit', period: 'custom', from: '2026-11-01', to: '2026-11-20' },
    board: { scope: 'unit', period: 'week' },
    setBoardRule: { red: 5, black: 3, minReceived: 5 },
    publishBoard: { week: '2026-11-16' },
    escalations: {},
    unitMonth: { unitId: 'unit-demo' },
    dashboard: { period: 'custom', from: '2026-11-01', to: '2026-11-20' },
    setTargets: { population: 5_000_000, registrationTarget: 0.13 },
    publishedBoards: {},
    publishedBoard: { week: '2026-11-16' },
  },
  exports: {
    start: { kind: 'reports', format: 'csv', filter: { status: 'submitted', categoryId: 'illegal-parking', unitId: 'unit-demo', from: 0, to: 86_400_000 }, requestId: 'export-req-0001' },
    step: { jobId: 'job-1' },
    job: { jobId: 'job-1' },
  },
  notify: {
    templateIds: { purposes: ['reportAccepted', 'shiftReminder'] },
    consent: { grants: [{ purpose: 'reportAccepted', templateId: 'REPORT_ACCEPTED_TEMPLATE', accepted: true }] },
    credits: {},
    templates: {},
    setTemplate: { purpose: 'reportAccepted', templateId: 'tmpl-accepted-01' },
    outbox: { purpose: 'reportAccepted' },
  },
  inspect: {
    home: {},
    importStandards: { fileId: 'cloud://env/sheets/20261201/std.xlsx', dryRun: true },
    sheetTemplate: { kind: 'standards' },
    standards: { cursor: 'c1', unitId: 'unit-demo', unassigned: false },
    assign: { standardId: 'std1', leadUnitId: 'unit-demo', supportUnitIds: ['unit-traffic'], deadline: Date.UTC(2027, 2, 31) },
    units: {},
    myTasks: { unitId: 'unit-demo', filter: 'overdue', cursor: 'c1' },
    task: { taskId: 'std1__unit-demo' },
    submitEvidence: {
      taskId: 'std1__unit-demo',
      files: [{ fileId: 'cloud://env/evidence/20261201/plan.pdf', name: '工作方案.pdf' }],
      note: '附工作方案和现场照片',
      requestId: '3f0c9a52-7d1e-4b8a-9c3e-2a6b5d4e1f00',
    },
    evidenceQueue: { cursor: 'c1' },
    reviewEvidence: { evidenceId: 'ev1', decision: 'return', reason: '缺少活动照片' },
    siteTypes: {},
    addSiteType: { name: '老旧小区' },
    saveSite: {
      siteId: 'site1',
      name: '文明路农贸市场',
      typeId: 'farm-market',
      place: { lat: 30.27, lng: 120.15 },
      polygon: [
        [120.149, 30.269],
        [120.151, 30.269],
        [120.151, 30.271],
        [120.149, 30.269],
      ],
      address: '文明路 18 号',
      unitId: 'unit-market',
      pairUnitId: 'unit-street-east',
      contactName: '王经理',
      contactPhone: '13800138000',
    },
    importSites: { fileId: 'cloud://env/sheets/20261201/sites.xlsx', dryRun: false },
    sites: { cursor: 'c1', typeId: 'farm-market', district: '东城街道', unitId: 'unit-demo' },
    site: { siteId: 'site1' },
    map: { district: '东城街道', typeId: 'farm-market', state: 'overdue' },
    teams: {},
    saveTeam: { teamId: 'insp-city', name: '市创文办督查组', level: 'city', area: null },
    inspectorHome: {},
    submitInspection: {
      inspectionId: '3f0c9a52-7d1e-4b8a-9c3e-2a6b5d4e1f01',
      siteId: 'site1',
      startedAt: Date.UTC(2026, 11, 1, 1),
      finishedAt: Date.UTC(2026, 11, 1, 2),
      items: [
        {
          standardId: 'std1',
          result: 'fail',
          severity: 'normal',
          note: '出入口未设公平秤',
          photos: [{ fileId: 'cloud://env/inspect/20261201/p1.jpg', takenAt: Date.UTC(2026, 11, 1, 1, 30), lat: 30.27, lng: 120.15 }],
        },
      ],
    },
    orders: { status: 'open', unitId: 'unit-demo', siteId: 'site1', cursor: 'c1' },
    order: { orderId: 'ord1' },
    rectify: { orderId: 'ord1', note: '已设置公平秤', photos: [{ fileId: 'cloud://env/inspect/20261201/p2.jpg' }] },
    rechecks: { cursor: 'c1' },
    recheck: { orderId: 'ord1', decision: 'send_back', note: '公平秤未校准', photos: [{ fileId: 'cloud://env/inspect/20261201/p3.jpg' }] },
    unitScore: { unitId: 'unit-demo', week: '2026-11-30', cursor: 'c1' },
    board: { week: '2026-11-23' },
    publishBoard: { week: '2026-11-23' },
    escalations: { unitId: 'unit-demo' },
    ratings: { month: '2026-11' },
    publishRatings: { month: '2026-11' },
    rules: {},
    setRules: {
      score: {
        base: 100,
        weights: { city: 2, district: 1, street: 0.5 },
        repeatFactor: 2,
        repeatWindowDays: 30,
        falseFactor: 2,
        onTimeFactor: 0.5,
        materialReturn: 1,
        satisfactionWeight: 5,
        minRatings: 5,
      },
      board: { redUnits: 5, blackUnits: 3, redDistricts: 1, blackDistricts: 1, minDue: 1 },
      stars: [
        { min: 95, stars: 5 },
        { min: 90, stars: 4 },
      ],
      severityDays: { minor: 7, normal: 3, serious: 1 },
    },
  },
  frontage: {
    streetHome: {},
    registerShop: {
      name: '文明路茶叶店',
      kind: 'shop',
      businessType: 'retail',
      address: '文明路 18 号',
      frontage: { type: 'LineString', coordinates: [[120.1501, 30.2781], [120.1503, 30.2781]] },
      ownerName: '李老板',
      ownerPhone: '13800138000',
      templateId: 'five',
      termFrom: Date.UTC(2026, 11, 1),
      termTo: Date.UTC(2027, 11, 31),
      requestId: '3f0c9a52-7d1e-4b8a-9c3e-2a6b5d4e1f10',
    },
    applyShop: {
      name: '文明路水果店',
      kind: 'shop',
      businessType: 'fresh',
      address: '文明路 20 号',
      frontage: { type: 'Polygon', coordinates: [[[120.1504, 30.2781], [120.1506, 30.2781], [120.1506, 30.2782], [120.1504, 30.2781]]] },
      ownerName: '张老板',
      ownerPhone: '13800138001',
      requestId: '3f0c9a52-7d1e-4b8a-9c3e-2a6b5d4e1f11',
    },
    confirmShop: { shopId: 'shop-1', decision: 'confirm', templateId: 'three', termFrom: Date.UTC(2026, 11, 1), termTo: Date.UTC(2027, 11, 31), reason: '信息无误' },
    importShops: { fileId: 'cloud://env/sheets/20261201/shops.xlsx', dryRun: true },
    shops: { status: 'active', unsigned: true, cursor: 'c1' },
    shop: { shopId: 'shop-1' },
    setOwner: { shopId: 'shop-1', openid: 'owner-1' },
    closeShop: { shopId: 'shop-1', reason: '门店已搬迁' },
    doorCard: { shopId: 'shop-1' },
    myShops: {},
    pledge: { shopId: 'shop-1' },
    signPledge: { shopId: 'shop-1', version: 1 },
    addStaff: { shopId: 'shop-1', openid: 'staff-1' },
    removeStaff: { shopId: 'shop-1', openid: 'staff-1' },
    shopPublic: { shopId: 'shop-1' },
    placeCheck: { lat: 30.2781, lng: 120.1502, categoryId: 'street-vending' },
    shopReports: { shopId: 'shop-1', stage: 'waiting', cursor: 'c1' },
    answerReport: { reportId: 'rep-1', note: '已把货架收回店内', photos: ['cloud://env/frontage/20261201/after.jpg'] },
    zones: { district: '东城街道' },
    saveZone: {
      zoneId: 'zone-1',
      name: '文明路水果店划线经营区',
      kind: 'vending',
      polygon: [[120.1504, 30.2781], [120.1506, 30.2781], [120.1506, 30.2782], [120.1504, 30.2781]],
    },
    removeZone: { zoneId: 'zone-1' },
    templates: {},
    saveTemplate: {
      templateId: 'three',
      name: '门前三包责任书',
      duties: [{ id: 'clean', name: '包卫生', items: [{ id: 'clean-1', text: '责任区内每天清扫' }], categories: ['littering'] }],
    },
    inspectShop: {
      inspectionId: '3f0c9a52-7d1e-4b8a-9c3e-2a6b5d4e1f12',
      shopId: 'shop-1',
      items: [{ itemId: 'order-1', result: 'fail', note: '货架摆出门外', photos: ['cloud://env/frontage/20261201/p.jpg'] }],
    },
    findings: { shopId: 'shop-1', status: 'open', cursor: 'c1' },
    fixFinding: { findingId: 'f-1', note: '货架已收回', photos: ['cloud://env/frontage/20261201/after.jpg'] },
    shopScore: { shopId: 'shop-1', month: '2026-11' },
    shopBoard: { district: '东城街道', month: '2026-11' },
    publishShopBoard: { district: '东城街道', month: '2026-11' },
    shopRules: {},
    setShopRules: {
      score: { base: 100, weights: { city: 2, district: 1, street: 0.5 }, confirmedReport: 0.5, escalated: 2, repeatFactor: 2, repeatWindowDays: 30, onTimeFactor: 0.5 },
      stars: [{ min: 95, stars: 5 }],
      board: { red: 5, black: 3 },
      limitHours: 2,
    },
  },
}

interface JsonSchemaNode {
  type?: string | string[]
  properties?: Record<string, JsonSchemaNode>
  additionalProperties?: boolean | JsonSchemaNode
  enum?: unknown[]
}

const HUGE = '文'.repeat(100 * 1024)

function wrongTypeFor(node: JsonSchemaNode): unknown[] {
  if (node.enum) return ['不存在的选项', 1]
  switch (node.type) {
    case 'string':
      return [12345, true, ['a'], HUGE]
    case 'number':
    case 'integer':
      return ['12', null, Number.MAX_SAFE_INTEGER * 4, HUGE]
    case 'boolean':
      return ['true', 1, HUGE]
    case 'object':
      return ['{}', [], HUGE]
    case 'array':
      return ['[]', { 0: 'a' }, HUGE]
    default:
      return [HUGE, { nested: HUGE }]
  }
}

/** Mutations of a valid sample, each with a label for the failure message. */
function badInputs(schema: JsonSchemaNode, sample: Record<string, unknown>): Array<[string, unknown]> {
  const cases: Array<[string, unknown]> = [
    ['data as a string', 'text'],
    ['data as a number', 42],
    ['data as an array', [sample]],
    ['an unknown field', { ...sample, sneaky: HUGE }],
  ]
  for (const [field, node] of Object.entries(schema.properties ?? {})) {
    for (const value of wrongTypeFor(node)) {
      const label = typeof value === 'string' && value.length > 100 ? '100 KB string' : JSON.stringify(value)
      cases.push([`${field} = ${label}`, { ...sample, [field]: value }])
    }
    for (const [inner, innerNode] of Object.entries(node.properties ?? {})) {
      for (const value of wrongTypeFor(innerNode)) {
        const nested = { ...(sample[field] as Record<string, unknown> | undefined), [inner]: value }
        cases.push([`${field}.${inner} wrong`, { ...sample, [field]: nested }])
      }
    }
  }
  return cases
}

let cloud: TestCloud
beforeAll(async () => {
  cloud = startTestCloud()
  // some state to prove untouched
  expectOk(await cloud.as(TEST_ADMIN).call('user', 'me', {}))
  expectOk(await cloud.as(TEST_ADMIN).call('user', 'grantRole', { openid: 'carol', role: 'grid', scopeId: 'grid-1' }))
})
afterAll(() => cloud.close())

const actions = Object.values(FUNCTIONS).flatMap((fn) =>
  Object.entries(fn.actions).map(([action, spec]) => ({ fn: fn.name, action, spec })),
)

test('every action has a valid sample that its schema accepts', () => {
  for (const { fn, action, spec } of actions) {
    const sample = VALID_SAMPLES[fn]?.[action]
    expect({ fn, action, hasSample: sample !== undefined }).toEqual({ fn, action, hasSample: true })
    expect({ fn, action, valid: spec.input.safeParse(sample).success }).toEqual({ fn, action, valid: true })
  }
})

describe.each(actions)('$fn.$action', ({ fn, action, spec }) => {
  const schema = z.toJSONSchema(spec.input, { unrepresentable: 'any' }) as JsonSchemaNode
  const cases = badInputs(schema, VALID_SAMPLES[fn]?.[action] ?? {})
  test.each(cases)('%s → INPUT.INVALID, nothing written', async (_label, data) => {
    const before = await cloud.snapshot()
    const result = await cloud.as(TEST_ADMIN).raw(fn, { action, data })
    expect(result).toMatchObject({ ok: false, code: 'INPUT.INVALID' })
    expect(await cloud.snapshot()).toEqual(before)
  })
})
