export default definePageConfig({ navigationBarTitleText: '创文督查', enablePullDownRefresh: true })
