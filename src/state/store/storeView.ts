import type { Capabilities, Channel } from '../../domain/channels'
import { NO_CAPABILITIES } from '../../domain/channels'
import { entitlementsAt, type Entitlements } from '../../domain/entitlements'
import {
  filterLicences,
  licenceAdvice,
  licenceFilters,
  ownedProducts,
  type Licence,
  type LicenceAdvice,
  type LicenceFilter,
  type OwnedProduct,
} from '../../domain/licences'
import {
  coverageOf,
  grantsOf,
  productsGranting,
  railOf,
  type Coverage,
  type Product,
  type StoreRail,
} from '../../domain/products'
import { productOffer, type ProductOffer } from '../../domain/purchases'
import { offeredServices, serviceOffer, type Service, type ServiceOffer } from '../../domain/services'
import type { BillingPeriod } from '../../domain/prices'
import type { UnixSeconds } from '../../domain/time'

/** Everything the store screens are drawn from, at one moment. */
export interface StoreModel {
  signedIn: boolean
  /** The catalogue (document 003); undefined until it has been loaded once. */
  products: readonly Product[] | undefined
  licences: readonly Licence[]
  /** Document 001's subscriptions with the user's CanWatch; empty while signed out. */
  services: readonly Service[]
  channels: ReadonlyMap<string, Channel>
  entitlements: Entitlements
  now: UnixSeconds
  /** Nothing to show yet and a load under way. */
  loading: boolean
  /** The operator did not answer: what shows is the last good data (or nothing). */
  offline: boolean
  /** When the user's rights were fetched (ms), for "as of" while offline. */
  fetchedAt: number | undefined
  /** Days before the end at which a licence is flagged (settings). */
  expiresSoonDays: number
}

export const modelOf = (input: Omit<StoreModel, 'entitlements'>): StoreModel => ({
  ...input,
  entitlements: entitlementsAt(input.licences, input.products ?? [], input.now),
})

const has = (model: StoreModel) => (channelId: string) => model.entitlements.get(channelId)

export type Price =
  | { kind: 'amount'; amount: number; currency: string; period: BillingPeriod }
  | { kind: 'included' }
  /** A product the operator sent no price for: it is ordered through the operator. */
  | { kind: 'onRequest' }
  | { kind: 'none' }

/** What a product costs the viewer: "included" once it is theirs. */
export const productPrice = (product: Product, status: TileStatus): Price => {
  if (status === 'owned' || status === 'included') return { kind: 'included' }
  const { price } = product
  return price ? { kind: 'amount', ...price } : { kind: 'onRequest' }
}

export type TileStatus = 'buy' | 'owned' | 'pending' | 'included' | 'later'

export interface Tile {
  /** `product:<id>` or `service:<id>`: unique across the rails. */
  key: string
  target: { kind: 'product'; productId: string } | { kind: 'service'; serviceId: number }
  title: string
  description: string
  premium: boolean
  price: Price
  status: TileStatus
  /** For an upgrade that waits for RequiredDays. */
  availableFrom?: UnixSeconds
  /** How many channels a product covers. */
  channelCount?: number
}

export type RailId = StoreRail | 'subscriptions'
export interface Rail {
  id: RailId
  tiles: Tile[]
}

export const RAILS: readonly RailId[] = ['packs', 'channels', 'addons', 'subscriptions']

const productStatus = (offer: ProductOffer): TileStatus => (offer.kind === 'hidden' ? 'buy' : offer.kind)

const productTile = (model: StoreModel, product: Product): Tile | undefined => {
  const offer = productOffer(product, model.licences, has(model), model.now)
  if (offer.kind === 'hidden') return undefined
  const status = productStatus(offer)
  return {
    key: `product:${product.id}`,
    target: { kind: 'product', productId: product.id },
    title: product.title,
    description: product.description,
    premium: product.isPremium,
    price: productPrice(product, status),
    status,
    channelCount: grantsOf(product).length,
  }
}

const servicePrice = (service: Service, status: TileStatus): Price => {
  if (status === 'owned') return { kind: 'included' }
  const { price, currency } = service.canWatch
  if (price === undefined) return { kind: 'none' }
  // Document 001's subscriptions are monthly.
  return price === 0
    ? { kind: 'included' }
    : { kind: 'amount', amount: price, currency: currency ?? '', period: 'month' }
}

const serviceTile = (service: Service, offer: Exclude<ServiceOffer, { kind: 'hidden' }>): Tile => {
  const status: TileStatus = offer.kind === 'buy' ? 'buy' : offer.kind
  return {
    key: `service:${service.id}`,
    target: { kind: 'service', serviceId: service.id },
    title: service.title,
    description: service.shortDescription || service.description,
    premium: false,
    price: servicePrice(service, status),
    status,
    ...(offer.kind === 'later' ? { availableFrom: offer.availableFrom } : {}),
  }
}

