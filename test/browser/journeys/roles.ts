import type { BrowserTest } from '../types'

/**
 * 角色授权: a resident reads their user id off 我的; the office grants them the grid-worker role
 * for a grid; the resident's 我的 and 首页 then show the role and its workbench.
 */
export default async function rolesJourney(t: BrowserTest): Promise<void> {
  const { page } = t
  const visible = (selector: string) => page.locator(`${selector}:visible`).first()

  await t.signInAs('demo-resident')
  await t.open('pages/mine/index')
  const userId = (await visible('#wm-mine-user-id').textContent())?.trim()
  if (userId !== 'demo-resident') throw new Error(`我的 shows user id ${userId ?? 'nothing'}`)
  await visible('#wm-mine-user-id').scrollIntoViewIfNeeded()
  await t.shot('01-mine-user-id')

  await t.signInAs('demo-admin')
  await t.open('packages/office/pages/roles/index')
  await visible('#wm-role-user input, input#wm-role-user').fill(userId)
  await visible('#wm-role-grid').tap()
  await visible('#wm-role-scope input, input#wm-role-scope').fill('grid-demo')
  await visible('#wm-role-grant').tap()
  await visible('#wm-role-current').filter({ hasText: '网格员（grid-demo）' }).waitFor()
  await t.shot('02-office-granted')

  const granted = await t.call('user', 'rolesOf', { openid: userId }, 'demo-admin')
  if (!JSON.stringify(granted.data).includes('grid-demo')) throw new Error('the grant is not stored')

  await t.signInAs('demo-resident')
  await t.open('pages/home/index')
  await page.getByText('网格员工作台').first().waitFor()
  await t.shot('03-home-grid-workbench')
}
