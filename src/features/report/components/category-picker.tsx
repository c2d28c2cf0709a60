import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { CATEGORIES, CATEGORY_GROUPS, categoriesIn, categoryOf, type ReportKind } from '@/shared/report'
import { readStored, writeStored } from '@/lib/storage'
import { categoryHintOf, categoryNameOf } from '../lib/category-texts'
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

// two pieces, each kept whole: large text wraps between them, never inside a word
const KIND_LABEL: Record<ReportKind, [string, string]> = { report: ['随手拍 · ', '不文明现象'], praise: ['文明点赞 · ', '好人好事'] }

function KindTabs({ kind, onKind }: { kind: ReportKind; onKind: (kind: ReportKind) => void }) {
  return (
    <View className='wm-rp-kinds' role='tablist'>
      {(['report', 'praise'] as const).map((k) => (
        <View key={k} role='tab' aria-selected={k === kind} className={`wm-rp-kind${k === kind ? ' wm-rp-kind--current' : ''}`} onClick={() => onKind(k)}>
          <Text>{KIND_LABEL[k][0]}</Text>
          <Text>{KIND_LABEL[k][1]}</Text>
        </View>
      ))}
    </View>
  )
}

/** What residents report most (the city's 随手拍 counts), before this phone has its own picks */
const FREQUENT = ['illegal-parking', 'street-vending', 'illegal-ads', 'littering', 'back-alley', 'blind-lane']
const RECENT_KEY = 'report:recent-categories'
const CHIPS = 6
const isIdList = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string')

/** Remembers a submitted category, so this person's own most used come first next time. */
export function rememberCategory(id: string) {
  const before = readStored(RECENT_KEY, isIdList) ?? []
  writeStored(RECENT_KEY, [id, ...before.filter((x) => x !== id)].slice(0, CHIPS))
}

export interface CategoryChipsProps {
  kind: ReportKind
  value: string | null
  onKind: (kind: ReportKind) => void
  onChange: (categoryId: string) => void
  /** a category the place suggests (a shop's frontage: 占道经营), offered first */
  suggested?: string | null
}

/**
 * The form's compact choice: the chosen or suggested one, then the most used, as one short row of
 * chips; every other category one tap away in a sheet with the grouped list and its hints.
 */
export function CategoryChips({ kind, value, onKind, onChange, suggested }: CategoryChipsProps) {
  const [open, setOpen] = useState(false)
  const recent = readStored(RECENT_KEY, isIdList) ?? []
  const ofKind = (id: string | null | undefined) => !!id && categoryOf(id)?.kind === kind
  const defaults = kind === 'report' ? FREQUENT : CATEGORIES.filter((c) => c.kind === 'praise').map((c) => c.id)
  // a chip never jumps when tapped: the chosen one joins the row only when it came from the sheet
  const row = [...new Set([suggested, ...recent, ...defaults].filter(ofKind) as string[])].slice(0, CHIPS)
  const ids = value && ofKind(value) && !row.includes(value) ? [value, ...row.slice(0, CHIPS - 1)] : row
  const chosen = value ? categoryOf(value) : undefined
  const pick = (id: string) => {
    setOpen(false)
    onChange(id)
  }
  return (
    <View>
      <KindTabs kind={kind} onKind={onKind} />
      <View className='wm-rp-chips' role='radiogroup' aria-label='类别'>
        {ids.map((id) => (
          <View
            key={id}
            id={`wm-cat-${id}`}
            role='radio'
            aria-checked={id === value}
            className={`wm-rp-chip${id === value ? ' wm-rp-chip--current' : ''}`}
            onClick={() => pick(id)}
          >
            <Text>
              {id === value ? '✓ ' : ''}
              {/* large text may wrap a long name at its slash (游商小贩/占道经营), not inside a word */}
              {categoryNameOf(id).replace('/', '/\u200b')}
              {id === suggested && id !== value ? '（建议）' : ''}
            </Text>
          </View>
        ))}
        <View className='wm-rp-chip wm-rp-chip--more' id='wm-cat-more' role='button' onClick={() => setOpen(true)}>
          <Text>更多类别 ›</Text>
        </View>
      </View>
      {chosen ? <Text className='wm-rp-hint'>{categoryHintOf(chosen.id)}</Text> : null}
      <CategoryNotes value={value} />
      {open ? (
        <View className='wm-rp-sheet' id='wm-cat-sheet' role='dialog' aria-modal='true' aria-label='选择类别'>
          <View className='wm-rp-sheet__mask' onClick={() => setOpen(false)} />
          <View className='wm-rp-sheet__body'>
            <View className='wm-rp-sheet__head'>
              <Text className='wm-rp-label' style={{ marginBottom: 0 }}>
                选择类别
              </Text>
              <View className='wm-rp-sheet__close' role='button' aria-label='关闭' onClick={() => setOpen(false)}>
                <Text>✕</Text>
              </View>
            </View>
            <CategoryGroups kind={kind} value={value} onChange={pick} idPrefix='wm-cat-all-' />
          </View>
        </View>
      ) : null}
    </View>
  )
}

/** the chosen category's other channel and the 现场拍摄 rule */
function CategoryNotes({ value, current }: { value: string | null; current?: string }) {
  const chosen = value ? categoryOf(value) : undefined
  return (
    <>
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
    </>
  )
}

/** Grouped categories, each with its one-line hint; the chosen one says where else it may belong. */
export function CategoryPicker({ kind, value, onKind, onChange, current }: CategoryPickerProps) {
  return (
    <View>
      {onKind ? <KindTabs kind={kind} onKind={onKind} /> : null}
      <CategoryGroups kind={kind} value={value} onChange={onChange} current={current} />
      <CategoryNotes value={value} current={current} />
    </View>
  )
}

function CategoryGroups({ kind, value, onChange, current, idPrefix = 'wm-cat-' }: { kind: ReportKind; value: string | null; onChange: (id: string) => void; current?: string; idPrefix?: string }) {
  return (
    <>
      {CATEGORY_GROUPS.filter((g) => g.kind === kind).map((group) => (
        <View key={group.id}>
          <Text className='wm-rp-group'>{group.name}</Text>
          <View className='wm-rp-cats'>
            {categoriesIn(group.id).map((c) => (
              <View
                key={c.id}
                id={`${idPrefix}${c.id}`}
                role='radio'
                aria-checked={c.id === value}
                aria-disabled={c.id === current}
                className={`wm-rp-cat${c.id === value ? ' wm-rp-cat--current' : ''}`}
                style={c.id === current ? { borderStyle: 'dashed' } : undefined}
                onClick={c.id === current ? undefined : () => onChange(c.id)}
              >
                <Text className='wm-rp-cat__name'>
                  {c.id === value ? '✓ ' : ''}
                  {categoryNameOf(c.id)}
                </Text>
                <Text className='wm-rp-cat__hint'>{c.id === current ? '当前类别' : categoryHintOf(c.id)}</Text>
              </View>
            ))}
          </View>
        </View>
      ))}
    </>
  )
}
