import { View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { RoleGate } from '@/components/guard'
import { PageShell } from '@/components/page-shell'
import { EmptyState } from '@/components/state'
import { PublishForm } from '@/features/volunteer/components/publish-form'
import { MANAGE_PAGE } from '@/features/volunteer/routes'
import { openPage } from '@/lib/navigate'

export default function PublishPage() {
  const { params } = useRouter<{ teamId?: string }>()
  const teamId = params.teamId ? decodeURIComponent(params.teamId) : ''
  return (
    <PageShell>
      <RoleGate roles={['organizer']} who='志愿服务队组织者' what='发布活动'>
        {teamId ? (
          <PublishForm teamId={teamId} />
        ) : (
          <View className='wm-card'>
            <EmptyState glyph='队' title='请从组织者工作台发布活动' description='发布的活动属于您所在的志愿服务队。' actionText='去工作台' onAction={() => openPage(MANAGE_PAGE)} />
          </View>
        )}
      </RoleGate>
    </PageShell>
  )
}
