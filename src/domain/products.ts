import { CAPABILITIES, type Capabilities, type Capability } from './channels'
import type { ProductPrice } from './prices'

/** Document 003's product types; anything else the operator invents is kept as 'unknown'. */
export type ProductType = 'CHANNEL' | 'PVR' | 'CATCHUP' | 'STARTOVER' | 'CHANNEL_GROUP' | 'unknown'
export const PRODUCT_TYPES: readonly Exclude<ProductType, 'unknown'>[] = [
  'CHANNEL',
  'PVR',
  'CATCHUP',
  'STARTOVER',
  'CHANNEL_GROUP',
]

/** Channel ids per service, as the product's relationships list them. */
export type ProductChannels = Readonly<Record<Capability, readonly string[]>>

export interface Product {
  id: string
  title: string
  description: string
  type: ProductType
  isPremium: boolean
  channels: ProductChannels
  /** Absent when the operator sends none: then it cannot be bought with one key. */
  price?: ProductPrice
}

/**
 * The services a product of this type can grant. A single-service product grants only its
 * service even if its relationships list more; CHANNEL_GROUP is "a mix of all types", so its
 * relationships decide per channel. An unknown type is taken at its relationships' word, which
 * document 003 calls the statement of what is available.
 */
export const servicesOfType = (type: ProductType): readonly Capability[] => {
  switch (type) {
    case 'CHANNEL':
      return ['live']
    case 'PVR':
      return ['npvr']
    case 'CATCHUP':
      return ['catchup']
    case 'STARTOVER':
      return ['startover']
    default:
      return ['live', 'catchup', 'npvr', 'startover']
  }
}

/** The store's rails: channel packs, single channels, and service add-ons (document 003's types). */
export type StoreRail = 'packs' | 'channels' | 'addons'

/** Which rail a product belongs on; an unknown type is shown nowhere (it cannot be explained). */
export const railOf = (type: ProductType): StoreRail | undefined => {
  switch (type) {
    case 'CHANNEL_GROUP':
      return 'packs'
    case 'CHANNEL':
      return 'channels'
    case 'PVR':
    case 'CATCHUP':
    case 'STARTOVER':
      return 'addons'
    default:
      return undefined
  }
}

/** What a product grants on one channel. */
export interface ChannelGrant {
  channelId: string
  capabilities: Capabilities
}

/**
 * What a product grants, channel by channel, in the order its relationships first name them.
 * Only the services its type can grant count (a CHANNEL product listed under `npvr` still
 * grants only live), the same rule as the entitlements.
 */
export const grantsOf = (product: Product): ChannelGrant[] => {
  const services = servicesOfType(product.type)
  const byChannel = new Map<string, Record<Capability, boolean>>()
  for (const service of CAPABILITIES) {
    if (!services.includes(service)) continue
    for (const channelId of product.channels[service]) {
      const caps = byChannel.get(channelId) ?? { live: false, catchup: false, npvr: false, startover: false }
      caps[service] = true
      byChannel.set(channelId, caps)
    }
  }
  return [...byChannel].map(([channelId, capabilities]) => ({ channelId, capabilities }))
}

/** How much of a product the user already has: every grant, some, or none of them. */
export type Coverage = 'all' | 'some' | 'none'

/**
 * Compares what a product grants with what the user may already do (`has`, per channel, from
 * the entitlements). A product that grants nothing is 'none'.
 */
export const coverageOf = (
  product: Product,
  has: (channelId: string) => Capabilities | undefined,
): Coverage => {
  let wanted = 0
  let held = 0
  for (const grant of grantsOf(product)) {
    const mine = has(grant.channelId)
    for (const c of CAPABILITIES) {
      if (!grant.capabilities[c]) continue
      wanted += 1
      if (mine?.[c]) held += 1
    }
  }
  if (wanted === 0 || held === 0) return 'none'
  return held === wanted ? 'all' : 'some'
}

/** Fewer channels first: the smallest purchase that unlocks the channel. */
const size = (p: Product): number => grantsOf(p).length

/**
 * Products that grant `capability` on a channel, best first: the guide's locked channel opens
 * the store on the first. A single-channel product comes before a pack, then smaller packs.
 */
export const productsGranting = (
  channelId: string,
  catalogue: readonly Product[],
  capability: Capability = 'live',
): Product[] =>
  catalogue
    .filter((p) => servicesOfType(p.type).includes(capability) && p.channels[capability].includes(channelId))
    .map((p, i) => ({ p, i, single: p.type === 'CHANNEL' ? 0 : 1, n: size(p) }))
    .sort((a, b) => a.single - b.single || a.n - b.n || a.i - b.i)
    .map((x) => x.p)
