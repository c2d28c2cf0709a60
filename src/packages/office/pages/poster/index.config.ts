export default definePageConfig({ navigationBarTitleText: '海报详情' })
