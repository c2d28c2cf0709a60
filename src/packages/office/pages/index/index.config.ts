export default definePageConfig({ navigationBarTitleText: '文明办工作台' })
