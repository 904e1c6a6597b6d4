import type { Sim } from './context'
import { SimError, bool } from './context'
import { productByPackageId } from './products'
import { recordChange } from './accountChanges'
import { bumpStamp } from './stamps'
import { userOfCustomer, type UserRow } from './users'
import { LIMITS } from '../limits'

/** An error of document 002's table: HTTP status, code (the table's "Message") and message. */
export class SubscriptionError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message)
  }
}

const E = {
  noIptv: () => new SubscriptionError(403, 'customer', 'Customer does not have the IPTV'),
  noNpvr: () => new SubscriptionError(403, 'nPvr.override', 'nPvr is not available'),
  storage: () => new SubscriptionError(422, 'nPvr.storage', 'Storage size must be between 1 and 999'),
  expire: () => new SubscriptionError(422, 'nPvr.autoExpireDays', 'Number of days must be between 1 and 365'),
  unknownPackage: () => new SubscriptionError(404, 'packages[]._id', 'Package not found'),
  duplicate: () => new SubscriptionError(409, 'packages[]._id', 'Package can only be included once'),
  twoMains: () => new SubscriptionError(409, 'packages[]._id', 'Only 1 main package is allowed'),
  tooFar: () =>
    new SubscriptionError(409, 'packages[].end', 'Date is too far into the future - max 12 months'),
  endBeforeStart: () => new SubscriptionError(422, 'packages[].end', 'End date cannot be before start date'),
  accessDenied: () => new SubscriptionError(403, 'access_denied', 'Insufficient access level'),
  internal: () => new SubscriptionError(500, 'internal_error', '<Unspecified>'),
  unknownCustomer: () => new SubscriptionError(404, 'customer', 'Customer not found'),
  type: (code: string, what: string) => new SubscriptionError(422, code, `Must be ${what}`),
}
export const subscriptionErrors = E

export interface SettingsWire {
  _id: string
  nPvr: { override: boolean; enabled?: boolean; storage?: number; autoExpireDays?: number }
  scrub: { override: boolean; forward?: boolean; backward?: boolean; pause?: boolean }
  packages: { _id: string; start?: string; end?: string }[]
}

/** A validated request body: absent members are left alone, null ones are cleared. */
export interface SettingsPatch {
  nPvr?: {
    override?: boolean
    enabled?: boolean | null
    storage?: number | null
    autoExpireDays?: number | null
  }
  scrub?: { override?: boolean; forward?: boolean | null; backward?: boolean | null; pause?: boolean | null }
  packages?: { _id: string; startMs: number | null; endMs: number | null }[]
}

interface CustomerRow {
  id: string
  settings_id: string
  reseller_id: string
  has_iptv: number
  npvr_override: number
  npvr_enabled: number | null
  npvr_storage: number | null
  npvr_auto_expire_days: number | null
  scrub_override: number
  scrub_forward: number | null
  scrub_backward: number | null
  scrub_pause: number | null
}

interface ResellerRow {
  id: string
  npvr_available: number
  npvr_enabled: number
  npvr_storage: number
  npvr_auto_expire_days: number
  customer_may_override: number
}

interface PackageRow {
  package_id: string
  start_ms: number | null
  end_ms: number | null
  added_at: number
}

const getCustomer = (sim: Sim, id: string): CustomerRow | undefined =>
  sim.db.prepare<[string], CustomerRow>('SELECT * FROM customers WHERE id = ?').get(id)

const getReseller = (sim: Sim, id: string): ResellerRow => {
  const r = sim.db.prepare<[string], ResellerRow>('SELECT * FROM resellers WHERE id = ?').get(id)
  if (!r) throw E.internal()
  return r
}

const packagesOf = (sim: Sim, customerId: string): PackageRow[] =>
  sim.db
    .prepare<
      [string],
      PackageRow
    >('SELECT package_id, start_ms, end_ms, added_at FROM subscription_packages WHERE customer_id = ? ORDER BY position')
    .all(customerId)

// ---- request body -------------------------------------------------------------------------

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)

const optBool = (o: Record<string, unknown>, key: string, code: string): boolean | null | undefined => {
  const v = o[key]
  if (v === undefined || v === null || typeof v === 'boolean') return v
  throw E.type(code, 'a boolean')
}

