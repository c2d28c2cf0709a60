import { useRouter } from '@tarojs/taro'
import { PageShell } from '@/components/page-shell'
import { ChapterReader } from '@/features/handbook'

/** One chapter: `?chapter=<id>&section=<id>`. */
export default function ChapterPage() {
  const { params } = useRouter<{ chapter?: string; section?: string }>()
  return (
    <PageShell>
      <ChapterReader chapterId={params.chapter ?? ''} sectionId={params.section} />
    </PageShell>
  )
}
