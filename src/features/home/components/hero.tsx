import { Text, View } from '@tarojs/components'
import './hero.scss'

/** The campaign's banner, greeting the person by name once `me` is known. */
export function HomeHero({ nickname }: { nickname: string | null }) {
  return (
    <View className='wm-hero'>
      <View className='wm-hero__seal' aria-hidden='true'>
        <Text>文明</Text>
      </View>
      <Text className='wm-hero__title'>创建全国文明城市</Text>
      <Text className='wm-hero__subtitle'>人人参与 · 人人共享 · 从身边小事做起</Text>
      <Text className='wm-hero__greeting' id='wm-home-greeting'>
        {nickname ? `您好，${nickname}` : '您好，欢迎使用文明通'}
      </Text>
    </View>
  )
}
