import type { Sim } from './context'
import { SimError, bool } from './context'
import { recordChange } from './accountChanges'
import { bumpStamp } from './stamps'
import type { UserRow } from './users'

export interface ServiceRow {
  id: number
  title: string
  description: string
  short_description: string
  date_start: number
  date_end: number
  type: number
  status: number
  purchase_type: number
  required_days: number
  child_count: number
  is_ott: number
  is_iptv: number
  price_cents: number
  currency: string
}

/** Document 001's Service, with the member set of its example (deprecated ones included). */
export interface ServiceWire {
  ID: number
  Title: string
  Description: string
  ShortDescription: string
  DateStart: number
  DateEnd: number
  Type: number
  Status: number
  TrialDays: number
  Images: unknown[]
  ResizableImages: unknown[]
  PurchaseType: number
  CanWatch: { IsOwned: boolean; PurchaseDate?: number; Price?: number; Currency?: string }
  CanAcquire: boolean
  HaveVoDAccess: boolean
  ChildCount: number
  IsOtt: boolean
  IsIptv: boolean
  IsHybrid: boolean
  Upgrade: number[]
  Incompatible: number[]
  RequiredDays: number
}

interface Relations {
  upgrade: Map<number, number[]>
  incompatible: Map<number, number[]>
}

const relations = (sim: Sim): Relations => {
  const out: Relations = { upgrade: new Map(), incompatible: new Map() }
  const rows = sim.db
    .prepare<
      [],
      { service_id: number; related_id: number; kind: 'upgrade' | 'incompatible' }
    >('SELECT service_id, related_id, kind FROM service_relations ORDER BY service_id, related_id')
    .all()
  for (const r of rows) {
    const map = out[r.kind]
    map.set(r.service_id, [...(map.get(r.service_id) ?? []), r.related_id])
  }
  return out
}

const owned = (sim: Sim, userId: string): Map<number, number> =>
  new Map(
    sim.db
      .prepare<[string], { service_id: number; purchased_at: number }>(
        'SELECT service_id, purchased_at FROM user_services WHERE user_id = ?',
      )
      .all(userId)
      .map((r) => [r.service_id, r.purchased_at]),
  )

const hasIptv = (sim: Sim, user: UserRow): boolean =>
  user.customer_id !== null &&
  sim.db
    .prepare<[string], { has_iptv: number }>('SELECT has_iptv FROM customers WHERE id = ?')
    .get(user.customer_id)?.has_iptv === 1

type Refusal = { kind: 'notAllowed' | 'conflict'; message: string; details?: Record<string, unknown> }

/**
 * Why the user may not buy a service now, or undefined when it may. Upgrade and RequiredDays
 * as document 001 describes them: owning S with T in S.Upgrade, T can be bought only once
 * S.RequiredDays have passed since S was bought; buying T then replaces S.
 */
const refusal = (
  sim: Sim,
  user: UserRow,
  s: ServiceRow,
  rel: Relations,
  mine: Map<number, number>,
): Refusal | undefined => {
  const now = sim.clock.now()
  if (now < s.date_start || now > s.date_end)
    return { kind: 'notAllowed', message: 'This subscription is not on sale' }
  if (mine.has(s.id)) return { kind: 'conflict', message: 'This subscription is already owned' }
  if (bool(s.is_iptv) && !hasIptv(sim, user))
    return { kind: 'notAllowed', message: 'The customer has no IPTV' }
  for (const other of mine.keys()) {
    // Upgrading replaces the subscription it upgrades, so that one does not count as a clash.
    if ((rel.upgrade.get(other) ?? []).includes(s.id)) continue
    const clash =
      (rel.incompatible.get(s.id) ?? []).includes(other) || (rel.incompatible.get(other) ?? []).includes(s.id)
    if (clash)
      return {
        kind: 'conflict',
        message: `Incompatible with subscription ${other}`,
        details: { With: other },
      }
  }
  for (const [other, boughtAt] of mine) {
    if (!(rel.upgrade.get(other) ?? []).includes(s.id)) continue
    const from = getService(sim, other)
    const availableFrom = boughtAt + (from?.required_days ?? 0) * 86400
    if (now < availableFrom) {
      return {
        kind: 'notAllowed',
        message: `An upgrade from subscription ${other} is possible from ${new Date(availableFrom * 1000).toISOString()}`,
        details: { AvailableFrom: availableFrom },
      }
    }
  }
  return undefined
}

