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
