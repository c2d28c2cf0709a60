import { z } from 'zod'

/**
 * Field schemas reused across areas. Every string has a maximum length so a 100 KB string is an
 * input error before any handler runs.
 */
export const shortText = (max: number) => z.string().trim().min(1).max(max)
export const id = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/, '编号格式不正确')
export const openid = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/, 'openid 格式不正确')
/** a file id from `Taro.cloud.uploadFile` (cloud://…) or the local host's storage endpoint */
export const fileId = z.string().max(512).regex(/^cloud:\/\/[^\s]+$/, '文件编号格式不正确')
export const noInput = z.object({}).strict()
