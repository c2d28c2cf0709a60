/**
 * Every collection the functions use, with its indexes, declared once.
 *
 * The local database creates a table and expression indexes from this list; in a real cloud
 * environment the same list is what to create in the console (集合 + 索引), and
 * `npm run build:cloud` prints it as a checklist. Using a collection that is not declared here
 * fails, as it does in the cloud before the collection is created.
 */
export interface IndexField {
  /** dotted path inside the document */
  path: string
  order: 'asc' | 'desc'
}

export interface IndexSpec {
  name: string
  fields: readonly IndexField[]
  unique?: boolean
}

export interface CollectionSpec {
  name: string
  /** why the collection exists, for the console checklist */
  purpose: string
  indexes: readonly IndexSpec[]
}

const asc = (path: string): IndexField => ({ path, order: 'asc' })
const desc = (path: string): IndexField => ({ path, order: 'desc' })

export const COLLECTIONS: readonly CollectionSpec[] = [
  {
    name: 'users',
    purpose: '每个 OPENID 一个文档：资料、设置、积分余额（_id 即 openid）',
    indexes: [{ name: 'points_desc', fields: [desc('points'), asc('pointsUpdatedAt')] }],
  },
  {
    name: 'role_grants',
    purpose: '服务端授予的角色，可带范围（队伍、网格、单位、班级）',
    indexes: [
      { name: 'by_user', fields: [asc('openid'), asc('role')] },
      { name: 'by_role_scope', fields: [asc('role'), asc('scopeId')] },
    ],
  },
  {
    name: 'audit_log',
    purpose: '审计记录：谁、何时、做了什么（角色授予、状态变更、敏感信息查看）',
    indexes: [
      { name: 'by_subject', fields: [asc('subjectType'), asc('subjectId'), asc('at')] },
      { name: 'by_time', fields: [desc('at')] },
    ],
  },
  {
    name: 'request_log',
    purpose: '幂等键：重试的提交返回第一次的结果（_id 为 openid + requestId）',
    indexes: [{ name: 'by_time', fields: [asc('at')] }],
  },
]

export function findCollection(name: string): CollectionSpec | undefined {
  return COLLECTIONS.find((c) => c.name === name)
}
