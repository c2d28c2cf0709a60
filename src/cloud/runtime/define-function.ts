import { z } from 'zod'
import type { ActionSpec, ActionTable, OutputOf, ParsedInputOf } from '@/shared/contract'
import { failCommon, ok, type Fail, type Result } from '@/shared/errors'
import type { Caller, Platform } from '../platform'
import type { ActionContext } from './context'
import { loadGrants } from './grants'

/** A handler returns its data, or a `Fail` for an expected failure. Only bugs throw. */
export type Handler<S extends ActionSpec> = (
  input: ParsedInputOf<S>,
  ctx: ActionContext,
) => Promise<OutputOf<S> | Fail>

export type Handlers<T extends ActionTable> = { [A in keyof T]: Handler<T[A]> }

/** WeChat open APIs a function may call; `build:cloud` writes them to its config.json. */
export type OpenApiPermission =
  | 'security.msgSecCheck'
  | 'security.imgSecCheck'
  | 'security.mediaCheckAsync'
  | 'wxacode.getUnlimited'
  | 'subscribeMessage.send'

/**
 * Work the platform starts on a clock, with nobody calling: WeChat's timer trigger (declared in
 * the function's config.json by `build:cloud`), and an interval in the local host.
 */
export interface TimerSpec {
  /** WeChat's 7-field cron: second minute hour day month weekday year */
  cron: string
  /** the same period for the local host's interval */
  everyMs: number
  run(ctx: ActionContext): Promise<void>
}

/** WeChat cloud's HTTP-trigger event (the function's HTTP access service), as the platform sends it. */
export const httpTriggerEvent = z.object({
  httpMethod: z.string().max(10),
  path: z.string().max(2048),
  queryStringParameters: z.record(z.string(), z.string()).nullish(),
  headers: z.record(z.string(), z.string()).nullish(),
  body: z.string().nullish(),
  isBase64Encoded: z.boolean().nullish(),
})
export type HttpTriggerEvent = z.infer<typeof httpTriggerEvent>

/** What an HTTP-triggered function answers; the platform writes it out as the HTTP response. */
export interface HttpTriggerResponse {
  statusCode: number
  headers: Record<string, string>
  body: string
}

/** Requests from outside the mini-program (partner systems): no identity, the handler decides who may. */
export type HttpHandler = (event: HttpTriggerEvent, platform: Platform) => Promise<HttpTriggerResponse>

/**
 * WeChat's `wxa_media_check` message push: the verdict of a `security.mediaCheckAsync` request,
 * routed to the function by the cloud console's 消息推送 setting. Only `trace_id` ties it to a
 * request; the trace ids never leave the server, so a client posting this shape matches nothing.
 */
export const mediaCheckPush = z.object({
  MsgType: z.literal('event'),
  Event: z.literal('wxa_media_check'),
  trace_id: z.string().min(1).max(128),
  result: z.object({ suggest: z.enum(['pass', 'risky', 'review']), label: z.union([z.number(), z.string()]).optional() }),
})
export type MediaCheckVerdict = z.infer<typeof mediaCheckPush>

/** What a function does with a message push, with nobody calling (see `mediaCheckPush`). */
export interface PushHandlers {
  mediaCheck?: (verdict: MediaCheckVerdict, ctx: ActionContext) => Promise<void>
}

export interface CloudFunction {
  name: string
  actions: ActionTable
  openApiPermissions: readonly OpenApiPermission[]
  timers: Readonly<Record<string, TimerSpec>>
  pushes: PushHandlers
  /**
   * Routes one event. `caller` is null when the platform gave no identity. Never throws. An
   * HTTP-trigger event to a function with an HTTP handler is answered as HTTP (first overload);
   * every other event gets a `Result`.
   */
  invoke(event: HttpTriggerEvent, platform: Platform, caller: null): Promise<HttpTriggerResponse | Result<unknown>>
  invoke(event: unknown, platform: Platform, caller: Caller | null): Promise<Result<unknown>>
}

const eventShape = z.object({ action: z.string().max(64), data: z.unknown().optional() })

/**
 * Binds handlers to a function's contract. The runtime does, in order: event shape, known
 * action, identity, input schema, role, handler — so a rejected call never reaches a handler
 * and never writes anything.
 */
