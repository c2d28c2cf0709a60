export default definePageConfig({ navigationBarTitleText: '文明积分' })
