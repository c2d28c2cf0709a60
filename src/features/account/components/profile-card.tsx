import { Text, View } from '@tarojs/components'
import type { MeView } from '@/shared/contract'
import { ROLE_LABEL } from '@/shared/roles'
import { rolesOf } from '../api/me'
import './profile-card.scss'

/** Who I am here: nickname, the roles the office granted (in words), and my 文明积分. */
export function ProfileCard({ me }: { me: MeView }) {
  const roles = rolesOf(me)
  return (
    <View className='wm-profile'>
      <View className='wm-profile__avatar' aria-hidden='true'>
        <Text>{Array.from(me.nickname)[0] ?? '文'}</Text>
      </View>
      <View className='wm-profile__main'>
        <Text className='wm-profile__nickname' id='wm-profile-nickname'>
          {me.nickname}
        </Text>
        <View className='wm-profile__roles' id='wm-profile-roles' aria-label='我的身份'>
          {roles.map((role) => (
            <Text key={role} className='wm-profile__role'>
              {ROLE_LABEL[role]}
            </Text>
          ))}
        </View>
      </View>
      <View className='wm-profile__points'>
        <Text className='wm-profile__points-value' id='wm-profile-points'>
          {me.points}
        </Text>
        <Text className='wm-profile__points-label'>文明积分</Text>
      </View>
    </View>
  )
}
