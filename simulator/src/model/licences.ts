import type { Sim } from './context'
import { SimError } from './context'
import { getProduct, type ChannelService } from './products'
import { recordChange } from './accountChanges'
import { bumpStamp } from './stamps'

export type LicenceStatus =
  | 'PROCESSING'
  | 'CHECK_INVALID'
  | 'ORDER_ERROR'
  | 'ACTIVE'
  | 'EXPIRED'
  | 'SUSPENDED'
  | 'SUSPENDEDADMIN'

export interface LicenceRow {
  id: number
  user_id: string
  product_id: string
  status: LicenceStatus
  start_date: number
  stop_date: number | null
  created_at: number
  source: 'purchase' | 'package' | 'seed'
}

export const listLicences = (sim: Sim, userId: string): LicenceRow[] =>
  sim.db.prepare<[string], LicenceRow>('SELECT * FROM licences WHERE user_id = ? ORDER BY id').all(userId)

export const getLicence = (sim: Sim, userId: string, id: number): LicenceRow | undefined =>
  sim.db
    .prepare<[string, number], LicenceRow>('SELECT * FROM licences WHERE user_id = ? AND id = ?')
    .get(userId, id)

const serviceOf = (sim: Sim, productId: string): { serviceId: string; serviceName: string } => ({
  serviceId: `product-${productId}`,
  serviceName: getProduct(sim, productId)?.title ?? productId,
})

/** A purchase: the licence starts PROCESSING and is settled by the clock (see advanceLicences). */
export const purchaseProduct = (sim: Sim, userId: string, productId: string): LicenceRow => {
  const product = getProduct(sim, productId)
  if (!product) throw new SimError('notFound', `No product ${productId}`)
  const now = sim.clock.now()
  const current = sim.db
    .prepare<[string, string, number], { id: number }>(
      `SELECT id FROM licences WHERE user_id = ? AND product_id = ? AND (status = 'PROCESSING'
       OR (status = 'ACTIVE' AND (stop_date IS NULL OR stop_date > ?)))`,
    )
    .get(userId, productId, now)
  if (current)
    throw new SimError('conflict', `Product ${productId} is already owned`, { LicenseID: String(current.id) })
  const info = sim.db
    .prepare(
      `INSERT INTO licences (user_id, product_id, status, start_date, stop_date, created_at, source)
       VALUES (?, ?, 'PROCESSING', ?, ?, ?, 'purchase')`,
    )
    .run(userId, productId, now, now + product.duration_days * 86400, now)
  bumpStamp(sim, userId, 'user')
  const row = getLicence(sim, userId, Number(info.lastInsertRowid))
  if (!row) throw new Error('licence vanished')
  return row
}

export const expireLicence = (sim: Sim, userId: string, id: number): void => {
  const row = getLicence(sim, userId, id)
  if (!row) throw new SimError('notFound', `No licence ${id}`)
  if (row.status === 'EXPIRED') return
  const now = sim.clock.now()
  sim.db.prepare("UPDATE licences SET status = 'EXPIRED', stop_date = ? WHERE id = ?").run(now, id)
  bumpStamp(sim, userId, 'user')
  recordChange(sim, userId, 'SERVICE_REMOVED', serviceOf(sim, row.product_id))
}

/**
 * Settles what the clock has decided since the last look: PROCESSING purchases become ACTIVE
 * (or ORDER_ERROR for a product configured to fail) after the processing time, and ACTIVE
 * licences past their stop date become EXPIRED. Each is a "purchase status change" of
 * document 000, so the user-wide stamp moves.
 */
export const advanceLicences = (sim: Sim, userId: string): number => {
  const now = sim.clock.now()
  const wait = sim.config.licenceProcessingSeconds
  let changes = 0
  const processing = sim.db
    .prepare<[string, number, number], LicenceRow & { fails_order: number }>(
      `SELECT l.*, p.fails_order FROM licences l JOIN products p ON p.id = l.product_id
       WHERE l.user_id = ? AND l.status = 'PROCESSING' AND l.created_at + ? <= ?`,
    )
    .all(userId, wait, now)
  for (const l of processing) {
    const at = l.created_at + wait
    const status: LicenceStatus = l.fails_order === 1 ? 'ORDER_ERROR' : 'ACTIVE'
    sim.db.prepare('UPDATE licences SET status = ? WHERE id = ?').run(status, l.id)
    if (status === 'ACTIVE') recordChange(sim, userId, 'SERVICE_ADDED', serviceOf(sim, l.product_id), at)
    changes += 1
  }
  const ended = sim.db
    .prepare<
      [string, number],
      LicenceRow
    >(`SELECT * FROM licences WHERE user_id = ? AND status = 'ACTIVE' AND stop_date IS NOT NULL AND stop_date <= ?`)
    .all(userId, now)
  for (const l of ended) {
    sim.db.prepare("UPDATE licences SET status = 'EXPIRED' WHERE id = ?").run(l.id)
    recordChange(sim, userId, 'SERVICE_REMOVED', serviceOf(sim, l.product_id), l.stop_date ?? now)
    changes += 1
  }
  if (changes > 0) bumpStamp(sim, userId, 'user')
  return changes
}

/** Whether an ACTIVE, current licence grants `service` on `channelId`. */
export const hasChannelRight = (
  sim: Sim,
  userId: string,
  channelId: string,
  service: ChannelService,
): boolean => {
  const now = sim.clock.now()
  return (
    sim.db
      .prepare(
        `SELECT 1 FROM licences l JOIN product_channels pc ON pc.product_id = l.product_id
         WHERE l.user_id = ? AND l.status = 'ACTIVE' AND l.start_date <= ? AND (l.stop_date IS NULL OR l.stop_date > ?)
           AND pc.service = ? AND pc.channel_id = ? LIMIT 1`,
      )
      .get(userId, now, now, service, channelId) !== undefined
  )
}
