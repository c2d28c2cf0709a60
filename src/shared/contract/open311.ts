import { z } from 'zod'
import { returns } from './define'

/** A partner's Open311 key as the office lists it: never the key itself, only where it starts. */
export interface Open311KeyView {
  id: string
  partner: string
  /** the key's first characters, so the office can tell which key a partner holds */
  prefix: string
  createdAt: number
  revokedAt: number | null
}

/** The one answer that carries the key: it is stored only as a hash, so it cannot be shown again. */
export interface IssuedOpen311KeyView extends Open311KeyView {
  key: string
}

export const OPEN311_KEY_ID = /^[a-f0-9]{16}$/

export const open311Actions = {
  issueKey: returns<IssuedOpen311KeyView>()({
    input: z.object({ partner: z.string().trim().min(2, '请填写接入方名称').max(40) }).strict(),
    roles: ['admin'],
    summary: '文明办为接入方（如 12345 热线）签发 Open311 密钥，只显示这一次',
  }),
  keys: returns<Open311KeyView[]>()({
    input: z.object({}).strict(),
    roles: ['admin'],
    summary: '文明办查看已签发的 Open311 密钥（只显示前几位）',
  }),
  revokeKey: returns<Open311KeyView>()({
    input: z.object({ keyId: z.string().regex(OPEN311_KEY_ID) }).strict(),
    roles: ['admin'],
    summary: '文明办吊销一个 Open311 密钥，立即生效',
  }),
}

export const OPEN311_ERRORS = {
  'OPEN311.KEY_NOT_FOUND': '没有这个密钥',
} as const

export type Open311ErrorCode = keyof typeof OPEN311_ERRORS
