import type { Platform } from '../../platform'

// STUB: replaced by the implementation (templates, streets, demo shops, a painted zone)
export async function seedFrontage(_platform: Platform): Promise<void> {}