const optRange = (
  v: unknown,
  min: number,
  max: number,
  err: () => SubscriptionError,
): number | null | undefined => {
  if (v === undefined || v === null) return v
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) throw err()
  return v
}

const YEAR_MS = 365.25 * 24 * 3600 * 1000

/**
 * An ISO 8601 date within a few years of the operator clock (LIMITS): JavaScript parses dates up
 * to the year 275760, which no package plan means and later date arithmetic does not survive.
 */
const optDate = (v: unknown, code: string, nowMs: number): number | null => {
  if (v === undefined || v === null) return null
  const ms = typeof v === 'string' && v.length <= LIMITS.idChars ? Date.parse(v) : Number.NaN
  if (!Number.isFinite(ms)) throw E.type(code, 'an ISO 8601 date')
  if (ms > nowMs + LIMITS.dateYearsAhead * YEAR_MS || ms < nowMs - LIMITS.dateYearsBack * YEAR_MS)
    throw E.type(
      code,
      `a date at most ${LIMITS.dateYearsAhead} years ahead and ${LIMITS.dateYearsBack} years back`,
    )
  return ms
}

/**
 * Checks the shape of a body and the ranges of document 002's table (422). The rules that need
 * the database (404/409/403) come later, in the table's order.
 */
export const parseSettingsBody = (body: unknown, nowMs: number): SettingsPatch => {
  if (!isObject(body)) throw E.type('body', 'a JSON object')
  const patch: SettingsPatch = {}
  if (body.nPvr !== undefined) {
    if (!isObject(body.nPvr)) throw E.type('nPvr', 'an object')
    const n = body.nPvr
    const override = optBool(n, 'override', 'nPvr.override')
    patch.nPvr = {
      override: override ?? undefined,
      enabled: optBool(n, 'enabled', 'nPvr.enabled'),
      storage: optRange(n.storage, 1, 999, E.storage),
      autoExpireDays: optRange(n.autoExpireDays, 1, 365, E.expire),
    }
  }
  if (body.scrub !== undefined) {
    if (!isObject(body.scrub)) throw E.type('scrub', 'an object')
    const s = body.scrub
    // Document 002's own example writes "backwars": accepted, never sent.
    const backward = s.backward !== undefined ? s.backward : s.backwars
    const override = optBool(s, 'override', 'scrub.override')
    patch.scrub = {
      override: override ?? undefined,
      forward: optBool(s, 'forward', 'scrub.forward'),
      backward: optBool({ backward }, 'backward', 'scrub.backward'),
      pause: optBool(s, 'pause', 'scrub.pause'),
    }
  }
  if (body.packages !== undefined) {
    if (!Array.isArray(body.packages)) throw E.type('packages', 'an array')
    if (body.packages.length > LIMITS.packages)
      throw E.type('packages', `an array of at most ${LIMITS.packages} packages`)
    patch.packages = body.packages.map((p: unknown) => {
      if (!isObject(p)) throw E.type('packages[]', 'an object')
      if (typeof p._id !== 'string' || p._id === '' || p._id.length > LIMITS.idChars)
        throw E.type('packages[]._id', `a string of at most ${LIMITS.idChars} characters`)
      return {
        _id: p._id,
        startMs: optDate(p.start, 'packages[].start', nowMs),
        endMs: optDate(p.end, 'packages[].end', nowMs),
      }
    })
  }
  return patch
}

// ---- access ------------------------------------------------------------------------------

/**
 * Document 002 gives the update to RESELLER (for its own IPTVPRIVATE customers) and ADMIN.
 * Kanal adds what a set-top box needs: a customer may read its own settings and change its
 * own nPvr values when its reseller allows overriding; scrub and packages stay with the
 * reseller and the admin.
 */
interface Touched {
  nPvr: boolean
  scrub: boolean
  packages: boolean
}

