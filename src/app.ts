import type { PropsWithChildren } from 'react'
import Taro, { useLaunch } from '@tarojs/taro'
// NutUI's theme variables only; each component's CSS comes with it (babel-plugin-import)
import '@nutui/nutui-react-taro/dist/styles/themes/default.css'
import { watchNetwork } from '@/lib/network'
import { watchPrivacyAuthorization } from '@/lib/privacy'
import './app.scss'

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    if (process.env.TARO_ENV === 'weapp') {
      // the environment the running version was uploaded to: no environment id in the code
      Taro.cloud.init({ env: Taro.cloud.DYNAMIC_CURRENT_ENV, traceUser: true })
    }
    watchPrivacyAuthorization()
    watchNetwork()
  })
  return children
}

export default App