/** The store's rails: what can be bought first, then what the user has, in catalogue order. */
export const railsOf = (model: StoreModel): Rail[] => {
  const rank: Record<TileStatus, number> = { buy: 0, later: 1, pending: 2, included: 3, owned: 4 }
  const sorted = (tiles: Tile[]): Tile[] =>
    tiles
      .map((t, i) => ({ t, i }))
      .sort((a, b) => rank[a.t.status] - rank[b.t.status] || a.i - b.i)
      .map((x) => x.t)
  const products = model.products ?? []
  const ofRail = (rail: StoreRail): Tile[] =>
    sorted(
      products
        .filter((p) => railOf(p.type) === rail)
        .flatMap((p) => {
          const tile = productTile(model, p)
          return tile ? [tile] : []
        }),
    )
  const subscriptions = sorted(
    offeredServices(model.services, model.now).map((o) => serviceTile(o.service, o.offer)),
  )
  return [
    { id: 'packs', tiles: ofRail('packs') },
    { id: 'channels', tiles: ofRail('channels') },
    { id: 'addons', tiles: ofRail('addons') },
    { id: 'subscriptions', tiles: subscriptions },
  ]
}

export interface GrantRow {
  channelId: string
  number: number | undefined
  name: string
  grants: Capabilities
  /** What the user may already do on this channel. */
  has: Capabilities
}

export interface ProductPageView {
  kind: 'product'
  product: Product
  offer: ProductOffer
  coverage: Coverage
  grants: GrantRow[]
  /** The user's latest licence of this product, if any (for its status and dates). */
  licence: Licence | undefined
  advice: LicenceAdvice | undefined
}

export interface ServicePageView {
  kind: 'service'
  service: Service
  offer: ServiceOffer
  /** Titles of the subscriptions an upgrade replaces or waits for. */
  related: string[]
}

export type DetailView = ProductPageView | ServicePageView | { kind: 'loading' } | { kind: 'missing' }

export const productPageOf = (model: StoreModel, productId: string): DetailView => {
  const product = model.products?.find((p) => p.id === productId)
  if (!product)
    return model.products === undefined && model.loading ? { kind: 'loading' } : { kind: 'missing' }
  const grants = grantsOf(product).map((g) => {
    const channel = model.channels.get(g.channelId)
    return {
      channelId: g.channelId,
      number: channel?.number,
      name: channel?.name ?? g.channelId,
      grants: g.capabilities,
      has: model.entitlements.get(g.channelId) ?? NO_CAPABILITIES,
    }
  })
  grants.sort((a, b) => (a.number ?? Infinity) - (b.number ?? Infinity))
  const mine = model.licences.filter((l) => l.productId === product.id)
  const licence = mine.sort((a, b) => b.start - a.start)[0]
  return {
    kind: 'product',
    product,
    offer: productOffer(product, model.licences, has(model), model.now),
    coverage: coverageOf(product, has(model)),
    grants,
    licence,
    advice: licence ? licenceAdvice(licence) : undefined,
  }
}

export const servicePageOf = (model: StoreModel, serviceId: number): DetailView => {
  const service = model.services.find((s) => s.id === serviceId)
  if (!service) return model.loading ? { kind: 'loading' } : { kind: 'missing' }
  const offer = serviceOffer(service, model.services, model.now)
  const ids = offer.kind === 'buy' ? offer.replaces : offer.kind === 'later' ? [offer.upgradesFrom] : []
  return {
    kind: 'service',
    service,
    offer,
    related: ids.map((id) => model.services.find((s) => s.id === id)?.title ?? String(id)),
  }
}

/** The product the guide's locked channel opens: the smallest that grants it live. */
export const productIdForChannel = (model: StoreModel, channelId: string): string | undefined =>
  productsGranting(channelId, model.products ?? [])[0]?.id

/** A licence of a product (document 003) in "My products". */
export type LicenceRowData = OwnedProduct & { advice: LicenceAdvice | undefined }
/** A subscription of document 001 the user has bought: it has no licence, only CanWatch. */
export interface SubscriptionRowData {
  service: Service
  purchaseDate: UnixSeconds | undefined
}
export type MyProductRow = LicenceRowData | SubscriptionRowData

export interface MyProductsView {
  filters: LicenceFilter[]
  filter: LicenceFilter
  rows: MyProductRow[]
  /** Rows under each filter, bought subscriptions included (they count as ACTIVE). */
  counts: Partial<Record<LicenceFilter, number>>
}

/**
 * The user's licences joined with their products (what needs attention first), then the bought
 * subscriptions (active, so under "all" and ACTIVE).
 */
export const myProductsOf = (model: StoreModel, filter: LicenceFilter): MyProductsView => {
  const filters = licenceFilters(model.licences)
  const subscriptions: SubscriptionRowData[] = model.services
    .filter((s) => s.canWatch.isOwned)
    .map((service) => ({ service, purchaseDate: service.canWatch.purchaseDate }))
  if (subscriptions.length > 0 && !filters.includes('ACTIVE')) filters.splice(1, 0, 'ACTIVE')
  const chosen = filters.includes(filter) ? filter : 'all'
  const licences: LicenceRowData[] = ownedProducts(
    filterLicences(model.licences, chosen),
    model.products ?? [],
    model.now,
    model.expiresSoonDays,
  ).map((r) => ({ ...r, advice: licenceAdvice(r.licence) }))
  const shown = chosen === 'all' || chosen === 'ACTIVE' ? subscriptions : []
  const counts: Partial<Record<LicenceFilter, number>> = {}
  for (const f of filters)
    counts[f] =
      filterLicences(model.licences, f).length + (f === 'all' || f === 'ACTIVE' ? subscriptions.length : 0)
  return {
    filters,
    filter: chosen,
    rows: [...licences, ...shown],
    counts,
  }
}
