import { useEffect } from 'react'
import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { PageShell } from '@/components/page-shell'
import { rolesOf, useMe } from '@/features/account'
import { ClassDetail } from '@/features/family/components/class-detail'
import { FamilyHome } from '@/features/family/components/family-home'
import { JoinFlow } from '@/features/family/components/join-flow'
import { NoticePrint } from '@/features/family/components/notice-print'
import { OfficeOverview } from '@/features/family/components/office-overview'
import { PlanEditor } from '@/features/family/components/plan-editor'
import { PledgePage } from '@/features/family/components/pledge'
import { SchoolPage } from '@/features/family/components/school-view'
import { TeacherWorkbench } from '@/features/family/components/teacher-workbench'
import { FAMILY_PAGES, FAMILY_VIEWS, type FamilyViewName } from '@/features/family/labels'
import { openPage } from '@/lib/navigate'

interface FamilyParams {
  view?: string
  joinCode?: string
  familyId?: string
  classId?: string
  schoolId?: string
  [key: string]: string | undefined
}

const TITLE: Record<FamilyViewName, string> = {
  home: '小手拉大手',
  join: '加入班级',
  pledge: '文明家庭承诺书',
  teacher: '教师工作台',
  class: '班级',
  plan: '每周家庭任务',
  notice: '致家长的一封信',
  school: '学校管理',
  overview: '小手拉大手总览',
}

const decoded = (v: string | undefined) => (v ? decodeURIComponent(v) : '')

/**
 * 小手拉大手: every screen is a view of this one page (?view=), because each registered page
 * costs the main package bytes it does not have. A scanned class code (?joinCode=) opens the
 * join flow directly.
 */
export default function FamilyPage() {
  const { params } = useRouter<FamilyParams>()
  const joinCode = decoded(params.joinCode)
  const asked = decoded(params.view)
  const view: FamilyViewName = (FAMILY_VIEWS as readonly string[]).includes(asked) ? (asked as FamilyViewName) : joinCode ? 'join' : 'home'
  useEffect(() => {
    void Taro.setNavigationBarTitle({ title: TITLE[view] })
  }, [view])
  const classId = decoded(params.classId)
  return (
    <PageShell>
      {view === 'home' ? <HomeView /> : null}
      {view === 'join' ? <JoinFlow joinCode={joinCode} /> : null}
      {view === 'pledge' ? <PledgePage familyId={decoded(params.familyId)} /> : null}
      {view === 'teacher' ? <TeacherWorkbench /> : null}
      {view === 'class' ? <ClassDetail classId={classId} /> : null}
      {view === 'plan' ? <PlanEditor classId={classId} /> : null}
      {view === 'notice' ? <NoticePrint classId={classId} /> : null}
      {view === 'school' ? <SchoolPage schoolId={decoded(params.schoolId)} /> : null}
      {view === 'overview' ? <OfficeOverview /> : null}
    </PageShell>
  )
}

/** 我的家庭, with the staff's own work linked at the top. */
function HomeView() {
  const roles = rolesOf(useMe().me)
  const links = [
    roles.includes('teacher') ? { title: '教师工作台', detail: '班级、邀请码、每周任务和班级看板', url: FAMILY_PAGES.teacher } : null,
    roles.includes('school_admin') ? { title: '学校管理', detail: '本校各班参与情况和教师授权', url: FAMILY_PAGES.school } : null,
    roles.includes('admin') ? { title: '文明办总览', detail: '参与学校、班级、家庭和每周完成', url: FAMILY_PAGES.overview } : null,
  ].filter((l) => l !== null)
  return (
    <>
      {links.length > 0 ? (
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
      <FamilyHome />
    </>
  )
}
