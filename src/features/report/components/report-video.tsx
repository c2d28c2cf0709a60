import { Text, Video, View } from '@tarojs/components'
import type { ReportVideoView } from '@/shared/contract'
import './report.scss'

/** 随手拍's short video; while it is checked (or when held) its reporter alone sees it, and is told so. */
export function ReportVideo({ video }: { video: ReportVideoView }) {
  const seconds = Math.max(1, Math.round(video.durationMs / 1000))
  return (
    <View className='wm-rp-video' id='wm-report-video-view'>
      <Video className='wm-rp-video__player' src={video.url} poster={video.coverUrl} controls objectFit='contain' aria-label={`现场视频，${seconds} 秒`} />
      {video.heldReason ? (
        <Text className='wm-rp-hint' id='wm-report-video-held'>
          {video.heldReason}
        </Text>
      ) : null}
    </View>
  )
}
