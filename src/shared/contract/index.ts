import { userActions } from './user'
import { volunteerActions } from './volunteer'
import { handbookActions } from './handbook'
import { entryActions } from './entry'
import { quizActions } from './quiz'
import { reportActions } from './report'
import { storageActions } from './storage'
import { calendarActions } from './calendar'
import { familyActions } from './family'
import { rolemodelActions } from './rolemodel'
import { surveyActions } from './survey'
import { rewardsActions } from './rewards'
import { open311Actions } from './open311'
import { inspectActions } from './inspect'
import { frontageActions } from './frontage'
import { exportsActions } from './exports'
import { settingsActions } from './settings'
import { statsActions } from './stats'
import { notifyActions } from './notify'

/**
 * The contract of every cloud function: function name → action table. The server binds handlers
 * to it, the local host publishes it at GET /api/contract, and the client's `callCloud` takes its
 * types from it (type-only import: no schema code reaches the mini-program bundle).
 */
export const CONTRACT = {
  user: userActions,
  volunteer: volunteerActions,
  handbook: handbookActions,
  entry: entryActions,
  quiz: quizActions,
  report: reportActions,
  storage: storageActions,
  calendar: calendarActions,
  family: familyActions,
  rolemodel: rolemodelActions,
  survey: surveyActions,
  open311: open311Actions,
  rewards: rewardsActions,
  inspect: inspectActions,
  frontage: frontageActions,
  exports: exportsActions,
  settings: settingsActions,
  stats: statsActions,
  notify: notifyActions,
}

export type Contract = typeof CONTRACT
export type FunctionName = keyof Contract
export type ActionName<F extends FunctionName> = keyof Contract[F] & string

