import { alt } from '@/components/alt'
import { Image, Text, View } from '@tarojs/components'
import { viewPhotos } from '@/components/photo-viewer'
import type { ReportPhotoView } from '@/shared/contract'
import './report.scss'

/** Stored photos; tap to see them large. A held photo says why only its reporter sees it. */
export function PhotoGrid({ photos }: { photos: ReportPhotoView[] }) {
  const urls = photos.map((p) => p.url).filter(Boolean)
  return (
    <View className='wm-rp-photos'>
      {photos.map((photo, index) => (
        <View
          key={`${photo.url}-${index}`}
          className='wm-rp-photo'
          role='button'
          aria-label={`查看第 ${index + 1} 张照片`}
          onClick={() => viewPhotos(urls, photo.url)}
        >
          <Image className='wm-rp-photo__image' src={photo.url} mode='aspectFill' {...alt('')} />
          {photo.heldReason ? (
            <View className='wm-rp-photo__bar'>
              <Text>{photo.heldReason}</Text>
            </View>
          ) : null}
        </View>
      ))}
    </View>
  )
}