export const getService = (sim: Sim, id: number): ServiceRow | undefined =>
  sim.db.prepare<[number], ServiceRow>('SELECT * FROM services WHERE id = ?').get(id)

export const listServices = (sim: Sim, user: UserRow): ServiceWire[] => {
  const rel = relations(sim)
  const mine = owned(sim, user.id)
  return sim.db
    .prepare<[], ServiceRow>('SELECT * FROM services ORDER BY id')
    .all()
    .map((s) => {
      const canAcquire = refusal(sim, user, s, rel, mine) === undefined
      const purchasedAt = mine.get(s.id)
      const canWatch: ServiceWire['CanWatch'] = { IsOwned: purchasedAt !== undefined }
      if (purchasedAt !== undefined) canWatch.PurchaseDate = purchasedAt
      canWatch.Price = s.price_cents / 100
      canWatch.Currency = s.currency
      return {
        ID: s.id,
        Title: s.title,
        Description: s.description,
        ShortDescription: s.short_description,
        DateStart: s.date_start,
        DateEnd: s.date_end,
        Type: s.type,
        Status: s.status,
        TrialDays: 0,
        Images: [],
        ResizableImages: [],
        PurchaseType: s.purchase_type,
        CanWatch: canWatch,
        CanAcquire: canAcquire,
        HaveVoDAccess: canAcquire,
        ChildCount: s.child_count,
        IsOtt: bool(s.is_ott),
        IsIptv: bool(s.is_iptv),
        IsHybrid: bool(s.is_ott) && bool(s.is_iptv),
        Upgrade: rel.upgrade.get(s.id) ?? [],
        Incompatible: rel.incompatible.get(s.id) ?? [],
        RequiredDays: s.required_days,
      }
    })
}

const serviceAttributes = (s: ServiceRow): { serviceId: string; serviceName: string } => ({
  serviceId: `service-${s.id}`,
  serviceName: s.title,
})

/** Adds a service to the user's account; an upgrade replaces the subscription it upgrades. */
export const grantService = (sim: Sim, user: UserRow, serviceId: number, check: boolean): void => {
  const s = getService(sim, serviceId)
  if (!s) throw new SimError('notFound', `No subscription ${serviceId}`)
  const rel = relations(sim)
  const mine = owned(sim, user.id)
  if (check) {
    const why = refusal(sim, user, s, rel, mine)
    if (why) throw new SimError(why.kind, why.message, why.details)
  } else if (mine.has(serviceId)) {
    return
  }
  const now = sim.clock.now()
  for (const other of mine.keys()) {
    if (!(rel.upgrade.get(other) ?? []).includes(serviceId)) continue
    const from = getService(sim, other)
    sim.db.prepare('DELETE FROM user_services WHERE user_id = ? AND service_id = ?').run(user.id, other)
    if (from) recordChange(sim, user.id, 'SERVICE_REMOVED', serviceAttributes(from))
  }
  sim.db
    .prepare('INSERT INTO user_services (user_id, service_id, purchased_at) VALUES (?, ?, ?)')
    .run(user.id, serviceId, now)
  recordChange(sim, user.id, 'SERVICE_ADDED', serviceAttributes(s))
  bumpStamp(sim, user.id, 'user')
}

export const revokeService = (sim: Sim, userId: string, serviceId: number): void => {
  const s = getService(sim, serviceId)
  const r = sim.db
    .prepare('DELETE FROM user_services WHERE user_id = ? AND service_id = ?')
    .run(userId, serviceId)
  if (!s || r.changes === 0) throw new SimError('notFound', `Subscription ${serviceId} is not owned`)
  recordChange(sim, userId, 'SERVICE_REMOVED', serviceAttributes(s))
  bumpStamp(sim, userId, 'user')
}
