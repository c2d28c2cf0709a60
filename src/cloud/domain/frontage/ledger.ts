import type { ActionContext } from '../../runtime/context'

/**
 * A shop's monthly score ledger (frontage_months). STUB for now: the signature is final so the
 * 随手拍 routing can call it; the implementation follows.
 */
export async function recordShopReport(_ctx: ActionContext, _shopId: string, _event: 'fixed' | 'escalated', _at: number, _fixedInTime: boolean): Promise<void> {
  // STUB: replaced by the implementation
}
