import { useState } from 'react'
import { Button } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import type { TeamActivityView } from '@/shared/contract'
import { callCloud } from '@/lib/call-cloud'
import { openPage } from '@/lib/navigate'
import { listPlaceholder } from '@/components/state'
import { usePaged } from '../api/volunteer'
import { ACTIVITY_PAGE, CODE_PAGE, PUBLISH_PAGE, ROSTER_PAGE, withQuery } from '../routes'
import { Chips, TypeTag } from './badges'
import { ShiftControls } from './shift-controls'
import { ShiftRow } from './shift-row'
import './volunteer.scss'

/** 组织者工作台: my team's activities, each shift with its code screen and roster. */
export function TeamActivities() {
  const [teamId, setTeamId] = useState<string | undefined>(undefined)
  const [teams, setTeams] = useState<Array<{ id: string; name: string }>>([])
  const list = usePaged<TeamActivityView>(
    async (page) => {
      const result = await callCloud('volunteer', 'teamActivities', { ...(teamId ? { teamId } : {}), page })
      if (result.ok) setTeams(result.data.teams)
      return result
    },
    [teamId],
  )
  useDidShow(() => void list.reload())
  usePullDownRefresh(() => void list.reload().finally(() => Taro.stopPullDownRefresh()))
  useReachBottom(() => void list.more())
  const now = Date.now()
  const team = teamId ?? teams[0]?.id

  return (
    <View id='wm-vo-manage'>
      {teams.length > 1 ? <Chips idPrefix='wm-vo-team' options={teams.map((t) => ({ key: t.id, label: t.name }))} value={team ?? ''} onChange={setTeamId} /> : null}
      <View className='wm-vo-card'>
        <Text className='wm-vo-card__title'>{teams.find((t) => t.id === team)?.name ?? '我的队伍'}</Text>
        <Text className='wm-vo-line'>发布活动和班次；活动当天在现场出示签到码，结束后在花名册确认时长、导出服务记录。</Text>
        <View className='wm-vo-actions'>
          <Button type='primary' id='wm-vo-publish' disabled={!team} onClick={() => team && openPage(withQuery(PUBLISH_PAGE, { teamId: team }))}>
            发布活动
          </Button>
        </View>
      </View>
      {listPlaceholder({
        error: list.error,
        loading: list.loading,
        count: list.items.length,
        what: '本队活动',
        onRetry: () => void list.reload(),
        skeletonRows: 4,
        empty: { glyph: '队', title: '本队还没有发布活动', description: '点「发布活动」填写类别、地点、签到范围和班次，志愿者就能在志愿服务页看到并报名。' },
      }) ?? (
        list.items.map((a) => (
          <View key={a.id} className='wm-vo-card' id={`wm-vo-team-activity-${a.id}`}>
            <View className='wm-vo-row' style={{ marginTop: 0 }} onClick={() => openPage(withQuery(ACTIVITY_PAGE, { id: a.id }))}>
              <Text className='wm-vo-card__title'>{a.title}</Text>
              <TypeTag type={a.type} />
            </View>
            <Text className='wm-vo-line'>{a.place.name}</Text>
            {a.status === 'cancelled' ? <Text className='wm-vo-error'>活动已取消</Text> : null}
            {a.shifts.filter((s) => s.endAt > now - 7 * 24 * 3_600_000).map((s) => (
              <View key={s.id}>
                <ShiftRow shift={s} now={now} />
                {s.status === 'open' ? (
                  <View className='wm-vo-actions'>
                    {s.endAt > now ? (
                      <Button size='small' type='primary' id={`wm-vo-show-code-${s.id}`} onClick={() => openPage(withQuery(CODE_PAGE, { shiftId: s.id }))}>
                        出示签到码
                      </Button>
                    ) : null}
                    <Button size='small' id={`wm-vo-open-roster-${s.id}`} onClick={() => openPage(withQuery(ROSTER_PAGE, { shiftId: s.id }))}>
                      花名册 · 确认时长
                    </Button>
                  </View>
                ) : null}
                {s.status === 'open' && s.startAt > now ? <ShiftControls shift={s} onChanged={() => void list.reload()} /> : null}
              </View>
            ))}
          </View>
        ))
      )}
      {list.items.length > 0 && !list.done ? (
        <View className='wm-vo-more'>
          <Button size='small' loading={list.loading} onClick={() => void list.more()}>
            加载更多
          </Button>
        </View>
      ) : null}
    </View>
  )
}
