import { View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { PageShell } from '@/components/page-shell'
import { EmptyState } from '@/components/state'
import { ActivityDetail } from '@/features/volunteer/components/activity-detail'
import { VOLUNTEER_TAB } from '@/features/volunteer/routes'
import { openPage } from '@/lib/navigate'

export default function ActivityDetailPage() {
  const { params } = useRouter<{ id?: string }>()
  const id = params.id ? decodeURIComponent(params.id) : ''
  return (
    <PageShell>
      {id ? (
        <ActivityDetail activityId={id} />
      ) : (
        <View className='wm-card'>
          <EmptyState
            glyph='志'
            title='没有找到这个活动'
            description='活动详情会显示时间、地点、服务内容和各个班次的剩余名额，可以直接报名。请从志愿服务页的活动列表进入。'
            actionText='去志愿服务'
            onAction={() => openPage(VOLUNTEER_TAB)}
          />
        </View>
      )}
    </PageShell>
  )
}
