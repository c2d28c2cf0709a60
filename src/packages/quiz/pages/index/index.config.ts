export default definePageConfig({ navigationBarTitleText: '创文答题', enablePullDownRefresh: true })
