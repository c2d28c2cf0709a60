import { useState } from 'react'
import { Button } from '@nutui/nutui-react-taro'
import { Picker, Text, View } from '@tarojs/components'
import { useDidShow } from '@tarojs/taro'
import { EmptyState } from '@/components/state'
import { callCloud } from '@/lib/call-cloud'
import { METHOD_LABEL } from '@/shared/inspect'
import type { StandardView } from '@/shared/contract'
import { useLoad } from '../api'
import type { InspectParams } from '../labels'
import { Chips, Gate, MoreButton, Problem, Tag, dateText, goInspect, usePaged } from './common'

type Filter = 'all' | 'unassigned' | 'unit'

/** 测评标准: the catalogue by number, filtered to 未分解 or one unit's; tap a standard to assign it. */
export function StandardsView({ params }: { params: InspectParams }) {
  const [filter, setFilter] = useState<Filter>(params.unitId ? 'unit' : 'all')
  const [unitId, setUnitId] = useState(params.unitId)
  const units = useLoad(() => callCloud('inspect', 'units', {}), [])
  const input = (cursor?: string) => ({
    ...(cursor ? { cursor } : {}),
    ...(filter === 'unassigned' ? { unassigned: true } : {}),
    ...(filter === 'unit' && unitId ? { unitId } : {}),
  })
  const page = usePagedStandards(input, [filter, unitId])
  // back from 任务分解: draw the rows again from what it saved
  const [, setShown] = useState(0)
  useDidShow(() => setShown((n) => n + 1))
  const gate = Gate({ error: page.error, loading: page.loading && !page.first, what: '测评标准', reload: page.reload })
  if (gate) return <>{gate}</>
  const unitList = units.data ?? []
  const unitIndex = Math.max(0, unitList.findIndex((u) => u.unitId === unitId))
  const first = page.first
  return (
    <View className='wm-in wm-in-wide' id='wm-inspect-standards'>
      <View className='wm-card'>
        <View className='wm-in-row'>
          <View className='wm-in-col'>
            <Text className='wm-in-title'>测评标准 {first ? first.total : 0} 条</Text>
            <Text className='wm-text-secondary'>已分解 {first ? first.assigned : 0} 条，未分解 {first ? Math.max(0, first.total - first.assigned) : 0} 条</Text>
          </View>
          <Button type='primary' fill='outline' id='wm-inspect-standards-import' onClick={() => goInspect('import')}>
            导入表格
          </Button>
        </View>
        <View className='wm-in-gap'>
          <Chips<Filter>
            idPrefix='wm-inspect-standards-filter'
            value={filter}
            onChange={(f) => {
              if (f === 'unit' && !unitId && units.data?.[0]) setUnitId(units.data[0].unitId)
              setFilter(f)
            }}
            options={[
              { value: 'all', label: '全部' },
              { value: 'unassigned', label: '未分解' },
              { value: 'unit', label: '按单位' },
            ]}
          />
        </View>
        {filter === 'unit' ? (
          unitList.length ? (
            <Picker mode='selector' range={unitList.map((u) => u.name)} value={unitIndex} onChange={(e) => setUnitId(unitList[Number(e.detail.value)]?.unitId ?? '')}>
              <View className='wm-field-input wm-in-picker' id='wm-inspect-standards-unit'>
                <Text>{unitId ? (unitList.find((u) => u.unitId === unitId)?.name ?? '选择单位') : '选择单位'}</Text>
                <Text className='wm-text-tertiary'>更改 ›</Text>
              </View>
            </Picker>
          ) : (
            <Text className='wm-text-tertiary'>{units.error ? units.error.message : '正在读取单位…'}</Text>
          )
        ) : null}
      </View>
      <View className='wm-card' id='wm-inspect-standards-list'>
        {page.items.length === 0 ? (
          <EmptyState
            glyph='标'
            title={filter === 'unassigned' ? '每条标准都已分解' : filter === 'unit' ? (unitId ? '这个单位还没有分到标准' : '先选一个单位') : '还没有测评标准'}
            description={filter === 'all' ? '下载示范表格，照格式填好本市的测评标准，再导入。' : '换个筛选看看全部标准。'}
            actionText={filter === 'all' ? '导入测评标准' : undefined}
            onAction={filter === 'all' ? () => goInspect('import') : undefined}
          />
        ) : (
          <View className='wm-in-list--grid'>
            {page.items.map((s) => (
              <StandardRow key={s.standardId} s={listedStandards.get(s.standardId) ?? s} />
            ))}
          </View>
        )}
        <Problem text={page.moreError} />
        <MoreButton more={page.more} busy={page.loadingMore} onMore={page.loadMore} id='wm-inspect-standards-more' />
      </View>
    </View>
  )
}

/**
 * The standards last listed, by id: 任务分解 opened from the list shows its standard at once (the
 * page stack shares this module) and reads it from the server only when opened by a link.
 */
export const listedStandards = new Map<string, StandardView>()

function StandardRow({ s }: { s: StandardView }) {
  return (
    <View
      className='wm-in-item'
      role='link'
      id={`wm-inspect-standard-${s.number}`}
      onClick={() => {
        listedStandards.set(s.standardId, s)
        goInspect('assign', { id: s.standardId })
      }}
    >
      <View className='wm-in-row'>
        <View className='wm-in-col'>
          <Text className='wm-text-tertiary'>
            {s.project} › {s.content}
          </Text>
          <Text className='wm-in-text'>
            <Text className='wm-in-number'>{s.number}</Text>
            {s.text}
          </Text>
        </View>
        <Text className='wm-in-link'>分解 ›</Text>
      </View>
      <View className='wm-in-tags'>
        {s.methods.map((m) => (
          <Tag key={m} text={METHOD_LABEL[m]} />
        ))}
        {s.lead ? <Tag text={`牵头：${s.lead.name}`} tone='ok' /> : <Tag text='未分解' tone='warn' />}
        {s.deadline ? <Tag text={`${dateText(s.deadline)}前完成`} /> : null}
      </View>
      {s.supports.length ? <Text className='wm-text-secondary'>配合单位：{s.supports.map((u) => u.name).join('、')}</Text> : null}
    </View>
  )
}

// the standards page's pager: its first page also carries the catalogue's counts
function usePagedStandards(input: (cursor?: string) => { cursor?: string; unitId?: string; unassigned?: boolean }, deps: readonly unknown[]) {
  return usePaged((cursor) => callCloud('inspect', 'standards', input(cursor)), deps)
}
