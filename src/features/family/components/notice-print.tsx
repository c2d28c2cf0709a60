import { alt } from '@/components/alt'
import { Button } from '@nutui/nutui-react-taro'
import { Image, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { JoinPreview } from '@/shared/contract/family'
import type { Result } from '@/shared/errors'
import { Missing } from '@/components/guard'
import { ErrorState, Skeleton } from '@/components/state'
import { callCloud } from '@/lib/call-cloud'
import { useLoad } from '../api'
import { RoleRefusal } from './teacher-workbench'
import './notice-print.scss'

interface NoticeSheet {
  preview: JoinPreview
  joinCode: string
  imageUrl: string
}

async function loadSheet(classId: string): Promise<Result<NoticeSheet>> {
  const code = await callCloud('family', 'classCode', { classId })
  if (!code.ok) return code
  // the notice is the one families read before they agree: the same preview they get
  const preview = await callCloud('family', 'preview', { joinCode: code.data.joinCode })
  if (!preview.ok) return preview
  return { ok: true, data: { preview: preview.data, joinCode: code.data.joinCode, imageUrl: code.data.imageUrl } }
}

/**
 * 致家长的一封信, printable on A4: the letter families agree to, the join code large, the class QR,
 * and what is stored. H5 prints the page; the mini-program shows the QR full size to save.
 */
export function NoticePrint({ classId }: { classId: string }) {
  const sheet = useLoad(() => loadSheet(classId), [classId])
  if (sheet.error?.code === 'AUTH.FORBIDDEN') {
    return <RoleRefusal glyph='信' title='这封信由班主任打印' text='《致家长的一封信》带有班级邀请码，只有本班老师能打开打印。家长请扫描老师发的班级码加入。' />
  }
  if (sheet.error?.code === 'FAMILY.CLASS_NOT_FOUND') return <Missing id='wm-fa-class-missing' description='没有找到这个班级：它可能已被删除。老师请从「小手拉大手」的教师工作台打开自己的班级。' />
  if (sheet.error?.code === 'FAMILY.CLASS_ARCHIVED') {
    return <RoleRefusal glyph='信' title='这个班级的邀请码已失效' text='班级已归档或不存在，不能再打印邀请家长的信。新学期请创建新的班级。' />
  }
  if (!sheet.data) {
    return <View className='wm-card'>{sheet.error ? <ErrorState what='致家长的一封信' message={sheet.error.message} onRetry={sheet.reload} /> : <Skeleton rows={10} />}</View>
  }
  const { preview, joinCode, imageUrl } = sheet.data
  const print = () => {
    if (process.env.TARO_ENV === 'h5') return window.print()
    void Taro.previewImage({ urls: [imageUrl], current: imageUrl })
  }
  return (
    <View className='wm-notice-print' id='wm-fa-notice-print'>
      <View className='wm-notice-print__sheet'>
        <Text className='wm-notice-print__brand'>创建全国文明城市 · 家校共育</Text>
        <Text className='wm-notice-print__title'>{preview.notice.title}</Text>
        <Text className='wm-notice-print__class'>{preview.classView.title}</Text>
        {preview.notice.paragraphs.map((p, i) => (
          <Text key={i} className='wm-notice-print__p'>
            {p}
          </Text>
        ))}
        <View className='wm-notice-print__join'>
          <View className='wm-notice-print__how'>
            <Text className='wm-notice-print__step'>加入方法</Text>
            <Text className='wm-notice-print__line'>1. 微信扫一扫本信上的班级码；</Text>
            <Text className='wm-notice-print__line'>2. 或在「文明通」小程序 → 小手拉大手 输入邀请码：</Text>
            <Text className='wm-notice-print__code'>{joinCode}</Text>
            <Text className='wm-notice-print__line'>3. 阅读本信并勾选同意，添加孩子的昵称和年级。</Text>
          </View>
          {imageUrl ? <Image className='wm-notice-print__qr' src={imageUrl} mode='scaleToFill' {...alt('班级码')} /> : null}
        </View>
        <View className='wm-notice-print__stored'>
          <Text className='wm-notice-print__step'>我们保存什么</Text>
          <Text className='wm-notice-print__line'>
            只保存孩子的昵称和年级，以及您同意本信的时间和版本。不收集孩子的真实姓名、照片、生日、学号和电话。您可随时移除孩子，即删除孩子的信息；学期结束班级归档后，孩子名单将被删除。
          </Text>
        </View>
        <Text className='wm-notice-print__foot'>
          {preview.classView.schoolName} · 班主任 {preview.classView.teacherName ?? ''} · 信件版本 {preview.notice.version}
        </Text>
      </View>
      <View className='wm-notice-print__actions'>
        <Button block type='primary' id='wm-fa-notice-print-button' onClick={print}>
          {process.env.TARO_ENV === 'h5' ? '打印（A4）' : '查看班级码大图（长按保存）'}
        </Button>
      </View>
    </View>
  )
}
