export default definePageConfig({ navigationBarTitleText: '手册发布' })
