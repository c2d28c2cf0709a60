export default definePageConfig({ navigationBarTitleText: '文明家庭承诺书' })
