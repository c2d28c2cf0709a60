import { useRouter } from '@tarojs/taro'
import { PageShell } from '@/components/page-shell'
import { Missing } from '@/components/guard'
import { ActivityDetail } from '@/features/volunteer/components/activity-detail'

export default function ActivityDetailPage() {
  const { params } = useRouter<{ id?: string }>()
  const id = params.id ? decodeURIComponent(params.id) : ''
  return (
    <PageShell>
      {id ? (
        <ActivityDetail activityId={id} />
      ) : (
        <Missing description='没有找到这个活动。去志愿服务页看看正在招募的活动吧。' />
      )}
    </PageShell>
  )
}
