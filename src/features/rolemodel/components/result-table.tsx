import { CELL, COLUMN_HEADER } from '@/components/alt'
import { Text, View } from '@tarojs/components'
import type { RoundResultView } from '@/shared/contract/rolemodel'
import { timeText } from '../labels'
import { Tag, categoryLabel } from './common'
import '../rolemodel.scss'

const two = (n: number) => n.toFixed(2)

/** The result with its arithmetic: every line shows votes, the vote score, the panel score and the total. */
export function ResultTable({ result }: { result: RoundResultView }) {
  const { weights, maxVotes } = result
  return (
    <View className='wm-rm-result'>
      <Text className='wm-text-secondary'>
        总分 = 得票折算分 × {weights.votes}% + 评审分 × {weights.panel}%；得票折算分 = 得票 ÷ 最高得票（{maxVotes} 票）× 100。{timeText(result.closedAt)}公布。
      </Text>
      <View className='wm-rm-table' role='table'>
        <View className='wm-rm-table__row wm-rm-table__row--head' role='row'>
          <Text {...COLUMN_HEADER} className='wm-rm-table__cell wm-rm-table__cell--name'>名次 · 候选人</Text>
          <Text {...COLUMN_HEADER} className='wm-rm-table__cell'>得票</Text>
          <Text {...COLUMN_HEADER} className='wm-rm-table__cell'>折算分</Text>
          <Text {...COLUMN_HEADER} className='wm-rm-table__cell'>评审分</Text>
          <Text {...COLUMN_HEADER} className='wm-rm-table__cell'>总分</Text>
        </View>
        {result.lines.map((l) => (
          <View key={l.candidateId} className={`wm-rm-table__row${l.chosen ? ' wm-rm-table__row--chosen' : ''}`} role='row' id={`wm-rm-result-${l.candidateId}`}>
            <View {...CELL} className='wm-rm-table__cell wm-rm-table__cell--name'>
              <Text>
                第 {l.rank} 名 · {l.name}
              </Text>
              <View className='wm-rm-tags'>
                <Text className='wm-text-tertiary'>{categoryLabel(l.categoryId)}</Text>
                {l.chosen ? <Tag text='入选' tone='ok' /> : <Tag text='未入选' />}
              </View>
            </View>
            <Text {...CELL} className='wm-rm-table__cell'>{l.votes}</Text>
            <Text {...CELL} className='wm-rm-table__cell'>{two(l.voteScore)}</Text>
            <Text {...CELL} className='wm-rm-table__cell'>{two(l.panelScore)}</Text>
            <Text {...CELL} className='wm-rm-table__cell'>{two(l.total)}</Text>
          </View>
        ))}
      </View>
    </View>
  )
}
