import { Button } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import { PageShell } from '@/components/page-shell'
import { rolesOf, useMe } from '@/features/account'
import { ActivityBrowser, CHECKIN_PAGE, MANAGE_PAGE, MINE_PAGE } from '@/features/volunteer'
import { openPage } from '@/lib/navigate'
import './index.scss'

export default function VolunteerTabPage() {
  const { me } = useMe()
  const organizer = rolesOf(me).includes('organizer')

  return (
    <PageShell>
      <View className='wm-card wm-volunteer-intro'>
        <View className='wm-volunteer-intro__main'>
          <Text className='wm-volunteer-intro__title'>志愿服务</Text>
          <Text className='wm-text-secondary'>报名活动班次，到场扫码签到，服务时长经组织者确认后累计，可开具服务证明。</Text>
        </View>
      </View>
      <View className='wm-volunteer-actions'>
        <Button id='wm-volunteer-checkin' type='primary' onClick={() => openPage(CHECKIN_PAGE)}>
          签到签退
        </Button>
        <Button id='wm-volunteer-mine' type='primary' fill='outline' onClick={() => openPage(MINE_PAGE)}>
          我的志愿
        </Button>
        {organizer ? (
          <Button id='wm-volunteer-manage' type='default' onClick={() => openPage(MANAGE_PAGE)}>
            组织者工作台
          </Button>
        ) : null}
      </View>

      <Text className='wm-section-title'>活动</Text>
      <ActivityBrowser />
    </PageShell>
  )
}
