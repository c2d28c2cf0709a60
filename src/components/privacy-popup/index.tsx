import { useEffect, useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import { useDidHide, useDidShow } from '@tarojs/taro'
import {
  answerPrivacyRequest,
  openPrivacyContract,
  PRIVACY_AGREE_BUTTON_ID,
  privacyRequestStore,
  reportPrivacyPopupShown,
} from '@/lib/privacy'
import { useStore } from '@/lib/store'
import './index.scss'

/**
 * Answers WeChat's privacy authorization request. Every page's shell holds one; only the page on
 * screen shows it (tab pages stay mounted behind the current one).
 */
export function PrivacyPopup() {
  const request = useStore(privacyRequestStore)
  const [pageVisible, setPageVisible] = useState(true)
  useDidShow(() => setPageVisible(true))
  useDidHide(() => setPageVisible(false))
  const open = request !== null && pageVisible

  useEffect(() => {
    if (open) reportPrivacyPopupShown()
  }, [open])

  if (!open) return null
  return (
    <View className='wm-privacy' catchMove>
      <View className='wm-privacy__mask' />
      <View className='wm-privacy__sheet' role='dialog' aria-label='隐私保护提示'>
        <Text className='wm-privacy__title'>隐私保护提示</Text>
        <Text className='wm-privacy__text'>
          使用定位、拍照、相册或手机号等功能前，请您阅读并同意《文明通隐私保护指引》。我们只在您使用相应功能时收集必要信息，用于随手拍定位、志愿服务签到等，不会用于其他用途。
        </Text>
        <Button className='wm-plain-button wm-privacy__link' onClick={openPrivacyContract}>
          查看《文明通隐私保护指引》
        </Button>
        <View className='wm-privacy__actions'>
          <Button className='wm-plain-button wm-privacy__decline' onClick={() => answerPrivacyRequest(false)}>
            不同意
          </Button>
          <Button
            id={PRIVACY_AGREE_BUTTON_ID}
            className='wm-plain-button wm-privacy__agree'
            openType='agreePrivacyAuthorization'
            onAgreePrivacyAuthorization={() => answerPrivacyRequest(true)}
          >
            同意并继续
          </Button>
        </View>
      </View>
    </View>
  )
}
