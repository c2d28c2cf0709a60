export default definePageConfig({ navigationBarTitleText: '创文民意调查', enablePullDownRefresh: true })
