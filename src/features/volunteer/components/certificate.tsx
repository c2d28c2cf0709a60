import { createElement, useState } from 'react'
import { Button } from '@nutui/nutui-react-taro'
import { Input, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { CertificateView } from '@/shared/contract'
import { callCloud } from '@/lib/call-cloud'
import { openPage } from '@/lib/navigate'
import { EmptyState, ErrorState, Skeleton } from '@/components/state'
import { useResource } from '../api/volunteer'
import { formatDate, formatHours, formatMinutes, formatShift, groupCode } from '../lib/format'
import { CERT_IMAGE_CANVAS_ID, CERT_IMAGE_HEIGHT, CERT_IMAGE_WIDTH } from '../lib/certificate-image'
import { saveCertificateImage } from '../lib/certificate-image-save'
import { ACTIVITY_TYPE_LABEL } from '../lib/labels'
import { CERTIFICATE_PAGE, VOLUNTEER_TAB, withQuery } from '../routes'
import './volunteer.scss'

// the mini-program's own canvas element (canvas 2d); Taro's <Canvas> typings lack `type`
const NATIVE_CANVAS: string = 'canvas'

export function CertificateSheet({ certificate, verified }: { certificate: CertificateView; verified: boolean }) {
  return (
    <View className='wm-vo-certificate' id='wm-vo-certificate'>
      <Text className='wm-vo-certificate__title'>志愿服务证明</Text>
      {verified ? (
        <Text className='wm-vo-success' style={{ textAlign: 'center' }} id='wm-vo-verified'>
          ✓ 查验通过：这份证明由{certificate.issuer}出具
        </Text>
      ) : null}
      <Text className='wm-vo-line' style={{ marginTop: '24px', lineHeight: 1.9 }}>
        兹证明 <Text style={{ fontWeight: 700 }}>{certificate.holderName}</Text> 参加志愿服务 {certificate.recordCount} 次，经活动组织者确认的服务时长累计{' '}
        <Text style={{ fontWeight: 700 }} id='wm-vo-certificate-hours'>
          {formatHours(certificate.totalMinutes)} 小时
        </Text>
        {certificate.totalMinutes % 60 === 0 ? '' : `（${formatMinutes(certificate.totalMinutes)}）`}。
      </Text>
      <Text className='wm-vo-label'>服务记录{certificate.records.length < certificate.recordCount ? `（最近 ${certificate.records.length} 条）` : ''}</Text>
      {certificate.records.map((r, i) => (
        <View key={`${r.startAt}-${i}`} className='wm-vo-table-row'>
          <View style={{ display: 'flex', flexDirection: 'column', flex: 1, marginRight: '16px' }}>
            <Text>
              {r.activityTitle}（{ACTIVITY_TYPE_LABEL[r.activityType]}）
            </Text>
            <Text className='wm-vo-hint'>
              {formatShift(r.startAt, r.endAt)} · {r.teamName}
            </Text>
          </View>
          <Text>{formatMinutes(r.minutes)}</Text>
        </View>
      ))}
      <Text className='wm-vo-hint' style={{ marginTop: '24px' }}>
        {certificate.serialNo ? `证书编号：${certificate.serialNo} · ` : ''}出具日期：{formatDate(certificate.issuedAt)} · 出具单位：{certificate.issuer}
      </Text>
      <Text className='wm-vo-hint'>查验码（任何人可在文明通「志愿服务 › 服务证明」中输入查验）：</Text>
      <Text className='wm-vo-certificate__code' id='wm-vo-certificate-code'>
        {groupCode(certificate.code)}
      </Text>
    </View>
  )
}

function VerifyBox({ initial }: { initial?: string }) {
  const [code, setCode] = useState(initial ?? '')
  return (
    <View className='wm-vo-card'>
      <Text className='wm-vo-label' style={{ marginTop: 0 }}>
        查验一份服务证明
      </Text>
      <Input className='wm-vo-input' id='wm-vo-verify-code' value={code} maxlength={16} placeholder='输入证明上的查验码，如 ABCDE-23456' onInput={(e) => setCode(e.detail.value)} />
      <View className='wm-vo-actions'>
        <Button
          id='wm-vo-verify-submit'
          disabled={code.replace(/[^A-Za-z0-9]/g, '').length < 6}
          onClick={() => openPage(withQuery(CERTIFICATE_PAGE, { code: code.replace(/[^A-Za-z0-9-]/g, '') }))}
        >
          查验
        </Button>
      </View>
    </View>
  )
}

/** Someone checks a code: what the certificate said when it was issued, with the name masked. */
export function VerifyCertificate({ code }: { code: string }) {
  const result = useResource(() => callCloud('volunteer', 'verifyCertificate', { code }), [code])
  if (result.data) return <CertificateSheet certificate={result.data} verified />
  if (result.error) {
    return (
      <>
        <View className='wm-card' role='alert'>
          {result.error.code === 'VOLUNTEER.CERTIFICATE_NOT_FOUND' || result.error.code === 'INPUT.INVALID' ? (
            <EmptyState glyph='?' title='查无此证明' description={`查验码「${code}」没有对应的服务证明。请核对后重试；证明若被伪造，将查验不到。`} />
          ) : (
            <ErrorState what='查验结果' message={result.error.message} onRetry={() => void result.reload()} />
          )}
        </View>
        <VerifyBox initial={code} />
      </>
    )
  }
  return (
    <View className='wm-card'>
      <Skeleton rows={5} />
    </View>
  )
}

/** My certificate: issued on opening (the same one until new hours are confirmed). */
export function MyCertificate() {
  const result = useResource(() => callCloud('volunteer', 'issueCertificate', {}), [])
  const [saving, setSaving] = useState(false)
  const copy = (code: string) => void Taro.setClipboardData({ data: code })
  if (result.error) {
    const noHours = result.error.code === 'VOLUNTEER.NO_CONFIRMED_HOURS' || result.error.code === 'VOLUNTEER.PROFILE_REQUIRED'
    return (
      <>
        <View className='wm-card'>
          {noHours ? (
            <EmptyState glyph='证' title='还没有可证明的服务时长' description={result.error.message + '。参加活动、签到签退并经组织者确认后，即可开具服务证明。'} actionText='去报名活动' onAction={() => openPage(VOLUNTEER_TAB)} />
          ) : (
            <ErrorState what='服务证明' message={result.error.message} onRetry={() => void result.reload()} />
          )}
        </View>
        <VerifyBox />
      </>
    )
  }
  if (!result.data) {
    return (
      <View className='wm-card'>
        <Skeleton rows={5} />
      </View>
    )
  }
  const certificate = result.data
  const save = async () => {
    setSaving(true)
    const outcome = await saveCertificateImage(certificate)
    setSaving(false)
    void Taro.showToast({ icon: outcome.ok ? 'success' : 'none', title: outcome.message })
  }
  return (
    <>
      <CertificateSheet certificate={certificate} verified={false} />
      <View className='wm-vo-actions'>
        <Button
          type='primary'
          id='wm-vo-certificate-save'
          aria-label={process.env.TARO_ENV === 'weapp' ? '保存为图片：把服务证明（含查验码和查验二维码）保存到相册' : '保存为图片：下载服务证明图片（含查验码和查验二维码）'}
          loading={saving}
          disabled={saving}
          style={{ minHeight: '44px' }}
          onClick={() => void save()}
        >
          保存为图片
        </Button>
        <Button id='wm-vo-certificate-copy' style={{ minHeight: '44px' }} onClick={() => copy(groupCode(certificate.code))}>
          复制查验码
        </Button>
      </View>
      {process.env.TARO_ENV === 'weapp'
        ? createElement(NATIVE_CANVAS, {
            type: '2d',
            id: CERT_IMAGE_CANVAS_ID,
            style: { position: 'fixed', left: '-2000px', top: 0, width: `${CERT_IMAGE_WIDTH}px`, height: `${CERT_IMAGE_HEIGHT}px` },
          })
        : null}
      <VerifyBox />
    </>
  )
}
