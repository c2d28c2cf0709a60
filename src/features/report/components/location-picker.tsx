import { useEffect, useRef, useState } from 'react'
import { Button } from '@nutui/nutui-react-taro'
import { Input, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { CityMapView } from '@/shared/contract'
import { REPORT_LIMITS, type LatLng } from '@/shared/report'
import { PlaceMap, gridAt } from '@/components/place-map'
import './report.scss'

export interface PlaceValue extends LatLng {
  address: string
}

export interface LocationPickerProps {
  map: CityMapView | null
  value: PlaceValue | null
  onChange: (value: PlaceValue | null) => void
  /** 随手拍: ask for the current position as the form opens (a place set meanwhile wins) */
  auto?: boolean
}

const isWeapp = process.env.TARO_ENV === 'weapp'
const nearGrid = (gridName: string) => `${gridName}附近`

/**
 * Where it happened. The mini-program uses the phone's position, WeChat's own map picker
 * (`chooseLocation`) and a tap on its native map; the H5 build, which has no map offline, offers
 * the current position and a drawn map of the city's grids to tap on. Residents see the grid and
 * the address, never coordinates; the address line can always be corrected by hand.
 */
export function LocationPicker({ map, value, onChange, auto }: LocationPickerProps) {
  const [message, setMessage] = useState<string | null>(null)
  // the drawn/native map is folded away until asked for: the position usually says enough
  const [mapOpen, setMapOpen] = useState(false)
  const grid = map && value ? gridAt(map.grids, value) : null
  const latest = useRef(value)
  latest.current = value

  const place = (point: LatLng, address?: string) => {
    const inGrid = map ? gridAt(map.grids, point) : null
    setMessage(map && !inGrid ? '这个位置不在本市网格范围内，请在地图上重新选择' : null)
    // an address we wrote ourselves follows the pin; one the resident typed or WeChat named stays
    const ours = !value?.address || (map ? map.grids.some((g) => value.address === nearGrid(g.name)) : false)
    onChange({ ...point, address: address ?? (ours ? (inGrid ? nearGrid(inGrid.name) : '') : (value?.address ?? '')) })
  }

  const locate = async (first = false) => {
    setMessage('正在获取当前位置…')
    try {
      // WeChat's precise GCJ-02 fix, the datum of its maps; Taro's H5 getLocation serves only the
      // browser's WGS-84 and fails on any other type (or none), so H5 must ask for that
      const here = await Taro.getLocation(isWeapp ? { type: 'gcj02' } : { type: 'wgs84' })
      // a poster's place (or a pin) that came while the phone was still looking stays
      if (first && latest.current) return setMessage(null)
      place({ lat: here.latitude, lng: here.longitude })
    } catch {
      if (first && latest.current) return setMessage(null)
      setMessage(isWeapp ? '未能获取位置：请允许使用位置信息，或在地图上选点' : '未能获取位置：请在地图上点选位置')
    }
  }
  useEffect(() => {
    if (auto && !latest.current) void locate(true)
  }, [])
  // the position came before the city's grids: name the place once they are here
  useEffect(() => {
    const at = latest.current
    const inGrid = auto && map && at && !at.address ? gridAt(map.grids, at) : null
    if (at && inGrid) onChange({ ...at, address: nearGrid(inGrid.name) })
  }, [map])

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
          {auto ? '重新定位' : '使用当前位置'}
        </Button>
        {isWeapp ? (
          <Button className='wm-rp-chip' fill='outline' type='primary' onClick={() => void chooseOnWeappMap()}>
            {auto ? '搜索地点' : '在地图上选点'}
          </Button>
        ) : null}
        {map && auto ? (
          <Button className='wm-rp-chip' id='wm-report-pick-map' fill='outline' type='primary' onClick={() => setMapOpen(!mapOpen)}>
            {mapOpen ? '收起地图' : '地图选点'}
          </Button>
        ) : null}
      </View>
      {map && (mapOpen || !auto) ? (
        <>
          <PlaceMap
            id='wm-report-map'
            grids={map.grids}
            highlightGridId={grid?.id ?? null}
            pin={value}
            // the phone's map zooms to the pin and its grid; the drawn one keeps the whole city, to tap anywhere
            frame={isWeapp && value ? 'place' : 'city'}
            onPick={(point, placeName) => place(point, placeName)}
            label='点选事发位置'
          />
          <Text className='wm-rp-hint'>在地图上点一下即可标记位置，红色实线框为所在网格</Text>
        </>
      ) : null}
      {value ? (
        <View className='wm-rp-place' id='wm-report-place'>
          <Text className='wm-rp-place__grid'>{grid ? `已定位：${grid.name}` : '所选位置不在本市网格内'}</Text>
          <Text className='wm-rp-place__address'>{value.address ? `地址：${value.address}` : '请在下方填写地址描述，方便处置人员找到'}</Text>
        </View>
      ) : null}
      {/* a place that came meanwhile (a poster's, a pin) answers a failed position */}
      {message && !(value && message.startsWith('未能获取位置')) ? <Text className='wm-rp-error'>{message}</Text> : null}
      {auto ? null : (
        <Text className='wm-rp-label' style={{ marginTop: '20px' }}>
          地址描述
        </Text>
      )}
      <Input
        className='wm-rp-input'
        id='wm-report-address'
        value={value?.address ?? ''}
        maxlength={REPORT_LIMITS.addressMax}
        placeholder='如：文明路 12 号菜市场东门'
        aria-label='地址描述'
        disabled={!value}
        onInput={(e) => value && onChange({ ...value, address: e.detail.value })}
      />
    </View>
  )
}
