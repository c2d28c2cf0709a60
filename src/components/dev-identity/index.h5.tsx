import { useEffect, useState } from 'react'
import { Text, View } from '@tarojs/components'
import { type DevIdentity, devOpenidStore, fetchDevIdentities, switchDevIdentity } from '@/lib/dev-identity'
import { useStore } from '@/lib/store'
import { ROLE_LABEL, ROLES, type Role } from '@/shared/roles'
import './index.scss'

const isRole = (value: string): value is Role => (ROLES as readonly string[]).includes(value)
const roleLabels = (roles: string[]) => roles.map((role) => (isRole(role) ? ROLE_LABEL[role] : role)).join('、')

// one request per page load: every page's shell renders a switch
let identitiesRequest: Promise<DevIdentity[] | null> | null = null

/**
 * Local mode only: lets a developer or a test walk every journey as each demo role. Hidden when
 * the local host has dev identities disabled (404).
 */
export function DevIdentitySwitch() {
  const [identities, setIdentities] = useState<DevIdentity[] | null>(null)
  const [open, setOpen] = useState(false)
  const current = useStore(devOpenidStore)

  useEffect(() => {
    let live = true
    identitiesRequest ??= fetchDevIdentities()
    identitiesRequest.then((list) => {
      if (live) setIdentities(list)
    })
    return () => {
      live = false
    }
  }, [])

  if (!identities || identities.length === 0) return null
  const currentIdentity = identities.find((identity) => identity.openid === current)

  return (
    <View className='wm-dev-identity'>
      <View
        className='wm-dev-identity__fab'
        id='wm-dev-identity-toggle'
        role='button'
        aria-label={`${currentIdentity?.label ?? current}：切换开发身份`}
        onClick={() => setOpen(!open)}
      >
        <Text className='wm-dev-identity__fab-current'>{currentIdentity?.label ?? current}</Text>
      </View>
      {open ? (
        <View className='wm-dev-identity__panel' role='dialog' aria-label='切换开发身份'>
          <View className='wm-dev-identity__mask' onClick={() => setOpen(false)} />
          <View className='wm-dev-identity__sheet'>
            <Text className='wm-dev-identity__heading'>切换开发身份（仅本地调试）</Text>
            {identities.map((identity) => {
              const selected = identity.openid === current
              return (
                <View
                  key={identity.openid}
                  id={`wm-dev-identity-${identity.openid}`}
                  className={`wm-dev-identity__item${selected ? ' wm-dev-identity__item--current' : ''}`}
                  role='button'
                  aria-pressed={selected}
                  onClick={() => {
                    switchDevIdentity(identity.openid)
                    setOpen(false)
                  }}
                >
                  <View className='wm-dev-identity__item-main'>
                    <Text className='wm-dev-identity__label'>{identity.label}</Text>
                    <Text className='wm-dev-identity__roles'>{`${roleLabels(identity.roles) || '居民'} · ${identity.openid}`}</Text>
                  </View>
                  {selected ? <Text className='wm-dev-identity__mark'>当前</Text> : null}
                </View>
              )
            })}
          </View>
        </View>
      ) : null}
    </View>
  )
}
