/**
 * What a product costs. Document 003 has no price; Kanal's operator API sends one beside its
 * attributes (docs/API.md), and an operator that does not is "price on request".
 */
export type BillingPeriod = 'month' | 'year' | 'once' | 'unknown'
export const BILLING_PERIODS: readonly Exclude<BillingPeriod, 'unknown'>[] = ['month', 'year', 'once']

export interface ProductPrice {
  amount: number
  /** ISO 4217 code: "EUR". */
  currency: string
  period: BillingPeriod
}
