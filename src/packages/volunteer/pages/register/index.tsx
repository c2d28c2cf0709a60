import Taro, { useRouter } from '@tarojs/taro'
import { PageShell } from '@/components/page-shell'
import { RegisterForm } from '@/features/volunteer/components/register-form'
import { ACTIVITY_PAGE, withQuery } from '@/features/volunteer/routes'

export default function RegisterPage() {
  // `back` is the activity the person was signing up for: return there once registered
  const { params } = useRouter<{ back?: string }>()
  const done = () => {
    if (params.back) void Taro.redirectTo({ url: withQuery(ACTIVITY_PAGE, { id: decodeURIComponent(params.back) }) })
  }
  return (
    <PageShell>
      <RegisterForm onDone={done} />
    </PageShell>
  )
}
