import { useEffect } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { PageShell } from '@/components/page-shell'
import { rolesOf, useMe } from '@/features/account'
import { AnswerFlow } from '@/features/survey/components/answer-flow'
import { DraftEditor } from '@/features/survey/components/draft-editor'
import { OfficeList } from '@/features/survey/components/office-list'
import { OpenList } from '@/features/survey/components/open-list'
import { SurveyResults } from '@/features/survey/components/results'
import { SURVEY_VIEWS, type SurveyViewName } from '@/features/survey/labels'

interface SurveyParams {
  view?: string
  id?: string
  [key: string]: string | undefined
}

const TITLE: Record<SurveyViewName, string> = {
  list: '创文民意调查',
  answer: '参与问卷',
  office: '问卷管理',
  edit: '编辑问卷',
  results: '调查结果',
}

const decoded = (v: string | undefined) => (v ? decodeURIComponent(v) : '')

/**
 * 创文民意调查: every screen is a view of this one page (?view=), because each registered page
 * costs the main package bytes. A poster or a shared link carries only ?id= and opens the survey
 * to answer.
 */
export default function SurveyPage() {
  const { params } = useRouter<SurveyParams>()
  const id = decoded(params.id)
  const asked = decoded(params.view)
  const view: SurveyViewName = (SURVEY_VIEWS as readonly string[]).includes(asked) ? (asked as SurveyViewName) : id ? 'answer' : 'list'
  const isOffice = rolesOf(useMe().me).includes('admin')
  useEffect(() => {
    void Taro.setNavigationBarTitle({ title: TITLE[view] })
  }, [view])
  return (
    <PageShell>
      {view === 'list' ? <OpenList isOffice={isOffice} /> : null}
      {view === 'answer' ? <AnswerFlow surveyId={id} /> : null}
      {view === 'office' ? <OfficeList /> : null}
      {view === 'edit' ? <DraftEditor surveyId={id} /> : null}
      {view === 'results' ? <SurveyResults surveyId={id} /> : null}
    </PageShell>
  )
}
