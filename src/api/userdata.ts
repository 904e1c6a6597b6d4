import * as v from 'valibot'
import type { PurchaseType, Service } from '../domain/services'
import type { Stamps } from '../domain/stamps'
import type { ApiLogger } from './logger'
import type { EnvelopeCall } from './envelope'
import type { CallOptions } from './transport'
import { anyList, bool, num, numberList, parseDocument, parseItems, text } from './validate'

const stampsSchema = v.pipe(
  v.looseObject({ Pins: num, Recordings: num, Rights: num, Services: num, Tags: num }),
  v.transform(
    (c): Stamps => ({
      pins: c.Pins,
      recordings: c.Recordings,
      rights: c.Rights,
      services: c.Services,
      tags: c.Tags,
    }),
  ),
)

/** Document 001's SubscriptionPurchaseType, by code or by name. */
const purchaseTypeOf = (x: unknown): PurchaseType => {
  const byName: Record<string, PurchaseType> = { bottomup: 'bottomUp', td: 'topDown', both: 'both' }
  if (x === 1) return 'bottomUp'
  if (x === 2) return 'topDown'
  if (x === 3) return 'both'
  return typeof x === 'string' ? (byName[x.toLowerCase()] ?? 'unknown') : 'unknown'
}

const canWatchSchema = v.nullish(
  v.looseObject({
    IsOwned: v.nullish(bool, false),
    PurchaseDate: v.nullish(num),
    Price: v.nullish(num),
    Currency: v.nullish(v.string()),
  }),
  { IsOwned: false },
)

/**
 * Document 001's Service. Deprecated members may or may not be present and are ignored. The
 * document lists `Status` twice, the second meaning the purchase type that its example calls
 * `PurchaseType`: `Status` is read as the status and `PurchaseType` as the purchase type.
 */
export const serviceSchema = v.pipe(
  v.looseObject({
    ID: num,
    Title: text,
    Description: text,
    ShortDescription: text,
    DateStart: v.nullish(num),
    DateEnd: v.nullish(num),
    Type: v.nullish(num, 0),
    Status: v.nullish(num, 0),
    PurchaseType: v.optional(v.unknown()),
    CanWatch: canWatchSchema,
    CanAcquire: v.nullish(bool, false),
    ChildCount: v.nullish(num, 0),
    Upgrade: numberList,
    Incompatible: numberList,
    RequiredDays: v.nullish(num, 0),
  }),
  v.transform(
    (s): Service => ({
      id: s.ID,
      title: s.Title,
      description: s.Description,
      shortDescription: s.ShortDescription,
      ...(s.DateStart != null ? { dateStart: s.DateStart } : {}),
      ...(s.DateEnd != null ? { dateEnd: s.DateEnd } : {}),
      type: s.Type,
      status: s.Status,
      purchaseType: purchaseTypeOf(s.PurchaseType),
      canWatch: {
        isOwned: s.CanWatch.IsOwned ?? false,
        ...(s.CanWatch.PurchaseDate != null ? { purchaseDate: s.CanWatch.PurchaseDate } : {}),
        ...(s.CanWatch.Price != null ? { price: s.CanWatch.Price } : {}),
        ...(s.CanWatch.Currency != null ? { currency: s.CanWatch.Currency } : {}),
      },
      canAcquire: s.CanAcquire,
      childCount: s.ChildCount,
      upgrade: s.Upgrade,
      incompatible: s.Incompatible,
      requiredDays: s.RequiredDays,
    }),
  ),
)

/** GetUserTimestamps (document 000) and GetServices (document 001). Both are reads, retried on failure. */
export const userdataMethods = (call: EnvelopeCall, logger: ApiLogger) => ({
  getUserTimestamps: (options: CallOptions = {}): Promise<Stamps> =>
    call('GetUserTimestamps', {}, (c) => parseDocument(stampsSchema, c, 'GetUserTimestamps Content'), {
      ...options,
      idempotent: true,
    }),

  getServices: (options: CallOptions = {}): Promise<Service[]> =>
    call(
      'GetServices',
      {},
      (c) =>
        parseItems(serviceSchema, parseDocument(anyList, c, 'GetServices Content'), 'GetServices', logger),
      { ...options, idempotent: true },
    ),
})
