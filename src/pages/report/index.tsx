import { Button } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { PageShell } from '@/components/page-shell'
import { EmptyState } from '@/components/state'
import { openPage } from '@/lib/navigate'
import './index.scss'

const STEPS = [
  { title: '拍照取证', detail: '拍 1–9 张照片，自动压缩上传' },
  { title: '标记位置', detail: '定位或在地图上选点' },
  { title: '描述提交', detail: '选择类别，写清发生了什么，可匿名' },
  { title: '跟踪进度', detail: '受理、派发、办结，每一步都能看到' },
]

const EXAMPLES = ['占道经营', '车辆乱停乱放', '占用盲道', '牛皮癣小广告', '乱扔垃圾', '不文明养犬', '公共设施损坏']

export default function ReportTabPage() {
  return (
    <PageShell>
      <View className='wm-card wm-report-intro'>
        <Text className='wm-report-intro__title'>发现不文明现象？拍下来</Text>
        <Text className='wm-text-secondary'>您的每一次上报，都会转交所在网格和责任单位处理，处理结果会通知您。</Text>
        <View className='wm-report-intro__examples'>
          <Text className='wm-text-tertiary'>例如：</Text>
          {EXAMPLES.map((example) => (
            <Text key={example} className='wm-report-intro__example'>
              {example}
            </Text>
          ))}
        </View>
        <Button
          id='wm-report-start'
          type='primary'
          size='large'
          block
          onClick={() => void Taro.showToast({ icon: 'none', title: '上报表单即将开放，敬请期待' })}
        >
          我要随手拍
        </Button>
      </View>

      <Text className='wm-section-title'>怎么拍</Text>
      <View className='wm-card wm-report-steps'>
        {STEPS.map((step, index) => (
          <View key={step.title} className='wm-report-step'>
            <Text className='wm-report-step__number'>{index + 1}</Text>
            <View className='wm-report-step__main'>
              <Text className='wm-report-step__title'>{step.title}</Text>
              <Text className='wm-text-tertiary'>{step.detail}</Text>
            </View>
          </View>
        ))}
      </View>

      <Text className='wm-section-title'>我的随手拍</Text>
      <View className='wm-card'>
        <EmptyState
          glyph='拍'
          title='还没有上报记录'
          description='提交后可以在这里查看处理进度：待受理 → 已派发 → 处置中 → 已办结，办结后还可以评价处理结果。'
          actionText='看看点赞·爆料广场'
          onAction={() => openPage('/packages/reports/pages/square/index')}
        />
      </View>
    </PageShell>
  )
}
