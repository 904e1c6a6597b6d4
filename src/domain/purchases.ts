import type { LicenceStatus } from './licences'

/** What a purchase returned: a product's licence (PROCESSING at first) or an owned subscription. */
export type PurchaseResult =
  | { kind: 'product'; licenceId: string; status: LicenceStatus }
  | { kind: 'subscription'; subscriptionId: number; status: LicenceStatus }

/** What to buy; the PIN is a secret and is never logged. */
export type PurchaseOrder = { productId: string; pin?: string } | { subscriptionId: number; pin?: string }
