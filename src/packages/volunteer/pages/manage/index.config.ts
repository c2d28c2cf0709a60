export default definePageConfig({ navigationBarTitleText: '组织者工作台', enablePullDownRefresh: true })
