import { Text, View } from '@tarojs/components'
import './index.scss'

export interface SwitchMarkProps {
  on: boolean
}

/**
 * How an on/off row shows its state. The row itself is the tap target (role="switch", ≥ 44 px);
 * this only draws the state, as a track and knob with 开/关 written in it so colour is never the
 * only cue. It replaces NutUI's Switch in the main package, whose dependencies (ConfigProvider,
 * lodash.kebabcase, react-fast-compare) weighed ~20 KB of the download after a poster scan.
 */
export function SwitchMark({ on }: SwitchMarkProps) {
  return (
    <View className={`wm-switch-mark${on ? ' wm-switch-mark--on' : ''}`} aria-hidden>
      <Text className='wm-switch-mark__text'>{on ? '开' : '关'}</Text>
      <View className='wm-switch-mark__knob' />
    </View>
  )
}
