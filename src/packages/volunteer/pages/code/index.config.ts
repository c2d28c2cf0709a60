export default definePageConfig({ navigationBarTitleText: '签到码', navigationBarBackgroundColor: '#1f1a17', backgroundColor: '#1f1a17' })
