export default definePageConfig({ navigationBarTitleText: '节假日与工作日' })
