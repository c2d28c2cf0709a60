/**
 * Private-information APIs: WeChat refuses a call of one of them on a phone unless app.json lists it
 * in `requiredPrivateInfos`, asks for a `permission` text before any location API, and rejects
 * `getFuzzyLocation` declared beside the precise location APIs.
 *
 * The scan parses every JS file of the build (main package and subpackages: our code also lands in
 * common.js and sub-vendors.js) and looks for member accesses (`taro().getLocation(`, `wx.getLocation`,
 * `taro["getLocation"]`) and destructurings (`const { getLocation } = Taro`). Taro's runtime names
 * every API only as strings in arrays and reaches them as `wx[name]`, so its tables are not uses.
 */
import fs from 'node:fs'
import path from 'node:path'
import { parseSync, types as t } from '@babel/core'
import { isRecord, listBuildFiles, readBuildJson } from './dist-files'
import type { Problem } from './problem'

/** The values WeChat's app.json schema accepts in `requiredPrivateInfos` (miniprogram-ci schema/dist/app.js). */
export const PRIVATE_INFO_APIS = [
  'chooseAddress',
  'chooseLocation',
  'choosePoi',
  'getFuzzyLocation',
  'getLocation',
  'onLocationChange',
  'startLocationUpdate',
  'startLocationUpdateBackground',
] as const
export type PrivateInfoApi = (typeof PRIVATE_INFO_APIS)[number]

/** Location APIs: they need a `permission["scope.userLocation"].desc` text shown to the person. */
const LOCATION_APIS: readonly PrivateInfoApi[] = PRIVATE_INFO_APIS.filter((api) => api !== 'chooseAddress')
/** WeChat lets an app declare the fuzzy location or these precise ones, never both (checkAppFields.js). */
const PRECISE_LOCATION_APIS: readonly PrivateInfoApi[] = ['getLocation', 'onLocationChange', 'startLocationUpdate', 'startLocationUpdateBackground']

const isPrivateInfoApi = (name: string): name is PrivateInfoApi => (PRIVATE_INFO_APIS as readonly string[]).includes(name)

export interface PrivateApiUse {
  api: PrivateInfoApi
  file: string
  line: number
  column: number
}

/** The name a member access or destructuring reaches, when it is written out (not `wx[name]`). */
function reachedName(node: t.Node): string | undefined {
  if (t.isMemberExpression(node) || t.isOptionalMemberExpression(node)) {
    if (!node.computed && t.isIdentifier(node.property)) return node.property.name
    if (node.computed && t.isStringLiteral(node.property)) return node.property.value
    if (node.computed && t.isTemplateLiteral(node.property) && node.property.expressions.length === 0) {
      return node.property.quasis[0]?.value.cooked ?? undefined
    }
  }
  if (t.isObjectProperty(node) && !node.computed) {
    if (t.isIdentifier(node.key)) return node.key.name
    if (t.isStringLiteral(node.key)) return node.key.value
  }
  return undefined
}

/** Uses of private-information APIs in one JS source; `file` only labels the results. */
export function findPrivateApiUses(source: string, file: string): PrivateApiUse[] {
  const ast = parseSync(source, { configFile: false, babelrc: false, sourceType: 'unambiguous', filename: file })
  if (!ast) throw new Error(`${file}: babel returned no syntax tree`)
  const uses: PrivateApiUse[] = []
  const record = (node: t.Node, name: string | undefined): void => {
    if (name === undefined || !isPrivateInfoApi(name) || !node.loc) return
    uses.push({ api: name, file, line: node.loc.start.line, column: node.loc.start.column + 1 })
  }
  // an iterative walk over the tree: minified chunks nest deeply enough to worry a recursive one
  const stack: unknown[] = [ast.program]
  const definitions = new Set<t.Node>()
  while (stack.length > 0) {
    const node = stack.pop()
    if (Array.isArray(node)) {
      stack.push(...(node as unknown[]))
      continue
    }
    if (!isRecord(node) || typeof node.type !== 'string') continue
    const babelNode = node as unknown as t.Node
    // `x.getLocation = …` defines the name (a polyfill), it does not call it
    if (t.isAssignmentExpression(babelNode)) definitions.add(babelNode.left)
    if ((t.isMemberExpression(babelNode) || t.isOptionalMemberExpression(babelNode)) && !definitions.has(babelNode)) {
      record(babelNode, reachedName(babelNode))
    }
    if (t.isObjectPattern(babelNode)) {
      for (const property of babelNode.properties) if (t.isObjectProperty(property)) record(property, reachedName(property))
    }
    for (const [key, child] of Object.entries(node)) {
      if (key !== 'loc' && key !== 'leadingComments' && key !== 'trailingComments' && key !== 'innerComments' && typeof child === 'object') {
        stack.push(child)
      }
    }
  }
  return uses.sort((a, b) => a.line - b.line || a.column - b.column)
}

