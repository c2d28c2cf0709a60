import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { PageShell } from '@/components/page-shell'
import { rolesOf, useMe } from '@/features/account'
import { FamilyHome } from '@/features/family/components/family-home'
import { JoinFlow } from '@/features/family/components/join-flow'
import { FAMILY_PAGES } from '@/features/family/labels'
import { openPage } from '@/lib/navigate'

/** 小手拉大手: the family's home; a scanned class code (?joinCode=) goes straight to joining. */
export default function FamilyHomePage() {
  const { params } = useRouter<{ joinCode?: string }>()
  const joinCode = params.joinCode ? decodeURIComponent(params.joinCode) : ''
  const roles = rolesOf(useMe().me)
  const links = [
    roles.includes('teacher') ? { title: '教师工作台', detail: '班级、邀请码、每周任务和班级看板', url: FAMILY_PAGES.teacher } : null,
    roles.includes('school_admin') ? { title: '学校管理', detail: '本校各班参与情况和教师授权', url: FAMILY_PAGES.school } : null,
    roles.includes('admin') ? { title: '文明办总览', detail: '参与学校、班级、家庭和每周完成', url: FAMILY_PAGES.overview } : null,
  ].filter((l) => l !== null)
  return (
    <PageShell>
      {!joinCode && links.length > 0 ? (
        <>
          <Text className='wm-section-title'>我的工作</Text>
          <View className='wm-card' id='wm-fa-role-links'>
            {links.map((l) => (
              <View key={l.url} className='wm-fa-tool' role='link' onClick={() => openPage(l.url)}>
                <View className='wm-fa-col'>
                  <Text className='wm-fa-tool__title'>{l.title}</Text>
                  <Text className='wm-text-tertiary'>{l.detail}</Text>
                </View>
                <Text className='wm-fa-tool__go'>进入 ›</Text>
              </View>
            ))}
          </View>
        </>
      ) : null}
      {joinCode ? <JoinFlow joinCode={joinCode} /> : <FamilyHome />}
    </PageShell>
  )
}
