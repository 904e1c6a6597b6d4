import type { Sim } from './context'

export type ProductType = 'CHANNEL' | 'PVR' | 'CATCHUP' | 'STARTOVER' | 'CHANNEL_GROUP'
export type ChannelService = 'live' | 'catchup' | 'npvr' | 'startover'
export const CHANNEL_SERVICES: readonly ChannelService[] = ['live', 'catchup', 'npvr', 'startover']

export interface ProductRow {
  id: string
  package_id: string
  title: string
  description: string
  type: ProductType
  is_premium: number
  is_main: number
  price_cents: number
  currency: string
  duration_days: number
  fails_order: number
}

export type ProductChannels = Record<ChannelService, string[]>

export const getProduct = (sim: Sim, id: string): ProductRow | undefined =>
  sim.db.prepare<[string], ProductRow>('SELECT * FROM products WHERE id = ?').get(id)

export const listProducts = (sim: Sim): ProductRow[] =>
  sim.db.prepare<[], ProductRow>('SELECT * FROM products ORDER BY CAST(id AS INTEGER), id').all()

export const productByPackageId = (sim: Sim, packageId: string): ProductRow | undefined =>
  sim.db.prepare<[string], ProductRow>('SELECT * FROM products WHERE package_id = ?').get(packageId)

/** The channels each product grants, per service, in channel-number order. */
export const channelsOfProducts = (sim: Sim, productIds: readonly string[]): Map<string, ProductChannels> => {
  const out = new Map<string, ProductChannels>()
  const stmt = sim.db.prepare<[string], { service: ChannelService; channel_id: string }>(
    `SELECT pc.service, pc.channel_id FROM product_channels pc JOIN channels c ON c.id = pc.channel_id
     WHERE pc.product_id = ? ORDER BY c.number`,
  )
  for (const id of productIds) {
    const rel: ProductChannels = { live: [], catchup: [], npvr: [], startover: [] }
    for (const r of stmt.all(id)) rel[r.service].push(r.channel_id)
    out.set(id, rel)
  }
  return out
}
