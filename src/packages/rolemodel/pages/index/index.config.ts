export default definePageConfig({ navigationBarTitleText: '身边好人', enableShareAppMessage: true, enablePullDownRefresh: true })
