import { useRouter } from '@tarojs/taro'
import { Missing, RoleGate } from '@/components/guard'
import { PageShell } from '@/components/page-shell'
import { ChapterEditor } from '@/features/handbook/office'

export default function HandbookEditPage() {
  const { params } = useRouter<{ chapter?: string; new?: string }>()
  return (
    <PageShell>
      <RoleGate roles={['admin']} who='文明办' what='手册章节编辑'>
        {!params.chapter && params.new !== '1' ? (
          <Missing />
        ) : (
          <ChapterEditor chapterId={params.chapter ?? ''} isNew={params.new === '1'} />
        )}
      </RoleGate>
    </PageShell>
  )
}
