import {
  NOTIFY_PURPOSES,
  NOTIFY_SPEC,
  NOTIFY_SPECS,
  type NotifyPurpose,
  type NotifyTemplateIdsView,
  type NotifyTemplatesView,
  type NotifyTemplateView,
  type TemplateSource,
} from '@/shared/contract/notify'
import type { ActionContext } from '../../runtime/context'
import type { Platform } from '../../platform'
import { writeAudit } from '../audit'
import { N, type TemplateOverrideDoc } from './model'

export interface ResolvedTemplate {
  templateId: string | null
  source: TemplateSource
  /** what configuration alone gives (environment, or the local placeholder) */
  configuredId: string | null
}

/** The environment's id for a purpose, or the local host's placeholder (the variable's own name). */
function configured(platform: Platform, purpose: NotifyPurpose): { id: string | null; source: TemplateSource } {
  const spec = NOTIFY_SPEC[purpose]
  const env = process.env[spec.envVar]?.trim()
  if (env) return { id: env, source: 'env' }
  if (platform.config.placeholderTemplates) return { id: spec.envVar, source: 'placeholder' }
  return { id: null, source: 'none' }
}

async function overrides(platform: Platform, purposes: readonly NotifyPurpose[]): Promise<Map<NotifyPurpose, TemplateOverrideDoc>> {
  const { data } = await platform.db
    .collection(N.templates)
    .where({ _id: platform.db.command.in([...purposes]) })
    .limit(100)
    .get()
  return new Map((data as unknown as TemplateOverrideDoc[]).map((d) => [d._id, d]))
}

function resolve(platform: Platform, purpose: NotifyPurpose, override: TemplateOverrideDoc | undefined): ResolvedTemplate {
  const fromConfig = configured(platform, purpose)
  if (override) return { templateId: override.templateId, source: 'office', configuredId: fromConfig.id }
  return { templateId: fromConfig.id, source: fromConfig.source, configuredId: fromConfig.id }
}

export async function resolveTemplates(platform: Platform, purposes: readonly NotifyPurpose[]): Promise<Map<NotifyPurpose, ResolvedTemplate>> {
  const stored = await overrides(platform, purposes)
  return new Map(purposes.map((p) => [p, resolve(platform, p, stored.get(p))]))
}

export async function resolveTemplate(platform: Platform, purpose: NotifyPurpose): Promise<ResolvedTemplate> {
  return (await resolveTemplates(platform, [purpose])).get(purpose) as ResolvedTemplate
}

function view(purpose: NotifyPurpose, resolved: ResolvedTemplate): NotifyTemplateView {
  const spec = NOTIFY_SPEC[purpose]
  return {
    purpose,
    label: spec.label,
    when: spec.when,
    audience: spec.audience,
    fields: spec.fields.map((f) => ({ ...f })),
    templateId: resolved.templateId,
    source: resolved.source,
    envVar: spec.envVar,
    configuredId: resolved.configuredId,
  }
}

export async function templates(ctx: ActionContext): Promise<NotifyTemplatesView> {
  const resolved = await resolveTemplates(ctx, NOTIFY_PURPOSES)
  return { items: NOTIFY_SPECS.map((s) => view(s.purpose, resolved.get(s.purpose) as ResolvedTemplate)) }
}

export async function templateIds(input: { purposes?: NotifyPurpose[] }, ctx: ActionContext): Promise<NotifyTemplateIdsView> {
  const purposes = input.purposes ? [...new Set(input.purposes)] : [...NOTIFY_PURPOSES]
  const resolved = await resolveTemplates(ctx, purposes)
  const items: NotifyTemplateIdsView['items'] = []
  for (const purpose of purposes) {
    const templateId = resolved.get(purpose)?.templateId
    if (templateId) items.push({ purpose, templateId })
  }
  return { items }
}

/** The office's id for a purpose; null goes back to configuration. Audited with before and after. */
export async function setTemplate(input: { purpose: NotifyPurpose; templateId: string | null }, ctx: ActionContext): Promise<NotifyTemplateView> {
  const before = await resolveTemplate(ctx, input.purpose)
  const ref = ctx.db.collection(N.templates).doc(input.purpose)
  if (input.templateId === null) {
    if (before.source === 'office') await ref.remove()
  } else {
    await ref.set({ data: { templateId: input.templateId, updatedAt: ctx.clock.now() } })
  }
  const after = await resolveTemplate(ctx, input.purpose)
  if (before.templateId !== after.templateId || before.source !== after.source) {
    await writeAudit(ctx, {
      subjectType: 'notify_template',
      subjectId: input.purpose,
      action: 'setTemplate',
      detail: { purpose: input.purpose, from: before.templateId, to: after.templateId, fromSource: before.source, toSource: after.source },
    })
  }
  return view(input.purpose, after)
}
