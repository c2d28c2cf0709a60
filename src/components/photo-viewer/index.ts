import Taro from '@tarojs/taro'

/**
 * Shows photos full screen, starting at `current`. The mini-program uses WeChat's own viewer.
 * The H5 build draws a plain one (index.h5.ts): Taro's H5 previewImage brings the swiper library
 * (~44 KB gzipped) into every page that shows a photo.
 */
export function viewPhotos(urls: string[], current: string): void {
  void Taro.previewImage({ urls, current }).catch(() => undefined)
}
