export default definePageConfig({ navigationBarTitleText: '点赞·爆料广场', enablePullDownRefresh: true })
