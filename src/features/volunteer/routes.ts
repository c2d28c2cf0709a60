/** Pages of the volunteering journey (the tab page is in the main package, the rest in the subpackage). */
export const VOLUNTEER_TAB = '/pages/volunteer/index'
const ROOT = '/packages/volunteer/pages'
export const ACTIVITY_PAGE = `${ROOT}/activity/index`
export const REGISTER_PAGE = `${ROOT}/register/index`
export const CHECKIN_PAGE = `${ROOT}/checkin/index`
export const MINE_PAGE = `${ROOT}/mine/index`
export const CERTIFICATE_PAGE = `${ROOT}/certificate/index`
export const MANAGE_PAGE = `${ROOT}/manage/index`
export const PUBLISH_PAGE = `${ROOT}/publish/index`
export const CODE_PAGE = `${ROOT}/code/index`
export const ROSTER_PAGE = `${ROOT}/roster/index`

export const withQuery = (path: string, params: Record<string, string | number | undefined>) => {
  const query = Object.entries(params)
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => `${k}=${encodeURIComponent(String(v))}`)
    .join('&')
  return query ? `${path}?${query}` : path
}
