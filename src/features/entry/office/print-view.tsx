import { alt } from '@/components/alt'
import { useEffect, useState } from 'react'
import { Button } from '@nutui/nutui-react-taro'
import { Image, Text, View } from '@tarojs/components'
import { viewPhotos } from '@/components/photo-viewer'
import { ErrorState, Skeleton } from '@/components/state'
import type { PosterView } from '@/shared/contract'
import type { Fail } from '@/shared/errors'
import { callCloud } from '@/lib/call-cloud'
import { describeTarget } from './labels'
import { codeSource } from './poster-detail'
import './print-view.scss'

/**
 * What goes on the wall: the poster title, its 小程序码 large enough to scan from a step away,
 * one line on what scanning does, and the place (so a print-out cannot end up on the wrong wall).
 * H5 prints the page; the mini-program opens the code full screen to save or share.
 */
export function PrintView({ posterId }: { posterId: string }) {
  const [poster, setPoster] = useState<PosterView | null>(null)
  const [error, setError] = useState<Fail | null>(null)

  async function load() {
    const result = await callCloud('entry', 'posterCode', { posterId })
    if (!result.ok) return setError(result)
    setError(null)
    setPoster(result.data)
  }
  useEffect(() => {
    void load()
  }, [posterId])

  if (!poster) {
    return error ? <ErrorState what='小程序码' message={error.message} onRetry={() => void load()} /> : <Skeleton rows={6} />
  }
  const src = codeSource(poster)

  function print() {
    if (process.env.TARO_ENV === 'h5') {
      window.print()
      return
    }
    // the phone has no printer: show the code full size to save or forward
    if (poster?.codeUrl) viewPhotos([poster.codeUrl], poster.codeUrl)
  }

  return (
    <View className='wm-print' id='wm-print'>
      <View className='wm-print__sheet'>
        <Text className='wm-print__brand'>创建全国文明城市 · 公益广告</Text>
        <Text className='wm-print__title'>{poster.title}</Text>
        {src ? <Image className='wm-print__code' src={src} mode='scaleToFill' {...alt('小程序码')} /> : null}
        <Text className='wm-print__call'>微信扫一扫</Text>
        <Text className='wm-print__what'>{describeTarget(poster.target)}</Text>
        <Text className='wm-print__place'>
          张贴地点：{poster.place.address} · 编号 {poster.serialNo ?? poster.id}
        </Text>
      </View>
      <View className='wm-print__actions'>
        <Button block type='primary' onClick={print}>
          {process.env.TARO_ENV === 'h5' ? '打印' : '查看大图（长按保存）'}
        </Button>
      </View>
    </View>
  )
}
