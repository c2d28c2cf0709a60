import { useRouter } from '@tarojs/taro'
import { PageShell } from '@/components/page-shell'
import { ChapterEditor } from '@/features/handbook/office'

export default function HandbookEditPage() {
  const { params } = useRouter<{ chapter?: string; new?: string }>()
  return (
    <PageShell>
      <ChapterEditor chapterId={params.chapter ?? ''} isNew={params.new === '1'} />
    </PageShell>
  )
}
