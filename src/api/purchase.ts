import * as v from 'valibot'
import { LICENCE_STATUSES } from '../domain/licences'
import type { PurchaseOrder, PurchaseResult } from '../domain/purchases'
import type { EnvelopeCall } from './envelope'
import type { CallOptions } from './transport'
import { enumOrUnknown, id, num, parseDocument } from './validate'

const resultSchema = v.pipe(
  v.looseObject({
    LicenseID: v.nullish(id),
    SubscriptionID: v.nullish(num),
    Status: enumOrUnknown(LICENCE_STATUSES),
  }),
  v.check((r) => r.LicenseID != null || r.SubscriptionID != null, 'LicenseID or SubscriptionID is missing'),
  v.transform(
    (r): PurchaseResult =>
      r.LicenseID != null
        ? { kind: 'product', licenceId: r.LicenseID, status: r.Status }
        : { kind: 'subscription', subscriptionId: r.SubscriptionID ?? 0, status: r.Status },
  ),
)

/** Purchase of a product (a licence, PROCESSING at first) or a subscription. Never retried: it could buy twice. */
export const purchaseMethods = (call: EnvelopeCall) => ({
  purchase: (order: PurchaseOrder, options: CallOptions = {}): Promise<PurchaseResult> =>
    call(
      'Purchase',
      {
        ...('productId' in order ? { ProductID: order.productId } : { SubscriptionID: order.subscriptionId }),
        ...(order.pin !== undefined ? { Pin: order.pin } : {}),
      },
      (c) => parseDocument(resultSchema, c, 'Purchase Content'),
      { ...options, idempotent: false },
    ),
})
