import { PageShell } from '@/components/page-shell'
import { BookmarkList } from '@/features/handbook'

export default function HandbookBookmarksPage() {
  return (
    <PageShell>
      <BookmarkList />
    </PageShell>
  )
}
