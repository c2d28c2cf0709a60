export default definePageConfig({ navigationBarTitleText: '派发规则' })
