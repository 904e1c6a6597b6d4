import { DAY, type UnixSeconds } from './time'

/** Document 001's SubscriptionPurchaseType (BottomUp, TD, Both); the example's 3 is Both. */
export type PurchaseType = 'bottomUp' | 'topDown' | 'both' | 'unknown'

/** Document 001's CanWatch, which it names but never defines (see docs/API.md for Kanal's shape). */
export interface CanWatch {
  isOwned: boolean
  purchaseDate?: UnixSeconds
  price?: number
  currency?: string
}

/** A Service / Subscription of document 001 (nPVR, rPVR, RestartTV...). */
export interface Service {
  id: number
  title: string
  description: string
  shortDescription: string
  /** Commercialisation window: out of it the subscription cannot be bought. Absent: unbounded. */
  dateStart?: UnixSeconds
  dateEnd?: UnixSeconds
  /** SubscriptionType and SubscriptionStatus codes; the document does not list their values. */
  type: number
  status: number
  purchaseType: PurchaseType
  canWatch: CanWatch
  canAcquire: boolean
  childCount: number
  /** Subscriptions this one upgrades into. */
  upgrade: readonly number[]
  incompatible: readonly number[]
  /** Days after buying this one before an upgrade from it is allowed. */
  requiredDays: number
}

export type PurchaseRefusal =
  | { reason: 'notOnSale'; from?: UnixSeconds; until?: UnixSeconds }
  | { reason: 'owned' }
  | { reason: 'incompatible'; with: number }
  | { reason: 'upgradeTooEarly'; from: number; availableFrom: UnixSeconds }
  | { reason: 'refused' }

export type PurchaseEligibility = { canBuy: true } | ({ canBuy: false } & PurchaseRefusal)

const owned = (services: readonly Service[]): Service[] => services.filter((s) => s.canWatch.isOwned)

/**
 * Whether `service` can be bought at `now`, and if not why, given all services (with the
 * user's CanWatch). Document 001's rules: commercialisation dates; not already owned; not
 * Incompatible (either way) with something owned, except the subscription it upgrades from,
 * which the purchase replaces; an upgrade only after the owned one's RequiredDays since its
 * purchase, with the date it becomes possible. The server's CanAcquire has the last word:
 * when it says no and no rule here explains why, the answer is a plain refusal.
 */
export const purchaseEligibility = (
  service: Service,
  services: readonly Service[],
  now: UnixSeconds,
): PurchaseEligibility => {
  if (
    (service.dateStart !== undefined && now < service.dateStart) ||
    (service.dateEnd !== undefined && now > service.dateEnd)
  ) {
    return {
      canBuy: false,
      reason: 'notOnSale',
      ...(service.dateStart !== undefined ? { from: service.dateStart } : {}),
      ...(service.dateEnd !== undefined ? { until: service.dateEnd } : {}),
    }
  }
  if (service.canWatch.isOwned) return { canBuy: false, reason: 'owned' }
  const mine = owned(services)
  for (const other of mine) {
    if (other.upgrade.includes(service.id)) continue
    if (service.incompatible.includes(other.id) || other.incompatible.includes(service.id)) {
      return { canBuy: false, reason: 'incompatible', with: other.id }
    }
  }
  for (const other of mine) {
    if (!other.upgrade.includes(service.id)) continue
    // Without a purchase date the wait cannot be computed: CanAcquire below decides.
    if (other.canWatch.purchaseDate === undefined) continue
    const availableFrom = other.canWatch.purchaseDate + other.requiredDays * DAY
    if (now < availableFrom)
      return { canBuy: false, reason: 'upgradeTooEarly', from: other.id, availableFrom }
  }
  if (!service.canAcquire) return { canBuy: false, reason: 'refused' }
  return { canBuy: true }
}

/** Whether buying `service` replaces something owned (an upgrade), and what. */
export const upgradesFrom = (service: Service, services: readonly Service[]): Service[] =>
  owned(services).filter((s) => s.upgrade.includes(service.id))

/**
 * What the store does with a subscription for this user at `now`. The rule: only what
 * can be bought is offered; an upgrade that waits for RequiredDays is shown with the date it
 * becomes possible; what the user owns is shown as theirs. Everything else (incompatible with
 * something owned, out of its commercialisation dates, refused by the server) is not offered.
 */
export type ServiceOffer =
  | { kind: 'buy'; replaces: readonly number[] }
  | { kind: 'owned' }
  | { kind: 'later'; availableFrom: UnixSeconds; upgradesFrom: number }
  | { kind: 'hidden'; reason: 'notOnSale' | 'incompatible' | 'refused' }

export const serviceOffer = (
  service: Service,
  services: readonly Service[],
  now: UnixSeconds,
): ServiceOffer => {
  const eligibility = purchaseEligibility(service, services, now)
  if (eligibility.canBuy) {
    return { kind: 'buy', replaces: upgradesFrom(service, services).map((s) => s.id) }
  }
  switch (eligibility.reason) {
    case 'owned':
      return { kind: 'owned' }
    case 'upgradeTooEarly':
      return { kind: 'later', availableFrom: eligibility.availableFrom, upgradesFrom: eligibility.from }
    default:
      return { kind: 'hidden', reason: eligibility.reason }
  }
}

/** The subscriptions the store shows (bought, buyable, or an upgrade with its date), in catalogue order. */
export const offeredServices = (
  services: readonly Service[],
  now: UnixSeconds,
): { service: Service; offer: Exclude<ServiceOffer, { kind: 'hidden' }> }[] =>
  services.flatMap((service) => {
    const offer = serviceOffer(service, services, now)
    return offer.kind === 'hidden' ? [] : [{ service, offer }]
  })
