/** the export kinds and formats in words (the contract's own labels live in a zod file) */
export const EXPORT_KIND_WORD: Record<string, string> = { ledger: '督查台账', reports: '随手拍列表', volunteer: '志愿服务记录', quiz: '答题参与记录' }
export const EXPORT_FORMAT_WORD: Record<string, string> = { csv: 'CSV', xlsx: 'Excel' }
