export default definePageConfig({ navigationBarTitleText: '成绩与解析' })