export * from './define'
export type { MeView, RoleGrantsView, UserSettings, UserErrorCode } from './user'
export { USER_ERRORS } from './user'
export type { HandbookErrorCode } from './handbook'
export { HANDBOOK_ERRORS } from './handbook'
export type {
  EntryErrorCode,
  FollowUpKind,
  PosterCounters,
  PosterDayView,
  PosterPlace,
  PosterStatsView,
  PosterStatus,
  PosterTarget,
  PosterTargetKind,
  PosterView,
  PublicPosterView,
  ScanView,
} from './entry'
export { ENTRY_ERRORS } from './entry'
export type {
  ActivityCardView,
  ActivityDetailView,
  ActivityListView,
  ActivityType,
  AdjustmentView,
  CancelResultView,
  CertificateRecordView,
  CertificateView,
  CheckInCodeView,
  ConfirmResultView,
  CsvExportView,
  IdType,
  MinuteSource,
  MyRecordView,
  MyRecordsView,
  MySignupBrief,
  PlaceView,
  PunchResultView,
  PunchView,
  RosterCounts,
  RosterEntryView,
  RosterView,
  ShiftView,
  SignupResultView,
  SignupState,
  TeamActivitiesView,
  TeamActivityView,
  VolunteerErrorCode,
  VolunteerProfileView,
  VolunteerSettingsView,
} from './volunteer'
export { VOLUNTEER_ERRORS } from './volunteer'
export type {
  AdminQuestionPage,
  AdminQuestionView,
  Difficulty,
  Leaderboard,
  LeaderboardEntry,
  LeaderboardPeriod,
  LeaderboardScope,
  PaperQuestion,
  PointsLedgerEntry,
  PointsLedgerPage,
  PointsOutcome,
  QuestionContent,
  QuestionType,
  QuizErrorCode,
  QuizHome,
  QuizMode,
  QuizPaper,
  QuizResult,
  QuizTopic,
  QuizTopicView,
  ResultItem,
  WrongBookItem,
  WrongBookPage,
} from './quiz'
export { QUIZ_ERRORS } from './quiz'
export type {
  CityGridView,
  CityMapView,
  ConfirmResult,
  FeedItem,
  LedgerItem,
  NearbyReport,
  NoteVisibility,
  PhraseSetView,
  PhraseStep,
  ReportErrorCode,
  ReportListItem,
  ReportPage,
  ReportPhotoView,
  ReportVideoView,
  ReportPrepareView,
  ReportSettingsView,
  ReportTimelineEntry,
  ReportView,
  ReportViewerRole,
  ReporterView,
  RevealedReporter,
  RouteView,
  RoutingView,
} from './report'
export { NOTE_VISIBILITIES, PHRASE_LIMITS, PHRASE_STEPS, REPORT_ERRORS } from './report'
export type { UploadErrorCode, UploadReservationView } from './storage'
export type { CalendarErrorCode, CalendarReplaceView, CalendarYearView } from './calendar'
export { CALENDAR_ERRORS } from './calendar'
export { UPLOAD_ERRORS } from './storage'
export type { UploadArea, UploadKind, UploadMime } from './upload-types'
export { UPLOAD_AREAS, UPLOAD_AREA_KINDS, UPLOAD_EXTENSIONS, UPLOAD_LIMITS, UPLOAD_TYPES } from './upload-types'
export type {
  BadgeView,
  ChildView,
  ClassBoard,
  ClassBoardFamily,
  ClassBoardWeek,
  ClassView,
  ClassWeekPlan,
  ExplainTopicId,
  FamilyErrorCode,
  FamilyHome,
  FamilyExportView,
  FamilyOverview,
  FamilyOverviewWeek,
  FamilyTaskKind,
  FamilyTaskSpec,
  FamilyTaskView,
  FamilyView,
  JoinPreview,
  MicroActionId,
  PledgeView,
  SchoolOverview,
  SchoolView,
} from './family'
export {
  EXPLAIN_TOPICS,
  FAMILY_ERRORS,
  FAMILY_LIMITS,
  FAMILY_NOTICE,
  FAMILY_TASK_KIND_LABEL,
  FAMILY_TASK_KINDS,
  FAMILY_TEMPLATES,
  GRADE_LABEL,
  GRADES,
  MICRO_ACTIONS,
  NOTICE_VERSION,
  PLEDGE_ITEMS,
  PLEDGE_VERSION,
} from './family'
export type {
  AgeBand,
  AnswerResultView,
  CommunityView,
  Measure,
  MeasureResult,
  OptionResult,
  QuestionKind,
  QuestionResult,
  ScopeResult,
  SurveyAdminList,
  SurveyAdminView,
  SurveyCardView,
  SurveyErrorCode,
  SurveyExportView,
  SurveyForAnswerView,
  SurveyOptionSpec,
  SurveyQuestionSpec,
  SurveyQuestionView,
  SurveyResultsView,
  SurveyState,
  SurveyTemplate,
  TextAnswerPage,
  TextAnswerView,
  TrendPoint,
  WilsonInterval,
} from './survey'
export {
  AGE_BAND_LABEL,
  AGE_BANDS,
  CAMPAIGN_TEMPLATE,
  MEASURE_LABEL,
  MEASURES,
  QUESTION_KIND_LABEL,
  QUESTION_KINDS,
  SURVEY_ERRORS,
  SURVEY_LIMITS,
  SURVEY_STATE_LABEL,
  SURVEY_TEMPLATES,
  SURVEY_THANKS,
  surveyPageUrl,
} from './survey'
export type {
  AcceptResultView,
  AnomalyFlag,
  AnomalyThresholds,
  AnomalyView,
  BoardView,
  CandidateView,
  ConsentCodeView,
  ConsentPreviewView,
  ConsentResultView,
  HonourMark,
  HonourView,
  LikeResultView,
  MyNominationView,
  NominationListItem,
  NominationOfficeView,
  NominationPage,
  NomineeView,
  ObjectionView,
  ResultLine,
  RolemodelErrorCode,
  RolemodelPlace,
  RoundOfficeView,
  RoundResultView,
  RoundRules,
  RoundSummary,
  RoundView,
  RoundWeights,
  VoidView,
  VoteResultView,
  AnomalyKind,
  ConsentStatus,
  HonourLevel,
  NominationStatus,
  RolemodelCategoryId,
  RoundStatus,
} from './rolemodel'
export {
  ANOMALY_KIND_LABEL,
  ANOMALY_KINDS,
  CONSENT_STATUS_LABEL,
  CONSENT_STATUSES,
  HONOUR_LEVEL_LABEL,
  HONOUR_LEVELS,
  NIGHT_HOURS,
  NOMINATION_STATUS_LABEL,
  NOMINATION_STATUSES,
  ROLEMODEL_CATEGORIES,
  ROLEMODEL_CATEGORY_IDS,
  ROLEMODEL_ERRORS,
  ROLEMODEL_LIMITS,
  ROUND_DEFAULTS,
  ROUND_STATUS_LABEL,
  ROUND_STATUSES,
} from './rolemodel'
export type { IssuedOpen311KeyView, Open311ErrorCode, Open311KeyView } from './open311'
export { OPEN311_ERRORS } from './open311'
export type {
  PointsRulesView,
  RedeemResultView,
  RedemptionPage,
  RedemptionView,
  RewardPage,
  RewardStatus,
  RewardView,
  RewardsErrorCode,
  VerifyResultView,
} from './rewards'
export { REDEEM_CODE_ALPHABET, REDEEM_CODE_LENGTH, REWARD_LIMITS, REWARDS_ERRORS } from './rewards'
export type {
  BoardRowView,
  ChecklistItemView,
  EscalationView,
  EvidenceFileView,
  EvidenceQueueItem,
  EvidenceQueuePage,
  EvidenceView,
  ImportChange,
  InspectBoardView,
  InspectErrorCode,
  InspectHomeView,
  InspectMapView,
  InspectorHomeView,
  InspectResultView,
  InspectRulesView,
  InspectTeamView,
  InspectUnitView,
  LatLngView,
  MapSiteView,
  OrderEventView,
  OrderListItem,
  OrderPage,
  OrderPhotoView,
  OrderView,
  PeriodView,
  ProblemDeductionView,
  RatingRowView,
  RatingsView,
  ScoreLineView,
  SiteDetailView,
  SheetFileView,
  SiteImportView,
  SitePage,
  SiteReportView,
  SiteTypeView,
  SiteView,
  StandardImportView,
  StandardPage,
  StandardView,
  TaskDetailView,
  TaskView,
  UnitRef,
  UnitScoreView,
  UnitTaskCounts,
  UnitTasksView,
} from './inspect'
export { INSPECT_ERRORS } from './inspect'
export type {
  DoorCardView,
  FindingPage,
  FindingView,
  FrontageErrorCode,
  FrontageGeometry,
  MyShopsView,
  PlaceCheckView,
  ShopPledgeView,
  ShopBoardRow,
  ShopBoardView,
  ShopInspectResultView,
  ShopPage,
  ShopPublicView,
  ShopReportItem,
  ShopReportPage,
  ShopRulesView,
  ShopScoreLine,
  ShopScoreView,
  ShopView,
  StreetOfficeView,
  TemplateView,
  ZoneView,
} from './frontage'
export { FRONTAGE_ERRORS } from './frontage'
export type {
  AuditEntryView,
  AuditPageView,
  AuditValue,
  CategorySettingView,
  CategorySettingsView,
  GridImportView,
  GridSettingView,
  GridSettingsView,
  HandbookVersionRowView,
  HandbookVersionsPageView,
  PointsRuleSettingView,
  QuestionImportView,
  QuestionSheetView,
  ReportLimitsView,
  SettingsErrorCode,
  SettingsOverviewView,
  UnitSettingView,
  UnitSettingsView,
  VolunteerTimesView,
} from './settings'
export { MORE_SETTINGS_LIMITS, QUESTION_COLUMNS, REQUIRED_QUESTION_COLUMNS, SETTINGS_ERRORS, SETTINGS_LIMITS, STEP_LIMIT_MAX } from './settings'
export type { ExportFormat, ExportJobView, ExportKind, ExportStatus, ExportStepView, ExportsErrorCode, ReportsFilter } from './exports'
export { EXPORT_FORMATS, EXPORT_KIND_LABEL, EXPORT_KINDS, EXPORT_LIMITS, EXPORTS_ERRORS } from './exports'
export type {
  PublishedStatsBoardPage,
  PublishedStatsBoardSummary,
  PublishedStatsBoardView,
  ResolveBucketKey,
  StatsBoardRow,
  StatsBoardRule,
  StatsBoardView,
  StatsCounts,
  StatsDashboardGridRow,
  StatsDashboardView,
  StatsEscalationPage,
  StatsEscalationView,
  StatsErrorCode,
  StatsRangeView,
  StatsRow,
  StatsScope,
  StatsSeriesPoint,
  StatsTargets,
  UnitMonthView,
} from './stats'
export { DEFAULT_STATS_BOARD_RULE, RESOLVE_BUCKETS, STATS_ERRORS, STATS_LIMITS } from './stats'
export type {
  NotifyAudience,
  NotifyConsentView,
  NotifyCreditsView,
  NotifyErrorCode,
  NotifyField,
  NotifyFieldKind,
  NotifyPurpose,
  NotifyTemplateIdsView,
  NotifyTemplatesView,
  NotifyTemplateView,
  OutboxEntryView,
  OutboxOutcome,
  OutboxPageView,
  TemplateSource,
} from './notify'
export { NOTIFY_ERRORS, NOTIFY_LIMITS, NOTIFY_PURPOSE_LABEL, NOTIFY_PURPOSES } from './notify'
