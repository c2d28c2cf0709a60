import { useState } from 'react'
import { Button } from '@nutui/nutui-react-taro'
import { Input, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { CityMapView } from '@/shared/contract'
import { REPORT_LIMITS, type LatLng } from '@/shared/report'
import { GridMap, gridAt } from './grid-map'
import './report.scss'

export interface PlaceValue extends LatLng {
  address: string
}

export interface LocationPickerProps {
  map: CityMapView | null
  value: PlaceValue | null
  onChange: (value: PlaceValue | null) => void
}

const isWeapp = process.env.TARO_ENV === 'weapp'

/**
 * Where it happened. The mini-program uses the phone's position and WeChat's own map picker
 * (`chooseLocation`); the H5 build, which has neither offline, offers the current position and
 * a drawn map of the city's grids to tap on. The address line can always be corrected by hand.
 */
export function LocationPicker({ map, value, onChange }: LocationPickerProps) {
  const [message, setMessage] = useState<string | null>(null)
  const grid = map && value ? gridAt(map, value) : null

  const place = (point: LatLng, address?: string) => {
    const inGrid = map ? gridAt(map, point) : null
    setMessage(map && !inGrid ? '这个位置不在本市网格范围内，请在地图上重新选择' : null)
    onChange({ ...point, address: address ?? value?.address ?? (inGrid ? `${inGrid.name}附近` : '') })
  }

  const locate = async () => {
    setMessage('正在获取当前位置…')
    try {
      const here = await Taro.getLocation(isWeapp ? { type: 'gcj02' } : {})
      place({ lat: here.latitude, lng: here.longitude })
    } catch {
      setMessage(isWeapp ? '未能获取位置：请允许使用位置信息，或在地图上选点' : '未能获取位置：请在下方地图上点选位置')
    }
  }

  const chooseOnWeappMap = async () => {
    try {
      const chosen = await Taro.chooseLocation(value ? { latitude: value.lat, longitude: value.lng } : {})
      place({ lat: chosen.latitude, lng: chosen.longitude }, [chosen.address, chosen.name].filter(Boolean).join(' ').slice(0, REPORT_LIMITS.addressMax))
    } catch {
      // closed the picker: keep what we had
    }
  }

  return (
    <View>
      <View className='wm-rp-buttons'>
        <Button className='wm-rp-chip' id='wm-report-locate' fill='outline' type='primary' onClick={() => void locate()}>
          使用当前位置
        </Button>
        {isWeapp ? (
          <Button className='wm-rp-chip' fill='outline' type='primary' onClick={() => void chooseOnWeappMap()}>
            在地图上选点
          </Button>
        ) : null}
      </View>
      {map ? (
        <>
          <GridMap map={map} pin={value} onPick={isWeapp ? undefined : (point) => place(point)} label='点选事发位置' />
          {!isWeapp ? <Text className='wm-rp-hint'>在地图上点一下即可标记位置，红色边框为所在网格</Text> : null}
        </>
      ) : null}
      {value ? (
        <View className='wm-rp-place' id='wm-report-place'>
          <Text>
            {grid ? `已定位：${grid.name}` : '所选位置不在本市网格内'}（{value.lat.toFixed(5)}, {value.lng.toFixed(5)}）
          </Text>
        </View>
      ) : null}
      {message ? <Text className='wm-rp-error'>{message}</Text> : null}
      <Text className='wm-rp-label' style={{ marginTop: '20px' }}>
        地址描述
      </Text>
      <Input
        className='wm-rp-input'
        id='wm-report-address'
        value={value?.address ?? ''}
        maxlength={REPORT_LIMITS.addressMax}
        placeholder='如：文明路 12 号菜市场东门'
        disabled={!value}
        onInput={(e) => value && onChange({ ...value, address: e.detail.value })}
      />
    </View>
  )
}
