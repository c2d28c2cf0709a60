/**
 * Every collection the functions use, with its indexes, declared once.
 *
 * The local database creates a table and expression indexes from this list; in a real cloud
 * environment the same list is what to create in the console (集合 + 索引), and
 * `npm run build:cloud` prints it as a checklist. Using a collection that is not declared here
 * fails, as it does in the cloud before the collection is created.
 */
export interface IndexField {
  /** dotted path inside the document */
  path: string
  order: 'asc' | 'desc'
}

export interface IndexSpec {
  name: string
  fields: readonly IndexField[]
  unique?: boolean
}

export interface CollectionSpec {
  name: string
  /** why the collection exists, for the console checklist */
  purpose: string
  indexes: readonly IndexSpec[]
}

const asc = (path: string): IndexField => ({ path, order: 'asc' })
const desc = (path: string): IndexField => ({ path, order: 'desc' })

export const COLLECTIONS: readonly CollectionSpec[] = [
  {
    name: 'users',
    purpose: '每个 OPENID 一个文档：资料、设置、积分余额（_id 即 openid）',
    indexes: [{ name: 'points_desc', fields: [desc('points'), asc('pointsUpdatedAt')] }],
  },
  {
    name: 'role_grants',
    purpose: '服务端授予的角色，可带范围（队伍、网格、单位、班级）',
    indexes: [
      { name: 'by_user', fields: [asc('openid'), asc('role')] },
      { name: 'by_role_scope', fields: [asc('role'), asc('scopeId')] },
    ],
  },
  {
    name: 'audit_log',
    purpose: '审计记录：谁、何时、做了什么（角色授予、状态变更、敏感信息查看）',
    indexes: [
      { name: 'by_subject', fields: [asc('subjectType'), asc('subjectId'), asc('at')] },
      { name: 'by_time', fields: [desc('at')] },
    ],
  },
  {
    name: 'request_log',
    purpose: '幂等键：重试的提交返回第一次的结果（_id 为 openid + requestId）',
    indexes: [{ name: 'by_time', fields: [asc('at')] }],
  },
  {
    name: 'uploads',
    purpose: '预留的上传路径（_id 为随机路径 <区域>/<日期>/<随机数>）与上传人；文件被使用时删除，未使用的到期删除',
    indexes: [
      { name: 'by_owner_expiry', fields: [asc('openid'), asc('expiresAt')] },
      { name: 'by_expiry', fields: [asc('expiresAt')] },
    ],
  },
  // ---- 志愿服务 ----
  {
    name: 'volunteer_profiles',
    purpose: '志愿者实名资料、同意记录与已确认时长（_id 即 openid）',
    indexes: [],
  },
  { name: 'volunteer_teams', purpose: '志愿服务队（_id 即组织者角色的范围编号）', indexes: [] },
  {
    name: 'volunteer_activities',
    purpose: '志愿服务活动：类别、地点、签到范围、所属队伍',
    indexes: [{ name: 'by_team', fields: [asc('teamId'), desc('createdAt')] }],
  },
  {
    name: 'volunteer_shifts',
    purpose: '活动班次：时间、名额与已报名/候补计数（条件更新）',
    indexes: [
      { name: 'by_day', fields: [asc('status'), asc('day'), asc('startAt')] },
      { name: 'by_day_type', fields: [asc('status'), asc('day'), asc('type'), asc('startAt')] },
      { name: 'by_day_cell', fields: [asc('status'), asc('day'), asc('cell'), asc('startAt')] },
      { name: 'by_activity', fields: [asc('activityId'), asc('startAt')] },
      { name: 'by_open_end', fields: [asc('status'), asc('closed'), asc('endAt')] },
    ],
  },
  {
    name: 'volunteer_signups',
    purpose: '报名、候补、签到签退与服务时长记录',
    indexes: [
      { name: 'by_shift_state', fields: [asc('shiftId'), asc('state'), asc('queueKey')] },
      { name: 'by_shift', fields: [asc('shiftId'), asc('queueKey')] },
      { name: 'by_shift_person', fields: [asc('shiftId'), asc('openid'), asc('queueKey')] },
      { name: 'by_person_end', fields: [asc('openid'), asc('endAt')] },
      { name: 'by_person_state', fields: [asc('openid'), asc('state'), asc('startAt')] },
    ],
  },
  { name: 'volunteer_attempts', purpose: '签到码错误次数（每人一个窗口，_id 即 openid）', indexes: [] },
  {
    name: 'volunteer_certificates',
    purpose: '服务证明快照（_id 即查验码）',
    indexes: [{ name: 'by_owner', fields: [asc('openid'), desc('issuedAt')] }],
  },
  { name: 'volunteer_secrets', purpose: '签到码密钥（未配置 CHECKIN_SECRET 时自动生成，不返回客户端）', indexes: [] },
  { name: 'volunteer_settings', purpose: '文明办设置：取消截止时间、自动签退宽限', indexes: [] },
  // ---- 创文答题 and 文明积分 ----
  {
    name: 'quiz_questions',
    purpose: '题库：题干、选项、答案、解析、手册小节（种子来自代码中的题库文件，文明办可增改下架）',
    indexes: [
      { name: 'by_status', fields: [asc('status'), desc('updatedAt')] },
      { name: 'by_status_topic', fields: [asc('status'), asc('topic'), desc('updatedAt')] },
    ],
  },
  { name: 'quiz_meta', purpose: '题库版本与按专题的在用题目索引（_id 为 active），出题只读这一条', indexes: [] },
  {
    name: 'quiz_attempts',
    purpose: '答卷：所出题目、选项顺序、截止时间（服务端计时）与计分结果；每日一练 _id 由日期与人派生',
    indexes: [
      { name: 'by_person_daily', fields: [asc('openid'), asc('mode'), asc('day'), desc('attemptNo')] },
      // 小手拉大手's family quiz task: the parent's papers submitted in a week
      { name: 'by_person_submitted', fields: [asc('openid'), asc('status'), desc('submittedAt')] },
    ],
  },
  {
    name: 'quiz_wrong',
    purpose: '错题本：每人每题一条（_id 为 openid:题目编号），连续答对两次后删除',
    indexes: [{ name: 'by_person', fields: [asc('openid'), desc('lastWrongAt')] }],
  },
  {
    name: 'quiz_scores',
    purpose: '排行榜计数器：每个榜单（范围+周期）每人一条，写入时原子累加；先达到者排前',
    indexes: [{ name: 'by_board', fields: [asc('board'), desc('score'), asc('reachedAt')] }],
  },
  {
    name: 'quiz_score_buckets',
    purpose: '排行榜分数段：每个榜单每个分数一条，记有多少人是这个分数（_id 为 榜单@分数），用来算“我的名次”',
    indexes: [{ name: 'by_board', fields: [asc('board'), desc('score')] }],
  },
  {
    name: 'points_ledger',
    purpose: '文明积分流水：每次变动的原因与来源（_id 为 openid:来源编号，同一来源只记一次）；余额即流水之和',
    indexes: [{ name: 'by_person', fields: [asc('openid'), desc('at')] }],
  },
  {
    name: 'points_daily',
    purpose: '文明积分每日上限计数：每人每条规则每天一条（_id 为 openid:原因:日期），与流水同一事务写入',
    indexes: [],
  },
  {
    name: 'rewards',
    purpose: '积分兑换奖品：名称、图片、所需积分、库存（写入时扣减）、有效期、领取地点、是否下架',
    indexes: [{ name: 'by_status_valid', fields: [asc('status'), asc('validTo')] }, { name: 'by_created', fields: [desc('createdAt')] }],
  },
  {
    name: 'reward_redemptions',
    purpose: '兑换记录：一次兑换一条（_id 由 openid + requestId 派生，重试不重复扣分），含核销码与领取状态',
    indexes: [{ name: 'by_person', fields: [asc('openid'), desc('createdAt')] }],
  },
  { name: 'reward_codes', purpose: '核销码 → 兑换记录（_id 即核销码，保证唯一）', indexes: [] },
  {
    name: 'reports',
    purpose: '随手拍与文明点赞：一条一文档（_id 由 openid + requestId 派生，重试即幂等）',
    indexes: [
      { name: 'by_reporter_created', fields: [asc('reporterOpenid'), desc('createdAt')] },
      { name: 'by_grid_status_due', fields: [asc('gridId'), asc('status'), asc('dueAt')] },
      { name: 'by_grid_status_updated', fields: [asc('gridId'), asc('status'), desc('updatedAt')] },
      { name: 'by_unit_status_due', fields: [asc('unitId'), asc('status'), asc('dueAt')] },
      { name: 'by_unit_status_updated', fields: [asc('unitId'), asc('status'), desc('updatedAt')] },
      { name: 'by_open_due', fields: [asc('open'), asc('dueAt')] },
      { name: 'by_public_published', fields: [asc('public'), desc('publishedAt')] },
      { name: 'by_public_kind_published', fields: [asc('public'), asc('kind'), desc('publishedAt')] },
      { name: 'by_category_cell_created', fields: [asc('categoryId'), asc('cell'), desc('createdAt')] },
      // Open311 searches: by date, by service (category), by open/closed
      { name: 'by_kind_created', fields: [asc('kind'), desc('createdAt')] },
      { name: 'by_kind_category_created', fields: [asc('kind'), asc('categoryId'), desc('createdAt')] },
      { name: 'by_kind_status_created', fields: [asc('kind'), asc('status'), desc('createdAt')] },
      // the rating-window jobs: 已办结 reports by the end of their window (and whether reminded)
      { name: 'by_status_rating_due', fields: [asc('status'), asc('ratingDueAt')] },
      { name: 'by_status_reminded_rating_due', fields: [asc('status'), asc('ratingReminded'), asc('ratingDueAt')] },
      // the retention job: closed reports still holding contact data, oldest closed first
      { name: 'by_identity_closed', fields: [asc('identityRemoved'), asc('closedAt')] },
      // 超时标记 (markOverdue): open reports not yet marked, the longest past due first
      { name: 'by_open_marked_due', fields: [asc('open'), asc('overdueMarkedAt'), asc('dueAt')] },
      // 按编号查找 (report.byTicket); unique: two reports never share a 受理编号. Reports not yet numbered lack the field:
      // SQLite lets many lack it, the cloud's unique index counts a missing field as one value — create it there once
      // backfillTicketNumbers has finished (ticket_backfill/reports says done), as a plain index until then
      { name: 'by_ticket', fields: [asc('ticketNo')], unique: true },
    ],
  },
  {
    name: 'report_events',
    purpose: '随手拍时间线与流转审计：动作、前后状态、角色与网格/单位、说明、时间（操作人 openid 仅供审计）',
    indexes: [{ name: 'by_report_seq', fields: [asc('reportId'), asc('seq')] }],
  },
  {
    name: 'report_confirmations',
    purpose: '我也遇到：每人每条一次（_id 为 报告_openid）',
    indexes: [{ name: 'by_report', fields: [asc('reportId')] }],
  },
  {
    name: 'report_daily',
    purpose: '每人每天上报条数（_id 为 openid_日期，北京时间），用于每日上限',
    indexes: [],
  },
  {
    name: 'report_people',
    purpose: '旧版每人照片目录密钥（_id 为 openid，只读不再新建）：旧目录 reports/<密钥>/ 下的照片仍可由本人使用',
    indexes: [],
  },
  {
    name: 'report_grids',
    purpose: '网格：GeoJSON 多边形与外接矩形（按矩形查询候选，再点面判断）',
    indexes: [{ name: 'by_bbox', fields: [asc('minLat'), asc('maxLat')] }],
  },
  {
    name: 'report_units',
    purpose: '责任单位',
    indexes: [],
  },
  {
    name: 'report_routes',
    purpose: '派发规则：类别（可按网格）→ 责任单位（_id 为 类别__网格 或 类别__*）',
    indexes: [],
  },
  {
    name: 'report_settings',
    purpose: '随手拍设置：城市名称、每人每日上限（文明办可改）',
    indexes: [],
  },
  {
    name: 'report_phrases',
    purpose: '常用语：每个类别（或通用）每个环节一组（_id 为 类别.环节 或 all.环节），文明办维护，工作人员选用',
    // read by _id only (two documents per form); the office's page lists the whole, small collection
    indexes: [],
  },
  {
    name: 'work_calendars',
    purpose: '工作日历：每年的节假日与调休上班日（_id 为 y<年份>），预置国务院办公厅通知，文明办可整体替换；工作日时限按此计算',
    indexes: [{ name: 'by_year', fields: [desc('year')] }],
  },
  // ---- 市民文明手册 ----
  { name: 'handbook_meta', purpose: '手册当前版本与目录（_id 为 current）', indexes: [] },
  {
    name: 'handbook_versions',
    purpose: '手册每个已发布版本（_id 为 v<版本号>，创建即占用版本号）',
    indexes: [{ name: 'by_version', fields: [desc('version')] }],
  },
  {
    name: 'handbook_chapters',
    purpose: '章节正文，按修订保存（_id 为 <章编号>__r<修订号>；未改动的章沿用旧修订）',
    indexes: [],
  },
  {
    name: 'handbook_drafts',
    purpose: '文明办待发布的章节草稿（_id 为章编号）',
    indexes: [{ name: 'by_staged', fields: [asc('stagedAt')] }],
  },
  {
    name: 'handbook_bookmarks',
    purpose: '书签，每人每节一个（_id 为 openid__小节编号）',
    indexes: [
      { name: 'by_user', fields: [asc('openid'), desc('createdAt')] },
      { name: 'by_user_chapter', fields: [asc('openid'), asc('chapterId'), desc('createdAt')] },
    ],
  },
  {
    name: 'handbook_progress',
    purpose: '阅读进度，每人每章一个（_id 为 openid__章编号）',
    indexes: [{ name: 'by_user', fields: [asc('openid'), desc('updatedAt')] }],
  },
  // ---- 公益广告扫码 ----
  {
    name: 'posters',
    purpose: '公益广告：标题、位置、去向、小程序码、累计计数',
    indexes: [
      { name: 'by_created', fields: [desc('createdAt')] },
      { name: 'by_status_created', fields: [asc('status'), desc('createdAt')] },
    ],
  },
  {
    name: 'poster_days',
    purpose: '每张海报每天的计数：扫码次数、人数、扫码后随手拍/读手册/答题（_id 为 海报_日期）',
    indexes: [{ name: 'by_poster_day', fields: [asc('posterId'), desc('day')] }],
  },
  {
    name: 'poster_day_people',
    purpose: '某人某天扫过某海报（_id 为 海报_日期_openid），用于按天去重计人数',
    indexes: [{ name: 'by_poster_day', fields: [asc('posterId'), asc('day')] }],
  },
  {
    name: 'poster_people',
    purpose: '某人扫过某海报（_id 为 海报_openid），用于累计去重计人数',
    indexes: [{ name: 'by_poster', fields: [asc('posterId')] }],
  },
  {
    name: 'poster_attributions',
    purpose: '每人最近一次扫码（_id 为 openid），24 小时内的随手拍、读手册、答题计入该海报',
    indexes: [],
  },
  // ---- 小手拉大手 ----
  {
    name: 'family_schools',
    purpose: '参与学校（文明办登记），带写入时累计的班级、家庭、孩子、回执数',
    indexes: [
      { name: 'by_created', fields: [desc('createdAt')] },
      { name: 'by_families', fields: [desc('families'), asc('createdAt')] },
    ],
  },
  {
    name: 'family_classes',
    purpose: '班级：学校、年级、班名、学期结束、班主任 openid、邀请码、计数（家庭、孩子、回执、答题总分与次数）',
    indexes: [
      { name: 'by_teacher', fields: [asc('teacherOpenid'), desc('createdAt')] },
      { name: 'by_school', fields: [asc('schoolId'), desc('createdAt')] },
      // the term-end job: active classes by the end of their term
      { name: 'by_status_term', fields: [asc('status'), asc('termEndsAt')] },
    ],
  },
  {
    name: 'family_join_codes',
    purpose: '班级邀请码（_id 即邀请码，唯一；归档后保留并标记，旧码提示已结束，永不复用）',
    indexes: [],
  },
  {
    name: 'family_families',
    purpose: '家庭：每个家长在每个班一条（_id 由班级与 openid 派生），孩子只有昵称和年级，同意记录、回执、连续周数、徽章、承诺书',
    indexes: [
      { name: 'by_parent', fields: [asc('parentOpenid'), asc('status'), desc('joinedAt')] },
      { name: 'by_class_status', fields: [asc('classId'), asc('status'), asc('joinedAt')] },
    ],
  },
  {
    name: 'family_consents',
    purpose: '监护人同意致家长的一封信的记录：谁、何时、哪个版本（先于任何孩子信息写入，只增不改）',
    indexes: [{ name: 'by_family', fields: [asc('familyId'), desc('at')] }],
  },
  {
    name: 'family_plans',
    purpose: '班级每周的家庭任务（_id 为 班级__周一日期）',
    indexes: [{ name: 'by_class_week', fields: [asc('classId'), asc('week')] }],
  },
  {
    name: 'family_completions',
    purpose: '家庭任务完成记录与佐证（_id 为 家庭__周__任务，重复完成即幂等）',
    indexes: [{ name: 'by_family_week', fields: [asc('familyId'), asc('week')] }],
  },
  {
    name: 'family_weeks',
    purpose: '每个家庭每周的进度：完成数、是否全部完成（_id 为 家庭__周）',
    indexes: [],
  },
  {
    name: 'family_class_weeks',
    purpose: '每个班每周的计数：参与家庭、全部完成的家庭、完成次数（_id 为 班级__周）',
    indexes: [],
  },
  {
    name: 'family_city_weeks',
    purpose: '全市每周的计数：参与家庭、全部完成的家庭、完成次数（_id 为周一日期）',
    indexes: [],
  },
  {
    name: 'family_totals',
    purpose: '全市累计：学校、班级、家庭、孩子、回执（_id 为 city）',
    indexes: [],
  },
  // ---- 身边好人 ----
  {
    name: 'rolemodel_nominations',
    purpose: '身边好人推荐：被推荐人、类别、事迹、照片、推荐人电话（仅文明办可见）、审核状态与记录（_id 由推荐人与 requestId 派生，重试幂等）',
    indexes: [
      { name: 'by_nominator', fields: [asc('nominatorOpenid'), desc('createdAt')] },
      { name: 'by_status', fields: [asc('status'), asc('createdAt')] },
      { name: 'by_status_category', fields: [asc('status'), asc('categoryId'), asc('createdAt')] },
      // merge suggestions: the same name in the same district
      { name: 'by_name_district', fields: [asc('nameKey'), asc('place.district'), asc('createdAt')] },
      // a district reviewer's queue: their districts only
      { name: 'by_district_status', fields: [asc('place.district'), asc('status'), asc('createdAt')] },
    ],
  },
  {
    name: 'rolemodel_delegations',
    purpose: '文明办授权区文明办审核员审核某区（区名为推荐里填写的中文，_id 由审核员与区名派生）：审核员、区、授权人、授权时间',
    indexes: [{ name: 'by_openid', fields: [asc('openid'), asc('district')] }],
  },
  {
    name: 'rolemodel_nominees',
    purpose: '已采纳的被推荐人：公开事迹与照片、本人同意记录（谁、何时），同意前任何内容都不公开',
    indexes: [
      { name: 'by_consent', fields: [asc('consent.status'), desc('createdAt')] },
      { name: 'by_created', fields: [desc('createdAt')] },
    ],
  },
  { name: 'rolemodel_consent_codes', purpose: '一次性同意码（_id 为同意码的哈希，不存原码）：对应的被推荐人、到期时间、使用时间', indexes: [] },
  {
    name: 'rolemodel_rounds',
    purpose: '评选：起止时间、候选人、名额、投票规则与权重、每日快照时间、结果及其计算数字（_id 由文明办与 requestId 派生）',
    indexes: [
      { name: 'by_end', fields: [desc('endAt')] },
      // the snapshot timer: rounds not yet closed
      { name: 'by_status_end', fields: [asc('status'), asc('endAt')] },
    ],
  },
  {
    name: 'rolemodel_candidates',
    purpose: '评选中的候选人（_id 为 评选__被推荐人）：公示内容、实时票数（写入时计数，进行中不对居民显示）、作废票数、快照票数、评审分、异议数',
    indexes: [{ name: 'by_round', fields: [asc('roundId'), asc('order')] }],
  },
  {
    name: 'rolemodel_vote_keys',
    purpose: '每人每位候选人每天一票的唯一键（_id 为服务端密钥下 人+评选+候选人+日期 的单向哈希，别无字段）',
    indexes: [],
  },
  {
    name: 'rolemodel_vote_days',
    purpose: '每人每天在一次评选中已投票数（_id 为服务端密钥下 人+评选+日期 的单向哈希），条件更新保证不超过上限',
    indexes: [],
  },
  {
    name: 'rolemodel_ballots',
    purpose: '选票：评选、候选人、日期、小时、是否新注册账号、是否作废；不含投票人',
    indexes: [{ name: 'by_slot', fields: [asc('roundId'), asc('candidateId'), asc('day'), asc('hour')] }],
  },
  {
    name: 'rolemodel_vote_hours',
    purpose: '每位候选人每天每小时的得票、新注册账号票、作废票（_id 为 评选__候选人__日期__小时），异常提示由此计算',
    indexes: [{ name: 'by_round_day', fields: [asc('roundId'), asc('day'), asc('candidateId'), asc('hour')] }],
  },
  {
    name: 'rolemodel_snapshots',
    purpose: '每日票数快照（_id 为 评选__日期）：居民看到的票数只来自快照',
    indexes: [{ name: 'by_round', fields: [asc('roundId'), desc('at')] }],
  },
  {
    name: 'rolemodel_voids',
    purpose: '作废投票记录：候选人、日期、时段、是否仅新注册账号、作废票数、理由、操作人',
    indexes: [{ name: 'by_round_day', fields: [asc('roundId'), asc('day'), desc('at')] }],
  },
  {
    name: 'rolemodel_objections',
    purpose: '公示期异议（仅文明办可见）：候选人、内容、可选电话（_id 由提出人与 requestId 派生）',
    indexes: [
      { name: 'by_round', fields: [asc('roundId'), desc('createdAt')] },
      { name: 'by_round_candidate', fields: [asc('roundId'), asc('candidateId'), desc('createdAt')] },
      { name: 'by_objector_round', fields: [asc('objectorOpenid'), asc('roundId')] },
    ],
  },
  {
    name: 'rolemodel_honours',
    purpose: '好人榜：入选者（_id 为 评选__被推荐人）、类别、事迹、照片、点赞数（写入时计数）',
    indexes: [
      { name: 'by_time', fields: [desc('honouredAt')] },
      { name: 'by_category_time', fields: [asc('categoryId'), desc('honouredAt')] },
    ],
  },
  { name: 'rolemodel_likes', purpose: '好人榜点赞（_id 为 好人__点赞人 的哈希，每人每位一次）', indexes: [] },
  { name: 'rolemodel_secrets', purpose: '投票唯一键的服务端密钥（未配置 VOTE_SECRET 时自动生成，不返回客户端）', indexes: [] },
  // ---- 创文民意调查 (anonymous: no collection below holds an openid or anything derived from one but the keyed token) ----
  {
    name: 'surveys',
    purpose: '问卷：题目、开放时段、社区范围、最短作答时间、最小样本',
    indexes: [
      { name: 'by_created', fields: [desc('createdAt')] },
      { name: 'by_status_open', fields: [asc('status'), asc('opensAt'), asc('closesAt')] },
      { name: 'by_template', fields: [asc('templateId'), asc('status'), desc('opensAt')] },
    ],
  },
  { name: 'survey_tokens', purpose: '防重复作答：_id 为 HMAC(密钥, openid+问卷)，不存时间、不存问卷', indexes: [] },
  {
    name: 'survey_answers',
    purpose: '答卷：社区、年龄段、选项、日期（不含任何个人信息、不含精确时间），_id 随机',
    indexes: [{ name: 'by_survey', fields: [asc('surveyId'), asc('flagged'), asc('_id')] }],
  },
  {
    name: 'survey_texts',
    purpose: '简答题回答（与答卷分开存放），内容检查通过后仅文明办可见',
    indexes: [{ name: 'by_question', fields: [asc('surveyId'), asc('questionId'), asc('status'), asc('day')] }],
  },
  {
    name: 'survey_counters',
    purpose: '写入时累加的计数：每份问卷 × 社区（或全部）× 是否过快（_id 为 问卷__社区__v/f）',
    indexes: [{ name: 'by_survey', fields: [asc('surveyId'), asc('_id')] }],
  },
  { name: 'survey_secrets', purpose: '问卷令牌密钥（未配置 SURVEY_SECRET 时自动生成，不返回客户端）', indexes: [] },
  // ---- Open311 ----
  {
    name: 'open311_keys',
    purpose: '接入方的 Open311 密钥：只存 SHA-256 摘要（hash 唯一）、接入方名称、签发与吊销时间',
    indexes: [
      { name: 'by_hash', fields: [asc('hash')], unique: true },
      { name: 'by_time', fields: [desc('createdAt')] },
    ],
  },
  {
    name: 'open311_rate',
    purpose: '每个密钥每分钟的请求计数（_id 为 密钥编号__分钟），条件自增限流；expiresAt 之后可删',
    indexes: [{ name: 'by_expiry', fields: [asc('expiresAt')] }],
  },
  // ---- 创文督查 ----
  {
    name: 'inspect_standards',
    purpose: '测评标准（导入的测评体系，_id 由编号派生，重新导入就地更新）：路径、原文、测评方法、佐证要求、适用点位类型、牵头与配合单位、时限',
    indexes: [
      { name: 'by_status_sort', fields: [asc('status'), asc('sortKey')] },
      { name: 'by_status_lead_sort', fields: [asc('status'), asc('leadUnitId'), asc('sortKey')] },
    ],
  },
  {
    name: 'inspect_tasks',
    purpose: '任务清单：某单位在某条标准上的任务（_id 为 标准__单位），牵头或配合、时限、材料审核状态',
    indexes: [
      { name: 'by_unit_sort', fields: [asc('unitId'), asc('status'), asc('sortKey')] },
      { name: 'by_unit_deadline', fields: [asc('unitId'), asc('status'), asc('deadline')] },
      { name: 'by_unit_evidence', fields: [asc('unitId'), asc('status'), asc('needsMaterial'), asc('evidenceStatus'), asc('sortKey')] },
      { name: 'by_standard', fields: [asc('standardId'), asc('unitId')] },
    ],
  },
  {
    name: 'inspect_evidence',
    purpose: '佐证材料：每次提交一条（文件、说明、审核结果与原因），历史保留',
    indexes: [
      { name: 'by_task', fields: [asc('taskId'), desc('submittedAt')] },
      { name: 'by_status', fields: [asc('status'), asc('submittedAt')] },
    ],
  },
  {
    name: 'inspect_site_types',
    purpose: '点位类型（预置约四十类，可新增）与每类的检查清单条数、点位数',
    indexes: [{ name: 'by_order', fields: [asc('order')] }],
  },
  {
    name: 'inspect_sites',
    purpose: '测评点位：类型、位置或范围、地址、所属网格与街道、责任单位、包联单位、联系人；写入时累计的督办单与随手拍数、上次检查结果',
    indexes: [
      { name: 'by_status_problem', fields: [asc('status'), desc('problemKey'), asc('name')] },
      { name: 'by_district_problem', fields: [asc('status'), asc('district'), desc('problemKey'), asc('name')] },
      { name: 'by_type_problem', fields: [asc('status'), asc('typeId'), desc('problemKey'), asc('name')] },
      { name: 'by_unit', fields: [asc('unitId'), asc('status'), asc('name')] },
      { name: 'by_pair_unit', fields: [asc('pairUnitId'), asc('status'), asc('name')] },
      { name: 'by_name', fields: [asc('name')] },
    ],
  },
  {
    name: 'inspect_site_cells',
    purpose: '点位覆盖的 0.001° 格（_id 为 格__点位）：随手拍按所在格一次查到可能包含它的点位',
    indexes: [{ name: 'by_cell', fields: [asc('cell')] }, { name: 'by_site', fields: [asc('siteId')] }],
  },
  {
    name: 'inspect_site_reports',
    purpose: '落在点位内的随手拍（_id 即举报编号）：点位、类别、是否未结',
    indexes: [{ name: 'by_site', fields: [asc('siteId'), desc('createdAt')] }],
  },
  { name: 'inspect_teams', purpose: '督查组：名称、层级（市级/区级/街道）、范围（区或街道名，市级为空）', indexes: [] },
  {
    name: 'inspect_inspections',
    purpose: '一次实地督查（_id 为手机生成的督查编号，重复提交只存一次）：点位、督查组、逐项结果与照片',
    indexes: [{ name: 'by_site', fields: [asc('siteId'), desc('finishedAt')] }],
  },
  {
    name: 'inspect_orders',
    purpose: '督办单：每个问题一张（_id 为 督查__标准），责任单位、期限、整改答复、回头看记录、当前扣分',
    indexes: [
      { name: 'by_unit_status', fields: [asc('unitId'), asc('status'), desc('foundAt')] },
      { name: 'by_unit_found', fields: [asc('unitId'), desc('foundAt')] },
      { name: 'by_site_status', fields: [asc('siteId'), asc('status'), desc('foundAt')] },
      { name: 'by_status_found', fields: [asc('status'), desc('foundAt')] },
      { name: 'by_district_status', fields: [asc('district'), asc('status'), desc('foundAt')] },
      { name: 'by_overdue', fields: [asc('status'), asc('overdueCounted'), asc('dueAt')] },
    ],
  },
  { name: 'inspect_last_findings', purpose: '某点位某检查项最近一次发现的问题（_id 由点位与标准派生），判定 30 天内重复', indexes: [] },
  { name: 'inspect_order_seq', purpose: '督办单号的每日序号（_id 为北京日期），原子自增', indexes: [] },
  {
    name: 'inspect_periods',
    purpose: '单位和街道每周、每月的计数（_id 为 范围:编号:周期）：发现问题数、扣分、应整改、按时整改、材料退回、随手拍评价',
    indexes: [{ name: 'by_scope_period', fields: [asc('scope'), asc('kind'), asc('period'), asc('scopeId')] }],
  },
  {
    name: 'inspect_boards',
    purpose: '已发布的整改率红黑榜（_id 为周一日期），冻结发布时的数据',
    indexes: [{ name: 'by_week', fields: [desc('week')] }],
  },
  {
    name: 'inspect_escalations',
    purpose: '红黑榜末位的约谈、报组织部、问责记录（_id 为 单位__周）',
    indexes: [
      { name: 'by_unit', fields: [asc('unitId'), desc('week')] },
      { name: 'by_week', fields: [desc('week')] },
    ],
  },
  { name: 'inspect_ratings', purpose: '已发布的单位星级评定（_id 为月份），冻结得分及每项扣分', indexes: [{ name: 'by_month', fields: [desc('month')] }] },
  { name: 'inspect_rules', purpose: '计分、红黑榜、星级分档、督办期限规则（_id 为 current）', indexes: [] },
  { name: 'inspect_totals', purpose: '全市督查计数（_id 为 city）：标准数、已分解、点位、未销号督办单、待审材料', indexes: [] },
  {
    name: 'inspect_site_states',
    purpose: '点位按状态（无问题/有未销号/有超期）的计数，写入时维护（_id 为 街道|类型，* 表示全部）：一张图的数字不数点位',
    indexes: [{ name: 'by_kind', fields: [asc('kind'), asc('district')] }],
  },
  {
    name: 'inspect_checklists',
    purpose: '每类点位的检查清单（_id 为点位类型）：适用标准的编号、内容、原文，按目录顺序，导入标准时维护；点位详情和督查一次读到',
    indexes: [],
  },
  {
    name: 'inspect_unit_counts',
    purpose: '每个责任单位的任务与督办单计数（_id 为单位），写入时维护：任务数、需材料、已通过、按时限的待交材料、未销号督办单',
    indexes: [],
  },
  // ---- 门前三包 ----
  {
    name: 'frontage_shops',
    purpose: '临街商户和单位：执照名称、类型、地址、门前责任区、负责人（电话仅街道办与文明办可见）、所属街道、责任书版本与签署、门店码、星级',
    indexes: [
      { name: 'by_street_status', fields: [asc('streetUnitId'), asc('status'), asc('name')] },
      { name: 'by_district_status', fields: [asc('district'), asc('status'), asc('name')] },
      { name: 'by_status_signed', fields: [asc('status'), asc('streetUnitId'), asc('signedVersion'), asc('name')] },
      { name: 'by_applicant', fields: [asc('applicantOpenid'), desc('createdAt')] },
      { name: 'by_code', fields: [asc('code')] },
      // unsigned = the version in force is not the one signed: kept as a flag on write (pledgeSigned)
      { name: 'by_street_pledge', fields: [asc('streetUnitId'), asc('status'), asc('pledgeSigned'), asc('name')] },
      { name: 'by_status_pledge', fields: [asc('status'), asc('pledgeSigned'), asc('name')] },
      // a new template version pages through the shops on it
      { name: 'by_template', fields: [asc('templateId'), asc('_id')] },
      // a re-imported row is the shop with the same name and address
      { name: 'by_name', fields: [asc('name'), asc('address')] },
    ],
  },
  {
    name: 'frontage_shop_cells',
    purpose: '门前责任区覆盖的 0.001° 格（_id 为 格__门店）：随手拍按所在格一次查到可能的门店',
    indexes: [{ name: 'by_cell', fields: [asc('cell')] }, { name: 'by_shop', fields: [asc('shopId')] }],
  },
  { name: 'frontage_seq', purpose: '门店码序号（_id 为 shop），原子自增', indexes: [] },
  {
    name: 'frontage_members',
    purpose: '门店的负责人与店员（_id 为 门店__openid）：身份、加入时间',
    indexes: [{ name: 'by_shop', fields: [asc('shopId'), asc('role')] }, { name: 'by_openid', fields: [asc('openid'), asc('shopId')] }],
  },
  { name: 'frontage_templates', purpose: '责任书模板（三包、五包等）：责任内容、条目、对应的随手拍类别、版本', indexes: [] },
  {
    name: 'frontage_signatures',
    purpose: '责任书签署记录（_id 为 门店__版本）：谁、何时、哪个版本，只增不改',
    indexes: [{ name: 'by_shop', fields: [asc('shopId'), desc('version')] }],
  },
  { name: 'frontage_streets', purpose: '街道办事处（责任单位）对应的街道名，街道办据此管理本街道的门店', indexes: [{ name: 'by_district', fields: [asc('district')] }] },
  {
    name: 'frontage_zones',
    purpose: '划线经营区和划线停车区：名称、种类、范围、所属街道',
    indexes: [{ name: 'by_district', fields: [asc('district'), desc('createdAt')] }, { name: 'by_created', fields: [desc('createdAt')] }],
  },
  {
    name: 'frontage_zone_cells',
    purpose: '划线区覆盖的 0.001° 格（_id 为 格__划线区）',
    indexes: [{ name: 'by_cell', fields: [asc('cell')] }, { name: 'by_zone', fields: [asc('zoneId')] }],
  },
  {
    name: 'frontage_shop_reports',
    purpose: '落在门前责任区的随手拍（_id 即举报编号）：门店、阶段（待门店处理/已处理/已转单位）、门店时限、是否按时',
    indexes: [
      { name: 'by_shop_stage', fields: [asc('shopId'), asc('stage'), desc('createdAt')] },
      { name: 'by_shop_created', fields: [asc('shopId'), desc('createdAt')] },
      { name: 'by_stage_due', fields: [asc('stage'), asc('shopDueAt')] },
    ],
  },
  {
    name: 'frontage_inspections',
    purpose: '门店检查（_id 为手机生成的检查编号，重复提交只存一次）：门店、督查组、逐项结果',
    indexes: [{ name: 'by_shop', fields: [asc('shopId'), desc('at')] }],
  },
  {
    name: 'frontage_findings',
    purpose: '门店检查发现的问题：条目、照片、处理阶段（告诫/限期整改/移交执法）、期限、整改答复',
    indexes: [
      { name: 'by_shop_status', fields: [asc('shopId'), asc('status'), desc('foundAt')] },
      { name: 'by_district_status', fields: [asc('district'), asc('status'), desc('foundAt')] },
      { name: 'by_status_due', fields: [asc('status'), asc('dueAt')] },
      // the office and a city-wide 督查组 list every street's findings, newest first
      { name: 'by_status_found', fields: [asc('status'), desc('foundAt')] },
    ],
  },
  { name: 'frontage_last_findings', purpose: '某门店某条目最近一次发现的问题（_id 由门店与条目派生），判定重复与逐级处理', indexes: [] },
  {
    name: 'frontage_months',
    purpose: '每家门店每月的计数（_id 为 门店:月份）：检查问题、门前随手拍、转单位、扣分',
    indexes: [
      { name: 'by_district_month', fields: [asc('district'), asc('month'), desc('score')] },
      // the published 红黑榜 pages over the frozen month docs in board order (boardRank = frozen.rank, set on publication)
      { name: 'by_district_month_rank', fields: [asc('district'), asc('month'), asc('boardRank')] },
    ],
  },
  { name: 'frontage_street_months', purpose: '每个街道每月有计分的门店数（_id 为 街道__月份），新建门店月计数时加一：红黑榜的参与门店数', indexes: [] },
  {
    name: 'frontage_boards',
    purpose: '已发布的街道门店红黑榜（_id 为 街道__月份），冻结当时的得分与来源',
    indexes: [{ name: 'by_district_month', fields: [asc('district'), desc('month')] }, { name: 'by_month', fields: [desc('month')] }],
  },
  { name: 'frontage_rules', purpose: '门店计分、星级、红黑榜规则与门店处理时限（_id 为 current）', indexes: [] },
  // ---- 文明办设置 (settings, issue #11): the office's changes to the built-in 随手拍 categories
  {
    name: 'report_category_overrides',
    purpose: '文明办对内置随手拍类别的修改（_id 为类别编号）：名称、说明、各环节时限；只影响此后新进入环节的问题',
    indexes: [],
  },
  // ---- 文明办 exports (issue #11): one job per export, its cursor and parts; the files are in storage under exports/<job>/
  {
    name: 'export_jobs',
    purpose: '导出任务（_id 由文明办人员 openid 与 requestId 派生，重试即幂等）：类别、格式、筛选、游标、已写分段、行数、文件',
    indexes: [{ name: 'by_owner_created', fields: [asc('ownerOpenid'), desc('createdAt')] }],
  },
  // 随手拍统计 (stats): counters kept on write, read by the office's range view and the public 红黑榜
  {
    name: 'stats_days',
    purpose: '随手拍每日计数（_id 为 范围:编号:YYYY-MM-DD；范围为单位、网格、类别、全市）：受理、派发、办结、按时办结、用时分档、评价、重办',
    indexes: [{ name: 'by_scope_period', fields: [asc('scope'), asc('period'), asc('scopeId')] }, { name: 'by_scope_id_period', fields: [asc('scope'), asc('scopeId'), asc('period')] }],
  },
  { name: 'stats_weeks', purpose: '随手拍每周计数（_id 为 范围:编号:周一日期），与每日计数同时累加', indexes: [{ name: 'by_scope_period', fields: [asc('scope'), asc('period'), asc('scopeId')] }] },
  { name: 'stats_months', purpose: '随手拍每月计数（_id 为 范围:编号:YYYY-MM），与每日计数同时累加', indexes: [{ name: 'by_scope_period', fields: [asc('scope'), asc('period'), asc('scopeId')] }] },
  { name: 'stats_marks', purpose: '已计入统计的一次性事件（_id 如 received:举报编号），同一事件不重复计数', indexes: [] },
  { name: 'stats_rules', purpose: '红黑榜排名规则（_id 为 board）：红榜名额、黑榜名额、最少受理件数', indexes: [] },
  { name: 'stats_boards', purpose: '已发布的每周红黑榜（_id 为 周一日期），冻结发布时的单位与网格排名', indexes: [] },
  { name: 'stats_escalations', purpose: '连续两周上黑榜、标记约谈的单位（_id 为 周一日期:单位）', indexes: [{ name: 'by_at', fields: [desc('at')] }] },
  { name: 'stats_snapshots', purpose: '每日全市快照（_id 为 YYYY-MM-DD）：当日全市计数与快照时刻的超时未办结件数', indexes: [] },
  // ---- 文明办设置 (settings, issue #11): the office's overrides of the built-in 积分规则
  { name: 'points_rule_overrides', purpose: '文明办对内置积分规则的修改（_id 为规则编号）：分值、每日上限；下一次获得积分即按新值', indexes: [] },
  // 随手拍 now (issue #11): the dashboard's open-by-status and overdue-now counters, kept on write
  { name: 'report_now', purpose: '随手拍当前计数（_id 为 status:状态 或 overdue）：各状态件数、已标记超时未办结件数', indexes: [] },
  // ---- 受理编号 (issue #10): readable numbers from counters taken in the transaction that stores the thing numbered
  {
    name: 'ticket_counters',
    purpose: '编号计数器（_id 如 SSP:20261201 为某北京日期的随手拍受理编号，ZS:2026 为当年服务证明，HB 为公益广告）：已发出的最大序号',
    indexes: [],
  },
  { name: 'ticket_backfill', purpose: '为编号上线前存入的随手拍补发受理编号的进度（_id 为 reports）：已处理到的文档编号、是否完成', indexes: [] },
  // ---- 订阅消息 (notify, issue #10): one credit per accepted consent, the office's template ids, the outbox
  {
    name: 'notify_credits',
    purpose: '订阅消息额度：居民每次“允许”一个模板记一条（openid、通知类型、模板 ID、授权时间、使用时间），发送时条件更新扣减一次',
    indexes: [
      { name: 'by_owner_unused', fields: [asc('openid'), asc('purpose'), asc('templateId'), asc('usedAt'), asc('grantedAt')] },
      { name: 'by_granted', fields: [asc('grantedAt')] },
    ],
  },
  { name: 'notify_templates', purpose: '文明办设定的订阅消息模板 ID（_id 为通知类型），覆盖部署配置', indexes: [] },
  {
    name: 'notify_outbox',
    purpose: '订阅消息发送记录（_id 按时间排序）：通知类型、对象类别、结果（已发送、失败、无额度跳过、未配置模板跳过）、页面、内容；不记录接收人',
    indexes: [
      { name: 'by_purpose', fields: [asc('purpose'), desc('_id')] },
      { name: 'by_at', fields: [asc('at')] },
    ],
  },
  { name: 'notify_marks', purpose: '已发送的一次性提醒（_id 如 shiftReminder:报名编号），定时任务重复运行也只发一次', indexes: [{ name: 'by_at', fields: [asc('at')] }] },
  // dashboard counters outside 随手拍 (志愿、答题、手册、海报), kept on write like stats_* (stats/dash.ts)
  {
    name: 'dash_days',
    purpose: '数据看板每日计数（_id 为 领域:编号:YYYY-MM-DD；领域为志愿者、志愿队伍、答题专题、手册章节、海报）',
    indexes: [{ name: 'by_area_period', fields: [asc('area'), asc('period'), asc('scopeId')] }, { name: 'by_area_id_period', fields: [asc('area'), asc('scopeId'), asc('period')] }],
  },
  {
    name: 'dash_weeks',
    purpose: '数据看板每周计数（_id 为 领域:编号:周一日期），与每日计数同时累加',
    indexes: [{ name: 'by_area_period', fields: [asc('area'), asc('period'), asc('scopeId')] }, { name: 'by_area_id_period', fields: [asc('area'), asc('scopeId'), asc('period')] }],
  },
  { name: 'dash_months', purpose: '数据看板每月计数（_id 为 领域:编号:YYYY-MM），与每日计数同时累加', indexes: [{ name: 'by_area_period', fields: [asc('area'), asc('period'), asc('scopeId')] }] },
  { name: 'dash_totals', purpose: '数据看板累计数（_id 为 领域:编号，如 volunteer:all 的注册志愿者总数）', indexes: [] },
  // 随手拍 video (issue #10): WeChat's asynchronous media check answers by message push, matched by trace id
  {
    name: 'media_checks',
    purpose: '待回推的视频内容安全检测（_id 为随手拍编号）：检测请求的 trace_id、请求时间、已请求次数；结果推送到达即删除',
    indexes: [{ name: 'by_trace', fields: [asc('traceId')], unique: true }, { name: 'by_requested', fields: [asc('requestedAt')] }],
  },
  { name: 'stats_backfill', purpose: '补记旧举报计数的进度（_id 为 reports）：上次处理到的举报编号、已处理页数、是否完成', indexes: [] },
]

export function findCollection(name: string): CollectionSpec | undefined {
  return COLLECTIONS.find((c) => c.name === name)
}
