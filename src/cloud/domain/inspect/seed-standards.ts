import type { Platform } from '../../platform'

// STUB: replaced by the implementation
export async function seedStandards(_platform: Platform): Promise<void> {}
