import { coverageOf, railOf, type Product } from './products'
import { licenceGrantsAt, type Licence, type LicenceStatus } from './licences'
import type { Capabilities } from './channels'
import type { UnixSeconds } from './time'

/** What a purchase returned: a product's licence (PROCESSING at first) or an owned subscription. */
export type PurchaseResult =
  | { kind: 'product'; licenceId: string; status: LicenceStatus }
  | { kind: 'subscription'; subscriptionId: number; status: LicenceStatus }

/** What to buy; the PIN is a secret and is never logged. */
export type PurchaseOrder = { productId: string; pin?: string } | { subscriptionId: number; pin?: string }

/**
 * What the store does with a product (document 003) for this user at `now`:
 * - owned: a licence grants it now (or will: ACTIVE with a later start);
 * - pending: an order for it is PROCESSING, buying again would order twice;
 * - included: everything it grants the user already has through other products;
 * - buy: it can be ordered (a SUSPENDED, EXPIRED or failed licence does not stop a new order);
 * - hidden: a type the store cannot explain (document 003 lists five).
 */
export type ProductOffer =
  | { kind: 'buy' }
  | { kind: 'owned'; licence: Licence }
  | { kind: 'pending'; licence: Licence }
  | { kind: 'included' }
  | { kind: 'hidden' }

export const productOffer = (
  product: Product,
  licences: readonly Licence[],
  has: (channelId: string) => Capabilities | undefined,
  now: UnixSeconds,
): ProductOffer => {
  if (railOf(product.type) === undefined) return { kind: 'hidden' }
  const mine = licences.filter((l) => l.productId === product.id)
  const granting = mine.find((l) => licenceGrantsAt(l, now) || (l.status === 'ACTIVE' && now < l.start))
  if (granting) return { kind: 'owned', licence: granting }
  const processing = mine.find((l) => l.status === 'PROCESSING')
  if (processing) return { kind: 'pending', licence: processing }
  if (coverageOf(product, has) === 'all') return { kind: 'included' }
  return { kind: 'buy' }
}

/** Where an order stands, from its licence's status (document 003). */
export type PurchaseOutcome = 'processing' | 'active' | 'orderError' | 'checkInvalid' | 'other'

export const purchaseOutcome = (status: LicenceStatus): PurchaseOutcome => {
  switch (status) {
    case 'PROCESSING':
      return 'processing'
    case 'ACTIVE':
      return 'active'
    case 'ORDER_ERROR':
      return 'orderError'
    case 'CHECK_INVALID':
      return 'checkInvalid'
    default:
      return 'other'
  }
}
