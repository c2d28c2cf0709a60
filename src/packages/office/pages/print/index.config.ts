export default definePageConfig({ navigationBarTitleText: '打印海报', navigationBarBackgroundColor: '#ffffff', navigationBarTextStyle: 'black' })
