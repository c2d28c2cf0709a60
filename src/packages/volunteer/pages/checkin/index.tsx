import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { PageShell } from '@/components/page-shell'
import { EmptyState } from '@/components/state'
import { openPage } from '@/lib/navigate'
import './index.scss'

export default function ShiftCheckInPage() {
  // shiftId and token come from a scanned check-in code (see the entry page)
  const { params } = useRouter<{ shiftId?: string; token?: string }>()
  const scannedShiftId = params.shiftId && params.token ? decodeURIComponent(params.shiftId) : null
  return (
    <PageShell>
      {scannedShiftId ? (
        <View className='wm-card wm-checkin-code'>
          <Text className='wm-text-secondary'>已识别签到码，班次编号</Text>
          <Text className='wm-checkin-code__value' id='wm-checkin-shift'>
            {scannedShiftId}
          </Text>
        </View>
      ) : null}
      <View className='wm-card'>
        <EmptyState
          glyph='签'
          title={scannedShiftId ? '签到功能即将开放' : '请扫描组织者出示的签到码'}
          description='到达服务地点后，扫描组织者手机上不断刷新的签到码，或在活动范围内直接签到；离开时再签退，服务时长按签到签退时间计算。'
          actionText='查看我的报名'
          onAction={() => openPage('/pages/volunteer/index')}
        />
      </View>
    </PageShell>
  )
}
