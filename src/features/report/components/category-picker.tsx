import { Text, View } from '@tarojs/components'
import { CATEGORY_GROUPS, categoriesIn, categoryOf, type ReportKind } from '@/shared/report'
import './report.scss'

export interface CategoryPickerProps {
  kind: ReportKind
  value: string | null
  /** without it there are no kind tabs: the caller holds the picker to `kind` */
  onKind?: (kind: ReportKind) => void
  onChange: (categoryId: string) => void
  /** the category being corrected: marked 当前 and not offered as the new one */
  current?: string
}

const KIND_LABEL: Record<ReportKind, string> = { report: '随手拍 · 不文明现象', praise: '文明点赞 · 好人好事' }

/** Grouped categories, each with its one-line hint; the chosen one says where else it may belong. */
export function CategoryPicker({ kind, value, onKind, onChange, current }: CategoryPickerProps) {
  const chosen = value ? categoryOf(value) : undefined
  return (
    <View>
      {onKind ? (
        <View className='wm-rp-kinds' role='tablist'>
          {(['report', 'praise'] as const).map((k) => (
            <View
              key={k}
              role='tab'
              aria-selected={k === kind}
              className={`wm-rp-kind${k === kind ? ' wm-rp-kind--current' : ''}`}
              onClick={() => onKind(k)}
            >
              <Text>{KIND_LABEL[k]}</Text>
            </View>
          ))}
        </View>
      ) : null}
      {CATEGORY_GROUPS.filter((g) => g.kind === kind).map((group) => (
        <View key={group.id}>
          <Text className='wm-rp-group'>{group.name}</Text>
          <View className='wm-rp-cats'>
            {categoriesIn(group.id).map((c) => (
              <View
                key={c.id}
                id={`wm-cat-${c.id}`}
                role='radio'
                aria-checked={c.id === value}
                aria-disabled={c.id === current}
                className={`wm-rp-cat${c.id === value ? ' wm-rp-cat--current' : ''}`}
                style={c.id === current ? { borderStyle: 'dashed' } : undefined}
                onClick={c.id === current ? undefined : () => onChange(c.id)}
              >
                <Text className='wm-rp-cat__name'>
                  {c.id === value ? '✓ ' : ''}
                  {c.name}
                </Text>
                <Text className='wm-rp-cat__hint'>{c.id === current ? '当前类别' : c.hint}</Text>
              </View>
            ))}
          </View>
        </View>
      ))}
      {chosen?.otherChannel ? (
        <View className='wm-rp-note' role='note'>
          <Text className='wm-rp-note__tag'>其他渠道</Text>
          <Text>{chosen.otherChannel}</Text>
        </View>
      ) : null}
      {/* correcting a category takes no photo: the camera rule is the reporter's */}
      {chosen?.cameraOnly && !current ? (
        <View className='wm-rp-note' role='note'>
          <Text className='wm-rp-note__tag'>现场拍摄</Text>
          <Text>此类问题请在现场用相机拍摄，不能从相册选择，以免摆拍和旧照片。</Text>
        </View>
      ) : null}
    </View>
  )
}
