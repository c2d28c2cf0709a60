import type { Platform } from '../../platform'

// STUB: replaced by the implementation
export async function seedSites(_platform: Platform): Promise<void> {}
