export default definePageConfig({ navigationBarTitleText: '每周家庭任务' })