const checkAccess = (sim: Sim, actor: UserRow, customer: CustomerRow, patch: Touched | undefined): void => {
  if (actor.role === 'admin') return
  if (actor.role === 'reseller') {
    if (actor.reseller_id !== customer.reseller_id) throw E.accessDenied()
    return
  }
  if (actor.customer_id !== customer.id) throw E.accessDenied()
  if (!patch) return
  if (patch.scrub || patch.packages) throw E.accessDenied()
  if (patch.nPvr && !bool(getReseller(sim, customer.reseller_id).customer_may_override)) {
    throw E.accessDenied()
  }
}

const findCustomer = (sim: Sim, actor: UserRow, customerId: string): CustomerRow => {
  const customer = getCustomer(sim, customerId)
  // Only the admin learns that a customer does not exist; others are simply refused.
  if (!customer) throw actor.role === 'admin' ? E.unknownCustomer() : E.accessDenied()
  return customer
}

// ---- reading -----------------------------------------------------------------------------

export interface EffectiveNpvr {
  available: boolean
  enabled: boolean
  storageHours: number
  autoExpireDays: number
}

/** A stored row that breaks the table's own rules is an internal error, not something to send. */
const assertSane = (c: CustomerRow, r: ResellerRow): void => {
  const inRange = (v: number | null, min: number, max: number): boolean =>
    v === null || (v >= min && v <= max)
  if (
    !inRange(c.npvr_storage, 1, 999) ||
    !inRange(c.npvr_auto_expire_days, 1, 365) ||
    !inRange(r.npvr_storage, 1, 999) ||
    !inRange(r.npvr_auto_expire_days, 1, 365)
  ) {
    throw E.internal()
  }
}

const effective = (c: CustomerRow, r: ResellerRow): EffectiveNpvr => {
  const own = bool(c.npvr_override)
  return {
    available: bool(r.npvr_available),
    enabled:
      bool(r.npvr_available) &&
      (own && c.npvr_enabled !== null ? bool(c.npvr_enabled) : bool(r.npvr_enabled)),
    storageHours: own && c.npvr_storage !== null ? c.npvr_storage : r.npvr_storage,
    autoExpireDays:
      own && c.npvr_auto_expire_days !== null ? c.npvr_auto_expire_days : r.npvr_auto_expire_days,
  }
}

export const effectiveNpvr = (sim: Sim, customerId: string | null): EffectiveNpvr | undefined => {
  if (customerId === null) return undefined
  const c = getCustomer(sim, customerId)
  if (!c || !bool(c.has_iptv)) return undefined
  const r = getReseller(sim, c.reseller_id)
  assertSane(c, r)
  return effective(c, r)
}

const toWire = (sim: Sim, c: CustomerRow): SettingsWire => {
  const r = getReseller(sim, c.reseller_id)
  assertSane(c, r)
  const e = effective(c, r)
  const nPvr: SettingsWire['nPvr'] = e.available
    ? {
        override: bool(c.npvr_override),
        enabled: e.enabled,
        storage: e.storageHours,
        autoExpireDays: e.autoExpireDays,
      }
    : { override: false, enabled: false }
  const scrub: SettingsWire['scrub'] = { override: bool(c.scrub_override) }
  if (scrub.override) {
    if (c.scrub_forward !== null) scrub.forward = bool(c.scrub_forward)
    if (c.scrub_backward !== null) scrub.backward = bool(c.scrub_backward)
    if (c.scrub_pause !== null) scrub.pause = bool(c.scrub_pause)
  }
  const packages = packagesOf(sim, c.id).map((p) => {
    const out: SettingsWire['packages'][number] = { _id: p.package_id }
    if (p.start_ms !== null) out.start = new Date(p.start_ms).toISOString()
    if (p.end_ms !== null) out.end = new Date(p.end_ms).toISOString()
    return out
  })
  return { _id: c.settings_id, nPvr, scrub, packages }
}

export const readSettings = (sim: Sim, actor: UserRow, customerId: string): SettingsWire => {
  const customer = findCustomer(sim, actor, customerId)
  checkAccess(sim, actor, customer, undefined)
  if (!bool(customer.has_iptv)) throw E.noIptv()
  return toWire(sim, customer)
}

// ---- writing -----------------------------------------------------------------------------