export function defineFunction<T extends ActionTable>(
  name: string,
  actions: T,
  handlers: Handlers<T>,
  openApiPermissions: readonly OpenApiPermission[] = [],
  timers: Readonly<Record<string, TimerSpec>> = {},
  http?: HttpHandler,
  pushes: PushHandlers = {},
): CloudFunction {
  async function invoke(event: unknown, platform: Platform, caller: Caller | null): Promise<Result<unknown> | HttpTriggerResponse> {
    // A timer event carries no identity; one that arrives with a caller came from a client.
    const timer = timerEvent.safeParse(event)
    if (timer.success && !caller) return runTimer(timer.data.TriggerName, platform)
    // Likewise an HTTP-trigger event: WeChat gives it no OPENID, and only a function with an HTTP handler takes one.
    const httpEvent = http && !caller ? httpTriggerEvent.safeParse(event) : null
    if (http && httpEvent?.success) return runHttp(http, httpEvent.data, platform)
    // A message push: whether the platform names a user with it is not ours to rely on, so it is
    // taken with or without one, and acts only on a trace id this function asked for.
    const push = pushes.mediaCheck ? mediaCheckPush.safeParse(event) : null
    if (pushes.mediaCheck && push?.success) return runPush(pushes.mediaCheck, push.data, platform)
    const parsedEvent = eventShape.safeParse(event)
    if (!parsedEvent.success) return failCommon('EVENT.MALFORMED')
    const actionName = parsedEvent.data.action
    if (!Object.prototype.hasOwnProperty.call(actions, actionName)) return failCommon('ACTION.UNKNOWN')
    const spec = actions[actionName]
    if (!caller) return failCommon('AUTH.NO_IDENTITY')

    const input = spec.input.safeParse(parsedEvent.data.data ?? {})
    if (!input.success) return failCommon('INPUT.INVALID', describeIssues(input.error))

    try {
      const { grants, isAdmin } = await loadGrants(platform, caller)
      const held = new Set<string>(['resident', ...grants.map((g) => g.role)])
      if (isAdmin) held.add('admin')
      if (!spec.roles.some((role) => held.has(role))) return failCommon('AUTH.FORBIDDEN')

      const ctx: ActionContext = { ...platform, caller, grants, isAdmin }
      const handler = handlers[actionName] as Handler<ActionSpec>
      const outcome = await handler(input.data, ctx)
      return isFail(outcome) ? outcome : ok(outcome)
    } catch (error) {
      // Logged without the caller or the input: they may carry openid, phone numbers or file ids.
      platform.log.error('unexpected error', {
        fn: name,
        action: actionName,
        error: error instanceof Error ? `${error.name}: ${error.message}` : 'non-error thrown',
      })
      return failCommon('INTERNAL')
    }
  }
  async function runTimer(triggerName: string, platform: Platform): Promise<Result<unknown>> {
    const timer = Object.prototype.hasOwnProperty.call(timers, triggerName) ? timers[triggerName] : undefined
    if (!timer) return failCommon('ACTION.UNKNOWN')
    try {
      await timer.run(systemContext(platform, `${name}.${triggerName}`))
      return ok(null)
    } catch (error) {
      platform.log.error('timer failed', {
        fn: name,
        timer: triggerName,
        error: error instanceof Error ? `${error.name}: ${error.message}` : 'non-error thrown',
      })
      return failCommon('INTERNAL')
    }
  }

  async function runPush(handler: NonNullable<PushHandlers['mediaCheck']>, verdict: MediaCheckVerdict, platform: Platform): Promise<Result<unknown>> {
    try {
      await handler(verdict, systemContext(platform, `${name}.mediaCheck`))
      return ok(null)
    } catch (error) {
      platform.log.error('push failed', { fn: name, error: error instanceof Error ? `${error.name}: ${error.message}` : 'non-error thrown' })
      return failCommon('INTERNAL')
    }
  }

  async function runHttp(handler: HttpHandler, event: HttpTriggerEvent, platform: Platform): Promise<HttpTriggerResponse> {
    try {
      return await handler(event, platform)
    } catch (error) {
      platform.log.error('http failed', { fn: name, error: error instanceof Error ? `${error.name}: ${error.message}` : 'non-error thrown' })
      return { statusCode: 500, headers: { 'content-type': 'application/json; charset=utf-8' }, body: JSON.stringify([{ code: 500, description: '服务暂时不可用' }]) }
    }
  }

  // the overloads only split the one implementation's answer by the event it was given
  return { name, actions, openApiPermissions, timers, pushes, invoke: invoke as CloudFunction['invoke'] }
}

const timerEvent = z.object({ Type: z.literal('Timer'), TriggerName: z.string().max(64) })

/** The context of work nobody called: the system acts, with no grants, recorded under its name. */
export function systemContext(platform: Platform, name: string): ActionContext {
  return { ...platform, caller: { openid: `system:${name}` }, grants: [], isAdmin: false }
}

function isFail(value: unknown): value is Fail {
  return typeof value === 'object' && value !== null && (value as { ok?: unknown }).ok === false && 'code' in value
}

function describeIssues(error: z.ZodError): Fail['issues'] {
  return error.issues.slice(0, 10).map((issue) => ({
    path: issue.path.map(String).join('.'),
    message: issue.message,
  }))
}

