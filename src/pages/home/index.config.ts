export default definePageConfig({
  navigationBarTitleText: '文明通',
  enablePullDownRefresh: true,
  enableShareAppMessage: true,
})
