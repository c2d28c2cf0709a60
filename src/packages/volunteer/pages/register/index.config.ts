export default definePageConfig({ navigationBarTitleText: '成为志愿者' })
