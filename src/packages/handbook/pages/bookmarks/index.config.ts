export default definePageConfig({ navigationBarTitleText: '我的书签' })
