export default definePageConfig({ navigationBarTitleText: '小手拉大手总览' })
