import { userActions } from './user'

/**
 * The contract of every cloud function: function name → action table. The server binds handlers
 * to it, the local host publishes it at GET /api/contract, and the client's `callCloud` takes its
 * types from it (type-only import: no schema code reaches the mini-program bundle).
 */
export const CONTRACT = {
  user: userActions,
}

export type Contract = typeof CONTRACT
export type FunctionName = keyof Contract
export type ActionName<F extends FunctionName> = keyof Contract[F] & string

export * from './define'
export type { MeView, RoleGrantsView, UserSettings, UserErrorCode } from './user'
export { USER_ERRORS } from './user'
