import type { ReactNode } from 'react'
import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { EmptyState, ErrorState, GoneState, Skeleton, isGoneCode } from '@/components/state'
import { rolesOf, useMe, loadMe } from '@/features/account/api/me'
import { openPage } from '@/lib/navigate'
import type { Role } from '@/shared/roles'

const HOME = '/pages/home/index'

/** Back to where the person came from; home when the page was opened straight from a link. */
export function goBack(): void {
  if (Taro.getCurrentPages().length > 1) void Taro.navigateBack()
  else openPage(HOME)
}

/**
 * What someone who opens a staff page without the role is told: whom it is for, what the page does,
 * and a way back. No staff menu, form or editor is drawn behind it.
 */
export function Refusal({ who, what, id = 'wm-refusal' }: { who: string; what: string; id?: string }) {
  return (
    <View className='wm-card' id={id}>
      <EmptyState glyph='限' title={`此页面仅限${who}使用`} description={`「${what}」由${who}使用。如需办理，请联系${who}；您可以回到上一页继续。`} actionText='返回' onAction={goBack} />
    </View>
  )
}

/** A link without its id, or whose id points at nothing (any more): no validation words, a way home. */
export function Missing({ id = 'wm-missing', description }: { id?: string; description?: string }) {
  return (
    <View className='wm-card' id={id}>
      <GoneState description={description} />
    </View>
  )
}

/** the error codes that mean “this id points at nothing” (a malformed id too: never a validation message) */
export const isGone = (error: { code: string } | null | undefined): boolean => !!error && isGoneCode(error.code)

/**
 * Draws `children` only for someone with one of `roles` (文明办 always passes); everyone else gets
 * the kind refusal. While the profile loads: a skeleton, never a flash of the staff screen.
 */
export function RoleGate({ roles, who, what, children }: { roles: readonly Role[]; who: string; what: string; children: ReactNode }) {
  const state = useMe()
  if (!state.me) {
    if (state.status === 'error') {
      return (
        <View className='wm-card'>
          <ErrorState what='个人资料' message={state.error.message} onRetry={() => void loadMe()} />
        </View>
      )
    }
    return (
      <View className='wm-card'>
        <Skeleton rows={4} />
      </View>
    )
  }
  const mine = rolesOf(state.me)
  if (!mine.includes('admin') && !roles.some((role) => mine.includes(role))) return <Refusal who={who} what={what} />
  return <>{children}</>
}
