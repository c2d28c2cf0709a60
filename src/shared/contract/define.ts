import type { z } from 'zod'
import type { Role } from '../roles'

/**
 * One action of one cloud function, as both sides see it: the input schema the server validates
 * with (the client derives its argument type from it), the roles allowed to call it, and, as a
 * type only, what it returns.
 */
export interface ActionSpec<I extends z.ZodType = z.ZodType, O = unknown> {
  input: I
  /** `resident` means any caller with an identity */
  roles: readonly Role[]
  /** one line for the contract page */
  summary: string
  /** never set at run time: carries the output type for the client */
  readonly __output?: O
}

export type ActionTable = Record<string, ActionSpec>

/** `returns<MeView>()({ input, roles, summary })`: the output type is named once, here. */
export function returns<O>() {
  return <I extends z.ZodType>(spec: { input: I; roles: readonly Role[]; summary: string }): ActionSpec<I, O> => spec
}

export type InputOf<S> = S extends ActionSpec<infer I, unknown> ? z.input<I> : never
export type ParsedInputOf<S> = S extends ActionSpec<infer I, unknown> ? z.output<I> : never
export type OutputOf<S> = S extends ActionSpec<z.ZodType, infer O> ? O : never
