import type { Product } from './products'
import { DAY, type UnixSeconds } from './time'

/** Document 003's licence statuses; an unknown one is kept as 'unknown' and grants nothing. */
export type LicenceStatus =
  | 'PROCESSING'
  | 'CHECK_INVALID'
  | 'ORDER_ERROR'
  | 'ACTIVE'
  | 'EXPIRED'
  | 'SUSPENDED'
  | 'SUSPENDEDADMIN'
  | 'unknown'

export const LICENCE_STATUSES: readonly Exclude<LicenceStatus, 'unknown'>[] = [
  'PROCESSING',
  'CHECK_INVALID',
  'ORDER_ERROR',
  'ACTIVE',
  'EXPIRED',
  'SUSPENDED',
  'SUSPENDEDADMIN',
]

export interface Licence {
  id: string
  productId: string
  status: LicenceStatus
  /** When the licence was activated. */
  start: UnixSeconds
  /** When it is deactivated; null when it has no end. */
  end: UnixSeconds | null
  /** The product, when the response included it. */
  product?: Product
}

/** What a status means to a viewer, so that screens need not know the operator's codes. */
export type LicenceMeaning =
  | 'active'
  | 'upcoming'
  | 'pending'
  | 'failed'
  | 'expired'
  | 'suspended'
  | 'unknown'

export const DEFAULT_EXPIRES_SOON_DAYS = 7

/** Only an ACTIVE licence within its dates grants anything. */
export const licenceGrantsAt = (licence: Licence, now: UnixSeconds): boolean =>
  licence.status === 'ACTIVE' && licence.start <= now && (licence.end === null || now < licence.end)

export const licenceMeaning = (licence: Licence, now: UnixSeconds): LicenceMeaning => {
  switch (licence.status) {
    case 'ACTIVE':
      if (now < licence.start) return 'upcoming'
      // The server may not have flipped it to EXPIRED yet; the viewer must not be told it is active.
      if (licence.end !== null && now >= licence.end) return 'expired'
      return 'active'
    case 'PROCESSING':
      return 'pending'
    case 'CHECK_INVALID':
    case 'ORDER_ERROR':
      return 'failed'
    case 'EXPIRED':
      return 'expired'
    case 'SUSPENDED':
    case 'SUSPENDEDADMIN':
      return 'suspended'
    default:
      return 'unknown'
  }
}

/** Whole days left before a granting licence ends (rounded up); undefined when it has no end or grants nothing. */
export const daysLeft = (licence: Licence, now: UnixSeconds): number | undefined =>
  licence.end === null || !licenceGrantsAt(licence, now) ? undefined : Math.ceil((licence.end - now) / DAY)

/** A granting licence that ends within `thresholdDays` ("close to expire", document 003). */
export const expiresSoon = (
  licence: Licence,
  now: UnixSeconds,
  thresholdDays: number = DEFAULT_EXPIRES_SOON_DAYS,
): boolean =>
  licence.end !== null && licenceGrantsAt(licence, now) && licence.end - now <= thresholdDays * DAY

export interface LicenceView {
  meaning: LicenceMeaning
  grants: boolean
  expiresSoon: boolean
  daysLeft?: number
}

export const viewLicence = (
  licence: Licence,
  now: UnixSeconds,
  thresholdDays: number = DEFAULT_EXPIRES_SOON_DAYS,
): LicenceView => {
  const left = daysLeft(licence, now)
  return {
    meaning: licenceMeaning(licence, now),
    grants: licenceGrantsAt(licence, now),
    expiresSoon: expiresSoon(licence, now, thresholdDays),
    ...(left !== undefined ? { daysLeft: left } : {}),
  }
}

/**
 * Statuses that need words for the viewer: what it means and what to do. PROCESSING: the
 * order is being confirmed, wait; ORDER_ERROR: the order failed, nothing was charged, try
 * again or call; CHECK_INVALID: the operator could not verify the order, call; SUSPENDED:
 * paused (e.g. unpaid), settle the bill; SUSPENDEDADMIN: paused by the operator, call.
 */
export type LicenceAdvice = 'processing' | 'orderError' | 'checkInvalid' | 'suspended' | 'suspendedAdmin'

export const licenceAdvice = (licence: Licence): LicenceAdvice | undefined => {
  switch (licence.status) {
    case 'PROCESSING':
      return 'processing'
    case 'ORDER_ERROR':
      return 'orderError'
    case 'CHECK_INVALID':
      return 'checkInvalid'
    case 'SUSPENDED':
      return 'suspended'
    case 'SUSPENDEDADMIN':
      return 'suspendedAdmin'
    default:
      return undefined
  }
}

/** The filters of "My products": everything, or one operator status (document 003). */
export type LicenceFilter = 'all' | Exclude<LicenceStatus, 'unknown'>

export const filterLicences = <L extends Licence>(licences: readonly L[], filter: LicenceFilter): L[] =>
  filter === 'all' ? [...licences] : licences.filter((l) => l.status === filter)

/** The filters worth offering: "all" and each status the user has, in the document's order. */
export const licenceFilters = (licences: readonly Licence[]): LicenceFilter[] => [
  'all',
  ...LICENCE_STATUSES.filter((s) => licences.some((l) => l.status === s)),
]

/** A licence with its product: the one the response included, else the catalogue's. */
export interface OwnedProduct {
  licence: Licence
  product: Product | undefined
  view: LicenceView
}

const ORDER: Record<LicenceMeaning, number> = {
  pending: 0,
  failed: 1,
  suspended: 2,
  active: 3,
  upcoming: 4,
  expired: 5,
  unknown: 6,
}

/**
 * "My products": licences joined with their products (document 003: "combined with its
 * associated products by id"), what needs attention first (pending, failed, suspended), then
 * what the viewer has, ending soonest first, then the past, newest first.
 */
export const ownedProducts = (
  licences: readonly Licence[],
  catalogue: readonly Product[],
  now: UnixSeconds,
  thresholdDays: number = DEFAULT_EXPIRES_SOON_DAYS,
): OwnedProduct[] => {
  const byId = new Map(catalogue.map((p) => [p.id, p]))
  const ends = (l: Licence): number => l.end ?? Number.POSITIVE_INFINITY
  return licences
    .map((licence) => ({
      licence,
      product: licence.product ?? byId.get(licence.productId),
      view: viewLicence(licence, now, thresholdDays),
    }))
    .sort((a, b) => {
      const byMeaning = ORDER[a.view.meaning] - ORDER[b.view.meaning]
      if (byMeaning !== 0) return byMeaning
      if (a.view.meaning === 'expired') return ends(b.licence) - ends(a.licence)
      return ends(a.licence) - ends(b.licence)
    })
}
