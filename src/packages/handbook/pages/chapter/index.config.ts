export default definePageConfig({ navigationBarTitleText: '市民文明手册' })
