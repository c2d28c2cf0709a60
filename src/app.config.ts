// Only the mini-program knows WeChat's privacy check; the H5 build would warn about an unknown key.
// Location: WeChat refuses getLocation/chooseLocation on a phone unless they are declared here, and
// lets an app declare either the precise getLocation or the fuzzy getFuzzyLocation, never both.
// Every call we make needs the precise one: a 随手拍 pin must bring the unit to the spot (a fuzzy
// position is off by a kilometre or more, several grids), a volunteer's geofence is a few hundred
// metres, and the office pins a poster to its wall. test/wechat checks the built code against this list.
const weappOnly =
  process.env.TARO_ENV === 'weapp'
    ? {
        __usePrivacyCheck__: true,
        lazyCodeLoading: 'requiredComponents' as const,
        requiredPrivateInfos: ['getLocation' as const, 'chooseLocation' as const],
        permission: { 'scope.userLocation': { desc: '为标记随手拍位置、核验志愿服务签到地点' } },
      }
    : {}

// outline when idle, filled when selected: the current tab is told by shape as well as colour
const tabIcon = (name: string) => ({
  iconPath: `components/tab-bar-icons/${name}.png`,
  selectedIconPath: `components/tab-bar-icons/${name}-active.png`,
})

export default defineAppConfig({
  // tab pages and the QR entry stay in the main package: a scan must open without a download
  pages: ['pages/home/index', 'pages/report/index', 'pages/volunteer/index', 'pages/mine/index', 'pages/entry/index'],
  subPackages: [
    {
      root: 'packages/quiz',
      name: 'quiz',
      pages: ['pages/index/index', 'pages/paper/index', 'pages/result/index', 'pages/wrong/index', 'pages/rank/index', 'pages/points/index', 'pages/manage/index'],
    },
    {
      root: 'packages/handbook',
      name: 'handbook',
      pages: ['pages/index/index', 'pages/chapter/index', 'pages/search/index', 'pages/bookmarks/index'],
    },
    {
      root: 'packages/volunteer',
      name: 'volunteer',
      pages: [
        'pages/activity/index',
        'pages/checkin/index',
        'pages/register/index',
        'pages/mine/index',
        'pages/certificate/index',
        'pages/manage/index',
        'pages/publish/index',
        'pages/code/index',
        'pages/roster/index',
      ],
    },
    {
      root: 'packages/reports',
      name: 'reports',
      pages: ['pages/queue/index', 'pages/square/index', 'pages/mine/index', 'pages/detail/index', 'pages/act/index', 'pages/ledger/index', 'pages/routing/index', 'pages/phrases/index'],
    },
    {
      root: 'packages/office',
      name: 'office',
      pages: [
        'pages/index/index',
        'pages/posters/index',
        'pages/poster/index',
        'pages/print/index',
        'pages/handbook/index',
        'pages/handbook-edit/index',
        'pages/roles/index',
        'pages/calendar/index',
        'pages/settings/index',
        'pages/dashboard/index',
      ],
    },
    // one page: every family screen is a view of it (?view=), so the main package's app.json and app.js carry one path
    { root: 'packages/family', name: 'family', pages: ['pages/index/index'] },
    // one page each, with a ?view= inside: every page path costs the main package's app.json and app.js bytes
    { root: 'packages/rolemodel', name: 'rolemodel', pages: ['pages/index/index'] },
    { root: 'packages/survey', name: 'survey', pages: ['pages/index/index'] },
    { root: 'packages/inspect', name: 'inspect', pages: ['pages/index/index'] },
    { root: 'packages/frontage', name: 'frontage', pages: ['pages/index/index'] },
  ],
  // the journeys most opened from 首页 are fetched while the user looks at it
  preloadRule: {
    'pages/home/index': { network: 'all', packages: ['quiz', 'handbook'] },
    'pages/volunteer/index': { network: 'all', packages: ['volunteer'] },
  },
  tabBar: {
    color: '#5c5550',
    selectedColor: '#c8102e',
    backgroundColor: '#ffffff',
    borderStyle: 'black',
    list: [
      { pagePath: 'pages/home/index', text: '首页', ...tabIcon('home') },
      { pagePath: 'pages/report/index', text: '随手拍', ...tabIcon('report') },
      { pagePath: 'pages/volunteer/index', text: '志愿', ...tabIcon('volunteer') },
      { pagePath: 'pages/mine/index', text: '我的', ...tabIcon('mine') },
    ],
  },
  window: {
    backgroundTextStyle: 'light',
    backgroundColor: '#f7f3ee',
    navigationBarBackgroundColor: '#c8102e',
    navigationBarTitleText: '文明通',
    navigationBarTextStyle: 'white',
  },
  ...weappOnly,
})