/** Every private-information API use in the build's JS, all packages. */
export function scanBuildForPrivateApis(distDir: string): PrivateApiUse[] {
  return listBuildFiles(distDir, '.js').flatMap((file) => findPrivateApiUses(fs.readFileSync(path.join(distDir, file), 'utf8'), file))
}

const nonEmptyText = (value: unknown): boolean => typeof value === 'string' && value.trim().length > 0
const permissionText = (appJson: Record<string, unknown>, scope: string): unknown => {
  const permission = appJson.permission
  const entry = isRecord(permission) ? permission[scope] : undefined
  return isRecord(entry) ? entry.desc : undefined
}

/** The check: every API the build uses is declared, location has its text, fuzzy and precise never together. */
export function checkPrivateApis(distDir: string): Problem[] {
  const problem = (file: string, message: string): Problem => ({ check: 'private-apis', file, message })
  const appJson = readBuildJson(distDir, 'app.json')
  if (!isRecord(appJson)) return [problem('app.json', 'missing or not JSON')]

  const problems: Problem[] = []
  const listed = appJson.requiredPrivateInfos
  const declaredNames = Array.isArray(listed) ? listed.filter((name): name is string => typeof name === 'string') : []
  if (listed !== undefined && !Array.isArray(listed)) problems.push(problem('app.json', 'requiredPrivateInfos is not a list'))
  for (const name of declaredNames) {
    if (!isPrivateInfoApi(name)) problems.push(problem('app.json', `requiredPrivateInfos lists "${name}", which is not one of WeChat's private-information APIs (${PRIVATE_INFO_APIS.join(', ')})`))
  }
  const declared = new Set(declaredNames.filter(isPrivateInfoApi))

  const uses = scanBuildForPrivateApis(distDir)
  const usesByApi = new Map<PrivateInfoApi, PrivateApiUse[]>()
  for (const use of uses) usesByApi.set(use.api, [...(usesByApi.get(use.api) ?? []), use])
  for (const [api, at] of usesByApi) {
    if (declared.has(api)) continue
    const where = at.map((u) => `${u.file}:${u.line}:${u.column}`).join(', ')
    problems.push(problem(at[0].file, `calls ${api} (at ${where}) but app.json requiredPrivateInfos does not declare it`))
  }

  const locationApis = LOCATION_APIS.filter((api) => declared.has(api) || usesByApi.has(api))
  const needsPreciseText = locationApis.filter((api) => api !== 'getFuzzyLocation')
  if (needsPreciseText.length > 0 && !nonEmptyText(permissionText(appJson, 'scope.userLocation'))) {
    problems.push(problem('app.json', `declares or calls ${needsPreciseText.join(', ')} but permission["scope.userLocation"].desc is not a non-empty text`))
  }
  // the fuzzy location has a scope of its own in WeChat's schema; either text explains it
  if (locationApis.includes('getFuzzyLocation') && !nonEmptyText(permissionText(appJson, 'scope.userLocation')) && !nonEmptyText(permissionText(appJson, 'scope.userFuzzyLocation'))) {
    problems.push(problem('app.json', 'declares or calls getFuzzyLocation but neither permission["scope.userLocation"].desc nor permission["scope.userFuzzyLocation"].desc is a non-empty text'))
  }

  const precise = PRECISE_LOCATION_APIS.filter((api) => declared.has(api))
  if (declared.has('getFuzzyLocation') && precise.length > 0) {
    problems.push(problem('app.json', `requiredPrivateInfos declares getFuzzyLocation together with ${precise.join(', ')}: WeChat allows the fuzzy or the precise location, not both`))
  }
  return problems
}
