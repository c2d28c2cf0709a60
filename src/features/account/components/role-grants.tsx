import { useEffect, useState } from 'react'
import { Button } from '@nutui/nutui-react-taro'
import { Input, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { RoleGrantsView } from '@/shared/contract'
import { GRANTABLE_ROLES, ROLE_LABEL, ROLE_SCOPE_KIND, type GrantableRole } from '@/shared/roles'
import { callCloud } from '@/lib/call-cloud'
import './role-grants.scss'

const SCOPE_LABEL = { team: '志愿服务队编号', grid: '网格编号', unit: '责任单位编号', school: '学校编号', inspect_team: '督查组编号', shop: '门店编号' } as const

/**
 * 角色授权 for the office: look a person up by the user id they read off their 我的 page, then
 * grant or revoke one role at a time. Scoped roles ask for their team, grid, unit or class.
 */
export function RoleGrants() {
  const [userId, setUserId] = useState('')
  const [role, setRole] = useState<GrantableRole>('volunteer')
  const [scopeId, setScopeId] = useState('')
  const [current, setCurrent] = useState<RoleGrantsView | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const scopeKind = ROLE_SCOPE_KIND[role]
  const openid = userId.trim()

  async function run(kind: 'lookup' | 'grant' | 'revoke') {
    if (!openid) return setError('请先填写用户编号（在对方「我的」页面底部）')
    if (kind !== 'lookup' && scopeKind && !scopeId.trim()) return setError(`请填写${SCOPE_LABEL[scopeKind]}`)
    setBusy(true)
    setError(null)
    const change = { openid, role, ...(scopeKind ? { scopeId: scopeId.trim() } : {}) }
    const result =
      kind === 'lookup'
        ? await callCloud('user', 'rolesOf', { openid })
        : kind === 'grant'
          ? await callCloud('user', 'grantRole', change)
          : await callCloud('user', 'revokeRole', change)
    setBusy(false)
    if (!result.ok) return setError(result.message)
    setCurrent(result.data)
    if (kind !== 'lookup') void Taro.showToast({ title: kind === 'grant' ? '已授予' : '已撤销', icon: 'success' })
  }

  function confirmRevoke() {
    void Taro.showModal({
      title: '撤销角色',
      content: `确定撤销 ${openid} 的「${ROLE_LABEL[role]}」角色？`,
      confirmText: '撤销',
      confirmColor: '#c8102e',
    }).then((answer) => {
      if (answer.confirm) void run('revoke')
    })
  }

  return (
    <View className='wm-role-grants' id='wm-role-grants'>
      <View className='wm-card'>
        <Text className='wm-field-label'>用户编号</Text>
        <Input
          id='wm-role-user'
          className='wm-field-input'
          value={userId}
          maxlength={64}
          placeholder='对方在「我的」页面底部可以看到'
          onInput={(e) => setUserId(e.detail.value)}
        />
        <Button className='wm-role-grants__lookup' fill='outline' type='primary' disabled={busy} onClick={() => void run('lookup')}>
          查看现有角色
        </Button>

        <Text className='wm-field-label'>角色</Text>
        <View className='wm-role-grants__roles' role='radiogroup'>
          {GRANTABLE_ROLES.map((r) => (
            <View
              key={r}
              id={`wm-role-${r}`}
              role='radio'
              aria-checked={r === role}
              className={`wm-role-grants__chip${r === role ? ' wm-role-grants__chip--on' : ''}`}
              onClick={() => setRole(r)}
            >
              <Text>{r === role ? `✓ ${ROLE_LABEL[r]}` : ROLE_LABEL[r]}</Text>
            </View>
          ))}
        </View>

        {scopeKind === 'unit' || scopeKind === 'inspect_team' ? (
          <ScopeChoice kind={scopeKind} value={scopeId} onChange={setScopeId} />
        ) : scopeKind ? (
          <>
            <Text className='wm-field-label'>{SCOPE_LABEL[scopeKind]}</Text>
            <Input
              id='wm-role-scope'
              className='wm-field-input'
              value={scopeId}
              maxlength={64}
              placeholder={`例如 ${scopeKind}-demo`}
              onInput={(e) => setScopeId(e.detail.value)}
            />
          </>
        ) : null}

        {error ? (
          <View className='wm-role-grants__error' role='alert'>
            <Text>{error}</Text>
          </View>
        ) : null}

        <View className='wm-role-grants__actions'>
          <Button id='wm-role-grant' type='primary' disabled={busy} onClick={() => void run('grant')}>
            授予
          </Button>
          <Button id='wm-role-revoke' fill='outline' type='primary' disabled={busy} onClick={confirmRevoke}>
            撤销
          </Button>
        </View>
      </View>

      {current ? (
        <View className='wm-card' id='wm-role-current'>
          <Text className='wm-field-label'>{current.openid} 现有角色</Text>
          {current.grants.length === 0 ? (
            <Text className='wm-text-secondary'>只有居民身份，还没有被授予其他角色。</Text>
          ) : (
            current.grants.map((g) => (
              <Text key={`${g.role}-${g.scopeId ?? ''}`} className='wm-role-grants__grant'>
                {ROLE_LABEL[g.role]}
                {g.scopeId ? `（${g.scopeId}）` : ''}
              </Text>
            ))
          )}
        </View>
      ) : null}
      <Text className='wm-text-tertiary wm-role-grants__note'>每一次授予和撤销都记入审计记录。</Text>
    </View>
  )
}

interface ScopeOption {
  id: string
  name: string
}

/**
 * 责任单位 and 督查组 are picked by name: the office knows 城市管理综合执法大队, not unit-demo.
 * (Grids, teams and schools still take their code: their lists live in other areas' screens.)
 */
function ScopeChoice({ kind, value, onChange }: { kind: 'unit' | 'inspect_team'; value: string; onChange: (id: string) => void }) {
  const [options, setOptions] = useState<ScopeOption[] | null>(null)
  const [failed, setFailed] = useState<string | null>(null)
  useEffect(() => {
    let live = true
    setOptions(null)
    const load =
      kind === 'unit'
        ? callCloud('inspect', 'units', {}).then((r) => (r.ok ? { ok: true as const, list: r.data.map((u) => ({ id: u.unitId, name: u.name })) } : r))
        : callCloud('inspect', 'teams', {}).then((r) => (r.ok ? { ok: true as const, list: r.data.map((t) => ({ id: t.teamId, name: t.name })) } : r))
    void load.then((r) => {
      if (!live) return
      if (r.ok) setOptions(r.list)
      else setFailed(r.message)
    })
    return () => {
      live = false
    }
  }, [kind])
  const label = kind === 'unit' ? '责任单位' : '督查组'
  return (
    <>
      <Text className='wm-field-label'>{label}</Text>
      {failed ? <Text className='wm-role-grants__error'>{`${label}加载失败：${failed}`}</Text> : null}
      {options === null && !failed ? <Text className='wm-text-tertiary'>正在加载{label}…</Text> : null}
      <View className='wm-role-grants__roles' role='radiogroup' aria-label={label}>
        {(options ?? []).map((o) => (
          <View
            key={o.id}
            id={`wm-role-scope-${o.id}`}
            role='radio'
            aria-checked={o.id === value}
            className={`wm-role-grants__chip${o.id === value ? ' wm-role-grants__chip--on' : ''}`}
            onClick={() => onChange(o.id)}
          >
            <Text>{o.id === value ? `✓ ${o.name}` : o.name}</Text>
          </View>
        ))}
      </View>
    </>
  )
}
