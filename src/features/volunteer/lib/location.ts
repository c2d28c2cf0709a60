import Taro from '@tarojs/taro'

export type Located = { ok: true; lat: number; lng: number; accuracy: number } | { ok: false; message: string }

/**
 * The phone's position. In the mini-program it is GCJ-02, the datum of the map the organizer
 * picked the place on; the H5 build gets the browser's position (WGS-84, a few hundred metres off
 * in China), good enough for local development. Taro's browser getLocation serves only WGS-84 and
 * fails any call that asks for another datum, so each build asks for its own.
 */
export async function locate(): Promise<Located> {
  try {
    const res = await Taro.getLocation({ type: process.env.TARO_ENV === 'weapp' ? 'gcj02' : 'wgs84', isHighAccuracy: true })
    return { ok: true, lat: res.latitude, lng: res.longitude, accuracy: res.accuracy }
  } catch (error) {
    const errMsg = typeof error === 'object' && error !== null && 'errMsg' in error ? String((error as { errMsg: unknown }).errMsg) : ''
    if (/auth|deny|denied|permission/i.test(errMsg)) return { ok: false, message: '没有定位权限：请在设置中允许文明通使用位置信息' }
    return { ok: false, message: '暂时无法获取位置，请到开阔处再试，或使用签到码' }
  }
}
