import type { StandardColumn } from '@/shared/inspect'

/**
 * 示范市's own 测评标准 list: ~40 standards cut from the national system the way a city's
 * 操作手册 does (测评项目 → 测评内容 → 测评标准), written for the demo city, with the units of
 * its 任务分解 and 2027 deadlines. Rows are cells by column, exactly as the sheet carries them:
 * the demo seed imports them through the same code as an uploaded sheet, and the office's
 * downloadable 示范表 is these rows.
 */
export type DemoStandard = Record<'number' | 'project' | 'content' | 'text' | 'methods', string> & Partial<Record<StandardColumn, string>>

const P1 = '重点工作'
const P2 = '公共环境'
const P3 = '公共秩序'
const P4 = '公益宣传'
const P5 = '未成年人思想道德建设'

const ENF = '城市管理综合执法大队'
const TRAFFIC = '交警大队文明交通中队'
const MARKET = '市场监督管理所'
const SANI = '环境卫生管理所'
const DOG = '公安分局养犬管理办公室'
const ADS = '公益广告管理中心'
const EAST = '东城街道办事处'
const WEST = '西城街道办事处'
const STREETS = `${EAST}、${WEST}`

export const DEMO_STANDARDS: readonly DemoStandard[] = [
  // ---- 1 重点工作 ----
  { number: '1.1.1', project: P1, content: '学雷锋志愿服务', text: '建立学雷锋志愿服务组织领导机制，志愿服务活动有计划、有记录，媒体宣传常态化。', methods: '材料审核', evidence: '年度志愿服务工作方案、活动记录台账、媒体报道截图', lead: EAST, support: WEST, deadline: '2027-03-31' },
  { number: '1.1.2', project: P1, content: '学雷锋志愿服务', text: '社区经常开展「学雷锋，献爱心」主题活动，每季度不少于 1 次。', methods: '材料审核、问卷调查', evidence: '活动方案、签到表、活动照片（每次不少于 3 张）', lead: WEST, support: EAST, deadline: '2027-06-30' },
  { number: '1.1.3', project: P1, content: '学雷锋志愿服务', text: '窗口单位和公共场所开展「学雷锋，树新风」活动，设有志愿服务站点并有人值守。', methods: '材料审核、实地考察', evidence: '志愿服务站点清单、值守排班表、站点照片', siteTypes: '车站、政务服务大厅', lead: ENF, support: MARKET, deadline: '2027-06-30' },
  { number: '1.2.1', project: P1, content: '新时代文明实践', text: '新时代文明实践站做到「七有」：有标识标牌、服务队伍、规章制度、服务项目、活动展示、活动档案、广告宣传。', methods: '材料审核、实地考察', evidence: '实践站「七有」自查表、制度上墙照片、活动档案目录', siteTypes: '新时代文明实践站', lead: EAST, support: WEST, deadline: '2027-04-30' },
  { number: '1.2.2', project: P1, content: '新时代文明实践', text: '实践站每月至少开展 2 次面向群众的文明实践活动，有文字、图片记录。', methods: '材料审核、实地考察', evidence: '月度活动计划、活动记录与照片', siteTypes: '新时代文明实践站', lead: WEST, support: EAST, deadline: '2027-06-30' },
  { number: '1.3.1', project: P1, content: '诚信建设', text: '农贸市场、商业大街经营户亮证经营，显著位置展示诚信经营承诺。', methods: '实地考察', siteTypes: '农贸市场、商业大街', lead: MARKET, deadline: '2027-05-31' },
  { number: '1.3.2', project: P1, content: '诚信建设', text: '开展诚信经营示范店评选，评选结果向社会公示。', methods: '材料审核', evidence: '评选方案、公示截图、示范店名单', lead: MARKET, deadline: '2027-09-30' },
  { number: '1.4.1', project: P1, content: '文明创建组织保障', text: '各责任单位明确创建工作分管领导和联络员，建立周报告制度。', methods: '材料审核', evidence: '责任分工文件、联络员名单、周报告', lead: ENF, support: `${TRAFFIC}、${SANI}`, deadline: '2027-01-31' },
  // ---- 2 公共环境 ----
  { number: '2.1.1', project: P2, content: '主次干道环境卫生', text: '路面干净整洁，无卫生死角，无乱扔垃圾、乱张贴、乱涂写。', methods: '实地考察', siteTypes: '主次干道、商业大街', lead: SANI, support: ENF, deadline: '2027-03-31' },
  { number: '2.1.2', project: P2, content: '主次干道环境卫生', text: '建筑立面无大面积破损、污损，沿街无乱搭乱建。', methods: '实地考察', siteTypes: '主次干道', lead: ENF, support: STREETS, deadline: '2027-06-30' },
  { number: '2.1.3', project: P2, content: '主次干道环境卫生', text: '果皮箱、垃圾桶设置合理，分类标志清晰，垃圾日产日清。', methods: '实地考察、材料审核', evidence: '垃圾清运作业记录、果皮箱设置清单', siteTypes: '主次干道、公园广场', lead: SANI, deadline: '2027-04-30' },
  { number: '2.2.1', project: P2, content: '背街小巷环境', text: '背街小巷路面平整，无积存垃圾，无乱堆乱放，下水道畅通无积水。', methods: '实地考察', siteTypes: '背街小巷', lead: EAST, support: `${WEST}、${SANI}`, deadline: '2027-05-31' },
  { number: '2.2.2', project: P2, content: '背街小巷环境', text: '背街小巷无私拉乱接电线，路灯完好。', methods: '实地考察', siteTypes: '背街小巷', lead: WEST, support: EAST, deadline: '2027-05-31' },
  { number: '2.3.1', project: P2, content: '农贸市场环境', text: '市场垃圾分类收集、清运及时，地面无积水，下水道畅通。', methods: '实地考察', siteTypes: '农贸市场', lead: MARKET, support: SANI, deadline: '2027-03-31' },
  { number: '2.3.2', project: P2, content: '农贸市场环境', text: '市场公厕有水冲洗、无明显异味，有专人保洁。', methods: '实地考察、材料审核', evidence: '公厕保洁制度与保洁记录', siteTypes: '农贸市场', lead: SANI, support: MARKET, deadline: '2027-04-30' },
  { number: '2.3.3', project: P2, content: '农贸市场环境', text: '市场出入口设置公平秤，定期校验。', methods: '实地考察、材料审核', evidence: '公平秤校验记录', siteTypes: '农贸市场', lead: MARKET, deadline: '2027-06-30' },
  { number: '2.4.1', project: P2, content: '公园广场环境', text: '公园广场绿化养护良好，设施完好，无损坏公共设施现象。', methods: '实地考察', siteTypes: '公园广场', lead: ENF, support: SANI, deadline: '2027-05-31' },
  { number: '2.4.2', project: P2, content: '公园广场环境', text: '公园广场公厕、座椅、照明等设施齐全，有禁烟及文明游园提示。', methods: '实地考察', siteTypes: '公园广场', lead: ENF, deadline: '2027-06-30' },
  { number: '2.5.1', project: P2, content: '居民小区环境', text: '小区楼道干净无堵塞，照明完好，无乱堆杂物。', methods: '实地考察', siteTypes: '居民小区', lead: EAST, support: WEST, deadline: '2027-06-30' },
  { number: '2.5.2', project: P2, content: '居民小区环境', text: '小区垃圾分类投放点设置规范，桶身分类标志清晰。', methods: '实地考察、材料审核', evidence: '小区垃圾分类投放点清单与照片', siteTypes: '居民小区', lead: SANI, support: STREETS, deadline: '2027-06-30' },
  { number: '2.5.3', project: P2, content: '居民小区环境', text: '小区内无违章搭建，无毁绿种菜。', methods: '实地考察', siteTypes: '居民小区', lead: ENF, support: STREETS, deadline: '2027-08-31' },
  // ---- 3 公共秩序 ----
  { number: '3.1.1', project: P3, content: '交通秩序', text: '车辆行人各行其道，无闯红灯、乱穿马路、翻越隔离栏。', methods: '实地考察', siteTypes: '主次干道', lead: TRAFFIC, deadline: '2027-03-31' },
  { number: '3.1.2', project: P3, content: '交通秩序', text: '人行横道前机动车礼让行人，无机动车、非机动车逆行。', methods: '实地考察', siteTypes: '主次干道、学校周边', lead: TRAFFIC, deadline: '2027-03-31' },
  { number: '3.1.3', project: P3, content: '交通秩序', text: '车辆停放有序，无占用人行道、盲道停车。', methods: '实地考察', siteTypes: '主次干道、商业大街、车站', lead: TRAFFIC, support: ENF, deadline: '2027-04-30' },
  { number: '3.1.4', project: P3, content: '交通秩序', text: '开展文明交通劝导，重点路口有劝导员上岗。', methods: '材料审核', evidence: '劝导岗位排班表、劝导活动照片', lead: TRAFFIC, deadline: '2027-06-30' },
  { number: '3.2.1', project: P3, content: '市容秩序', text: '无占道经营、出店经营，无流动摊贩。', methods: '实地考察', siteTypes: '主次干道、背街小巷、商业大街', lead: ENF, support: STREETS, deadline: '2027-04-30' },
  { number: '3.2.2', project: P3, content: '市容秩序', text: '农贸市场周边无违章停车、无停车乱收费、无占道经营。', methods: '实地考察', siteTypes: '农贸市场', lead: ENF, support: `${MARKET}、${TRAFFIC}`, deadline: '2027-05-31' },
  { number: '3.3.1', project: P3, content: '公共场所文明行为', text: '无随地吐痰、乱扔杂物，无争吵谩骂。', methods: '实地考察', siteTypes: '公园广场、车站、商业大街', lead: SANI, support: ENF, deadline: '2027-06-30' },
  { number: '3.3.2', project: P3, content: '公共场所文明行为', text: '文明养犬：出户牵绳，及时清理犬只粪便。', methods: '实地考察、材料审核', evidence: '养犬登记与文明养犬宣传资料', siteTypes: '公园广场、居民小区', lead: DOG, support: STREETS, deadline: '2027-06-30' },
  { number: '3.4.1', project: P3, content: '车站秩序', text: '排队候车、依次上下，礼让老弱病残孕；无非法营运、争抢客源。', methods: '实地考察', siteTypes: '车站', lead: TRAFFIC, support: ENF, deadline: '2027-05-31' },
  { number: '3.4.2', project: P3, content: '车站秩序', text: '车站设禁烟标识，无人吸烟，有公共文明引导志愿者。', methods: '实地考察、材料审核', evidence: '志愿者上岗记录', siteTypes: '车站', lead: ENF, deadline: '2027-05-31' },
  // ---- 4 公益宣传 ----
  { number: '4.1.1', project: P4, content: '公益广告', text: '主次干道每 500 米内不少于 3 处社会主义核心价值观公益广告。', methods: '实地考察', siteTypes: '主次干道、商业大街', lead: ADS, deadline: '2027-03-31' },
  { number: '4.1.2', project: P4, content: '公益广告', text: '农贸市场公益广告不少于 5 处，其中诚信经营主题不少于 2 处。', methods: '实地考察', siteTypes: '农贸市场', lead: ADS, support: MARKET, deadline: '2027-04-30' },
  { number: '4.1.3', project: P4, content: '公益广告', text: '公益广告统一规划设计，无错别字，无褪色、污损或被小广告覆盖。', methods: '实地考察', siteTypes: '主次干道、公园广场、居民小区', lead: ADS, support: STREETS, deadline: '2027-06-30' },
  { number: '4.1.4', project: P4, content: '公益广告', text: '公园广场、车站显著位置设置「文明健康 有你有我」公益广告。', methods: '实地考察', siteTypes: '公园广场、车站', lead: ADS, deadline: '2027-05-31' },
  { number: '4.2.1', project: P4, content: '宣传阵地', text: '居民小区显著位置至少 1 处社会主义核心价值观和 1 处关心关爱未成年人宣传。', methods: '实地考察', siteTypes: '居民小区', lead: EAST, support: `${WEST}、${ADS}`, deadline: '2027-06-30' },
  { number: '4.2.2', project: P4, content: '宣传阵地', text: '公益广告刊播情况按月统计，建立公益广告台账。', methods: '材料审核', evidence: '公益广告台账（位置、内容、照片）', lead: ADS, deadline: '2027-02-28' },
  // ---- 5 未成年人思想道德建设 ----
  { number: '5.1.1', project: P5, content: '校园周边环境', text: '学校周边 200 米内无网吧、游戏厅、歌舞厅等营业场所。', methods: '实地考察、材料审核', evidence: '学校周边经营场所排查表', siteTypes: '学校周边', lead: MARKET, support: ENF, deadline: '2027-03-31' },
  { number: '5.1.2', project: P5, content: '校园周边环境', text: '学校周边无游商、无证摊点，无「三无」食品销售。', methods: '实地考察', siteTypes: '学校周边', lead: ENF, support: MARKET, deadline: '2027-03-31' },
  { number: '5.1.3', project: P5, content: '校园周边环境', text: '上下学时段学校门口有护学岗，交通秩序良好。', methods: '实地考察、材料审核', evidence: '护学岗排班表与上岗照片', siteTypes: '学校周边', lead: TRAFFIC, support: STREETS, deadline: '2027-04-30' },
  { number: '5.2.1', project: P5, content: '未成年人活动阵地', text: '社区设有未成年人活动场所，每年开展活动 5 次以上，有文字、图片档案。', methods: '材料审核、问卷调查', evidence: '活动场所照片、年度活动记录与档案', lead: WEST, support: EAST, deadline: '2027-10-31' },
]
