import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { SwitchMark } from '@/components/switch-mark'
import { useSettings } from '@/lib/settings'
import { toggleLargeText } from '../api/me'
import './large-text-switch.scss'

/** 适老化: one switch in 我的 that enlarges the text of every page, on this phone and the account. */
export function LargeTextSwitch() {
  const { largeText } = useSettings()
  const [saving, setSaving] = useState(false)

  const change = async (next: boolean) => {
    setSaving(true)
    const outcome = await toggleLargeText(next)
    setSaving(false)
    if (!outcome.synced) {
      Taro.showToast({ icon: 'none', title: '已在本机生效，同步到账号失败，稍后会自动重试', duration: 2500 })
    }
  }

  return (
    // the whole row is the tap target; the mark only shows the state
    <View
      className='wm-large-text'
      id='wm-large-text'
      role='switch'
      aria-checked={largeText}
      aria-label='大字模式'
      onClick={() => {
        if (!saving) void change(!largeText)
      }}
    >
      <View className='wm-large-text__main'>
        <Text className='wm-large-text__title'>大字模式</Text>
        <Text className='wm-large-text__description'>放大所有页面的文字，看得更清楚</Text>
      </View>
      <View className='wm-large-text__control'>
        <SwitchMark on={largeText} />
        <Text className='wm-large-text__state'>{largeText ? '已开启' : '已关闭'}</Text>
      </View>
    </View>
  )
}
