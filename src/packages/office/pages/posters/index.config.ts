export default definePageConfig({ navigationBarTitleText: '海报管理', enablePullDownRefresh: true })
