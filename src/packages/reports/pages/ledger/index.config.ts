export default definePageConfig({ navigationBarTitleText: '督查台账', enablePullDownRefresh: true })
