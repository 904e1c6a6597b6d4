import type { Product } from '../../../../src/domain/products'
import { modelOf, railsOf, type ProductPageView } from '../../../../src/state/store/storeView'
import { formatPrice, pricePhrase } from '../../../../src/ui/store/labels'
import { offerActions, productStatus } from '../../../../src/ui/store/offerLooks'

const product = (extra: Partial<Product> = {}): Product => ({
  id: 'p1',
  title: 'Sports pack',
  description: 'All the sports',
  type: 'CHANNEL_GROUP',
  isPremium: false,
  channels: { live: ['c1'], catchup: [], npvr: [], startover: [] },
  ...extra,
})
const view = (p: Product): ProductPageView => ({
  kind: 'product',
  product: p,
  offer: { kind: 'buy' },
  coverage: 'none',
  grants: [],
  licence: undefined,
  advice: undefined,
})
const model = (products: Product[]) =>
  modelOf({
    signedIn: true,
    products,
    licences: [],
    services: [],
    channels: new Map(),
    now: 1_800_000_000,
    loading: false,
    offline: false,
    fetchedAt: undefined,
    expiresSoonDays: 7,
  })

describe('prices in the store', () => {
  it('a priced product’s tile carries its amount and billing period', () => {
    const rails = railsOf(model([product({ price: { amount: 19, currency: 'EUR', period: 'month' } })]))
    expect(rails[0]?.tiles[0]?.price).toEqual({
      kind: 'amount',
      amount: 19,
      currency: 'EUR',
      period: 'month',
    })
  })

  it('a product without a price is "price on request" and has no buy button', () => {
    const rails = railsOf(model([product()]))
    expect(rails[0]?.tiles[0]?.price).toEqual({ kind: 'onRequest' })
    expect(offerActions(view(product()), true)).not.toContain('buy')
    expect(productStatus(view(product()), true).text).toEqual({ key: 'store.price.contactOperator' })
  })

  it('a priced product offers buy', () => {
    expect(
      offerActions(view(product({ price: { amount: 5, currency: 'EUR', period: 'once' } })), true),
    ).toContain('buy')
  })

  it('says the price with its period, formatted for the language', () => {
    expect(pricePhrase({ kind: 'amount', amount: 19, currency: 'EUR', period: 'month' }, 'en')).toEqual({
      key: 'store.price.perMonth',
      values: { price: '€19.00' },
    })
    expect(pricePhrase({ kind: 'amount', amount: 49, currency: 'EUR', period: 'once' }, 'en')).toEqual({
      key: 'store.price.once',
      values: { price: '€49.00' },
    })
    expect(pricePhrase({ kind: 'onRequest' }, 'en')).toEqual({ key: 'store.price.onRequest' })
    expect(formatPrice(19, 'EUR', 'da').replace(/\s/g, ' ')).toBe('19,00 €')
  })
})
