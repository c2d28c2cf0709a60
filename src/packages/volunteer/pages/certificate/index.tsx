import { useRouter, useShareAppMessage } from '@tarojs/taro'
import { PageShell } from '@/components/page-shell'
import { MyCertificate, VerifyCertificate } from '@/features/volunteer/components/certificate'

export default function CertificatePage() {
  // with ?code= the page verifies someone's certificate; without, it shows mine
  const { params } = useRouter<{ code?: string }>()
  const code = params.code ? decodeURIComponent(params.code) : ''
  useShareAppMessage(() => ({ title: '我的志愿服务证明', path: code ? `/packages/volunteer/pages/certificate/index?code=${code}` : '/pages/volunteer/index' }))
  return <PageShell>{code ? <VerifyCertificate code={code} /> : <MyCertificate />}</PageShell>
}