const checkPackages = (sim: Sim, packages: NonNullable<SettingsPatch['packages']>): void => {
  const products = packages.map((p) => productByPackageId(sim, p._id))
  if (products.some((p) => p === undefined)) throw E.unknownPackage()
  const ids = packages.map((p) => p._id)
  if (new Set(ids).size !== ids.length) throw E.duplicate()
  if (products.filter((p) => p !== undefined && bool(p.is_main)).length > 1) throw E.twoMains()
  const now = sim.clock.nowMs()
  const limit = new Date(now)
  limit.setUTCMonth(limit.getUTCMonth() + 12)
  for (const p of packages) {
    if (p.endMs !== null && p.endMs > limit.getTime()) throw E.tooFar()
    if (p.endMs !== null && p.endMs < (p.startMs ?? now)) throw E.endBeforeStart()
  }
}

const applyNpvr = (sim: Sim, c: CustomerRow, n: NonNullable<SettingsPatch['nPvr']>): void => {
  if (n.override === false) {
    // Without an override the reseller's values apply: the customer's own are cleared.
    sim.db
      .prepare(
        'UPDATE customers SET npvr_override = 0, npvr_enabled = NULL, npvr_storage = NULL, npvr_auto_expire_days = NULL WHERE id = ?',
      )
      .run(c.id)
    return
  }
  const pick = <T>(v: T | null | undefined, current: T | null): T | null => (v === undefined ? current : v)
  sim.db
    .prepare(
      'UPDATE customers SET npvr_override = 1, npvr_enabled = ?, npvr_storage = ?, npvr_auto_expire_days = ? WHERE id = ?',
    )
    .run(
      pick(n.enabled === undefined || n.enabled === null ? n.enabled : n.enabled ? 1 : 0, c.npvr_enabled),
      pick(n.storage, c.npvr_storage),
      pick(n.autoExpireDays, c.npvr_auto_expire_days),
      c.id,
    )
}

const applyScrub = (sim: Sim, c: CustomerRow, s: NonNullable<SettingsPatch['scrub']>): void => {
  if (s.override === false) {
    sim.db
      .prepare(
        'UPDATE customers SET scrub_override = 0, scrub_forward = NULL, scrub_backward = NULL, scrub_pause = NULL WHERE id = ?',
      )
      .run(c.id)
    return
  }
  const pick = (v: boolean | null | undefined, current: number | null): number | null =>
    v === undefined ? current : v === null ? null : v ? 1 : 0
  sim.db
    .prepare(
      'UPDATE customers SET scrub_override = 1, scrub_forward = ?, scrub_backward = ?, scrub_pause = ? WHERE id = ?',
    )
    .run(
      pick(s.forward, c.scrub_forward),
      pick(s.backward, c.scrub_backward),
      pick(s.pause, c.scrub_pause),
      c.id,
    )
}

/**
 * "Arrays must always be complete": the list replaces the customer's packages. Each package
 * is a product (products.package_id), so the customer's user gets one licence per package,
 * valid from start (default: when it was added) to end; a package that leaves the list ends
 * its licence now.
 */
const applyPackages = (sim: Sim, c: CustomerRow, packages: NonNullable<SettingsPatch['packages']>): void => {
  const nowMs = sim.clock.nowMs()
  const now = sim.clock.now()
  const before = new Map(packagesOf(sim, c.id).map((p) => [p.package_id, p]))
  sim.db.prepare('DELETE FROM subscription_packages WHERE customer_id = ?').run(c.id)
  const insert = sim.db.prepare(
    'INSERT INTO subscription_packages (customer_id, position, package_id, start_ms, end_ms, added_at) VALUES (?, ?, ?, ?, ?, ?)',
  )
  packages.forEach((p, i) =>
    insert.run(c.id, i, p._id, p.startMs, p.endMs, before.get(p._id)?.added_at ?? nowMs),
  )

  const user = userOfCustomer(sim, c.id)
  if (!user) return
  const kept = new Set(packages.map((p) => p._id))
  for (const [packageId] of before) {
    if (kept.has(packageId)) continue
    const product = productByPackageId(sim, packageId)
    if (!product) continue
    const r = sim.db
      .prepare(
        `UPDATE licences SET status = 'EXPIRED', stop_date = ? WHERE user_id = ? AND product_id = ? AND source = 'package'
         AND status = 'ACTIVE'`,
      )
      .run(now, user.id, product.id)
    if (r.changes > 0) {
      recordChange(sim, user.id, 'SERVICE_REMOVED', {
        serviceId: `product-${product.id}`,
        serviceName: product.title,
      })
    }
  }
  for (const p of packages) {
    const product = productByPackageId(sim, p._id)
    if (!product) continue
    const start = Math.floor((p.startMs ?? before.get(p._id)?.added_at ?? nowMs) / 1000)
    const stop = p.endMs === null ? null : Math.floor(p.endMs / 1000)
    const status = stop !== null && stop <= now ? 'EXPIRED' : 'ACTIVE'
    const existing = sim.db
      .prepare<
        [string, string],
        { id: number; status: string }
      >("SELECT id, status FROM licences WHERE user_id = ? AND product_id = ? AND source = 'package' ORDER BY id DESC")
      .get(user.id, product.id)
    if (existing) {
      const keepStatus = existing.status === 'SUSPENDED' || existing.status === 'SUSPENDEDADMIN'
      sim.db
        .prepare('UPDATE licences SET start_date = ?, stop_date = ?, status = ? WHERE id = ?')
        .run(start, stop, keepStatus ? existing.status : status, existing.id)
    } else {
      sim.db
        .prepare(
          `INSERT INTO licences (user_id, product_id, status, start_date, stop_date, created_at, source)
           VALUES (?, ?, ?, ?, ?, ?, 'package')`,
        )
        .run(user.id, product.id, status, start, stop, now)
      if (status === 'ACTIVE') {
        recordChange(sim, user.id, 'SERVICE_ADDED', {
          serviceId: `product-${product.id}`,
          serviceName: product.title,
        })
      }
    }
  }
}

/**
 * Document 002's update, checked in the order of its error table (access first, then customer,
 * nPvr.override, the ranges, the packages), applied in one transaction.
 */
export const updateSettings = (sim: Sim, actor: UserRow, customerId: string, body: unknown): SettingsWire => {
  if (!isObject(body)) throw E.type('body', 'a JSON object')
  const touched: Touched = {
    nPvr: body.nPvr !== undefined,
    scrub: body.scrub !== undefined,
    packages: body.packages !== undefined,
  }
  const customer = findCustomer(sim, actor, customerId)
  checkAccess(sim, actor, customer, touched)
  if (!bool(customer.has_iptv)) throw E.noIptv()
  const reseller = getReseller(sim, customer.reseller_id)
  if (touched.nPvr && !bool(reseller.npvr_available)) throw E.noNpvr()
  const patch = parseSettingsBody(body, sim.clock.nowMs())
  if (patch.packages !== undefined) checkPackages(sim, patch.packages)

  return sim.db.transaction(() => {
    if (patch.nPvr !== undefined) applyNpvr(sim, customer, patch.nPvr)
    if (patch.scrub !== undefined) applyScrub(sim, customer, patch.scrub)
    if (patch.packages !== undefined) applyPackages(sim, customer, patch.packages)
    const after = getCustomer(sim, customer.id)
    if (!after) throw E.internal()
    const user = userOfCustomer(sim, customer.id)
    if (user && (patch.nPvr !== undefined || patch.scrub !== undefined || patch.packages !== undefined)) {
      // A change of what the customer subscribes to is a "service (de)activated" of document 000.
      bumpStamp(sim, user.id, 'user')
      // nPvr quota and auto-expiry are part of what GetRecordings returns.
      if (patch.nPvr !== undefined) {
        bumpStamp(sim, user.id, 'recordings')
        recordChange(sim, user.id, 'SERVICE_RECONFIGURED', {
          serviceId: 'npvr',
          serviceName: 'Cloud recording (nPVR)',
        })
      }
    }
    return toWire(sim, after)
  })()
}

/** QA: breaks a customer's stored settings so that reading them is an internal error. */
export const corruptSettings = (sim: Sim, customerId: string): void => {
  const r = sim.db
    .prepare('UPDATE customers SET npvr_override = 1, npvr_storage = -1 WHERE id = ?')
    .run(customerId)
  if (r.changes === 0) throw new SimError('notFound', `No customer ${customerId}`)
}
