import type { Licence } from '../../../../src/domain/licences'
import type { Product } from '../../../../src/domain/products'
import type { Service } from '../../../../src/domain/services'
import type { ProductPageView, ServicePageView, Tile } from '../../../../src/state/store/storeView'
import { formatDate } from '../../../../src/ui/format'
import {
  licenceRowLook,
  offerActions,
  productStatus,
  serviceStatus,
  tileStatus,
} from '../../../../src/ui/store/offerLooks'
import { productTargetOf } from '../../../../src/ui/store/productTarget'

const DAY = 86_400
const product: Product = {
  id: 'p1',
  title: 'Sports pack',
  description: 'All the sports',
  type: 'CHANNEL_GROUP',
  isPremium: false,
  channels: { live: ['c1'], catchup: [], npvr: [], startover: [] },
  price: { amount: 19, currency: 'EUR', period: 'month' },
}
const licence = (extra: Partial<Licence> = {}): Licence => ({
  id: 'l1',
  productId: 'p1',
  status: 'ACTIVE',
  start: 1_800_000_000,
  end: null,
  ...extra,
})
const productView = (extra: Partial<ProductPageView> = {}): ProductPageView => ({
  kind: 'product',
  product,
  offer: { kind: 'buy' },
  coverage: 'some',
  grants: [],
  licence: undefined,
  advice: undefined,
  ...extra,
})
const service: Service = {
  id: 7,
  title: 'Family',
  description: '',
  shortDescription: 'For everyone',
  type: 1,
  status: 1,
  purchaseType: 'both',
  canWatch: { isOwned: false, price: 9.99, currency: 'EUR' },
  canAcquire: true,
  childCount: 0,
  upgrade: [],
  incompatible: [],
  requiredDays: 0,
}
const serviceView = (extra: Partial<ServicePageView> = {}): ServicePageView => ({
  kind: 'service',
  service,
  offer: { kind: 'buy', replaces: [] },
  related: [],
  ...extra,
})

describe("a product page's status line", () => {
  it('says what is owned, until when, in the success colour', () => {
    const until = 1_800_000_000 + 30 * DAY
    expect(productStatus(productView({ offer: { kind: 'owned', licence: licence() } }), true)).toEqual({
      text: { key: 'store.product.owned' },
      tone: 'success',
    })
    expect(
      productStatus(productView({ offer: { kind: 'owned', licence: licence({ end: until }) } }), true),
    ).toEqual({
      text: { key: 'store.product.ownedUntil', values: { date: formatDate(until) } },
      tone: 'success',
    })
  })

  it('shows a pending order and an included product', () => {
    const pending = licence({ status: 'PROCESSING' })
    expect(productStatus(productView({ offer: { kind: 'pending', licence: pending } }), true)).toEqual({
      text: { key: 'store.advice.processing' },
      tone: 'warning',
    })
    expect(productStatus(productView({ offer: { kind: 'included' } }), true)).toEqual({
      text: { key: 'store.product.included' },
      tone: 'success',
    })
  })

  it('puts the advice of a failed licence before the offer', () => {
    const failed = licence({ status: 'ORDER_ERROR' })
    expect(productStatus(productView({ licence: failed, advice: 'orderError' }), true)).toEqual({
      text: { key: 'store.advice.orderError' },
      tone: 'warning',
    })
  })

  it('tells the coverage to a signed-in viewer and asks others to sign in', () => {
    expect(productStatus(productView({ coverage: 'none' }), true)).toEqual({
      text: { key: 'store.product.coverage.none' },
      tone: 'text',
    })
    expect(productStatus(productView(), false)).toEqual({ text: { key: 'store.signedOut' }, tone: 'text' })
  })
})

describe("a subscription page's status line", () => {
  it('covers owned, later, an upgrade, a plain offer and the hidden reasons', () => {
    expect(serviceStatus(serviceView({ offer: { kind: 'owned' } }), true)).toEqual({
      text: { key: 'store.product.owned' },
      tone: 'success',
    })
    const from = 1_800_000_000
    expect(
      serviceStatus(
        serviceView({ offer: { kind: 'later', availableFrom: from, upgradesFrom: 3 }, related: ['Basic'] }),
        true,
      ),
    ).toEqual({
      text: { key: 'store.service.later', values: { date: formatDate(from), from: 'Basic' } },
      tone: 'warning',
    })
    expect(serviceStatus(serviceView({ related: ['Basic', 'Plus'] }), true)).toEqual({
      text: { key: 'store.service.replaces', values: { titles: 'Basic, Plus' } },
      tone: 'text',
    })
    expect(serviceStatus(serviceView(), true)).toEqual({ text: undefined, tone: 'text' })
    expect(serviceStatus(serviceView(), false).text).toEqual({ key: 'store.signedOut' })
    expect(serviceStatus(serviceView({ offer: { kind: 'hidden', reason: 'incompatible' } }), true)).toEqual({
      text: { key: 'store.service.hidden.incompatible' },
      tone: 'warning',
    })
  })
})

describe('the buttons of a detail page', () => {
  it('offers buying only what is for sale, and signing in first when signed out', () => {
    expect(offerActions(productView(), true)).toEqual(['buy', 'mine', 'store'])
    expect(offerActions(productView(), false)).toEqual(['signin', 'store'])
    expect(offerActions(productView({ offer: { kind: 'included' } }), true)).toEqual(['mine', 'store'])
    expect(offerActions(serviceView(), true)).toEqual(['buy', 'store'])
    expect(offerActions(serviceView({ offer: { kind: 'owned' } }), true)).toEqual(['store'])
    expect(offerActions(serviceView(), false)).toEqual(['signin', 'store'])
    expect(offerActions({ kind: 'loading' }, true)).toEqual(['store'])
    expect(offerActions({ kind: 'missing' }, false)).toEqual(['store'])
  })
})

describe("a store tile's status", () => {
  const tile = (extra: Partial<Tile>): Tile => ({
    key: 'product:p1',
    target: { kind: 'product', productId: 'p1' },
    title: 'Sports',
    description: '',
    premium: false,
    price: { kind: 'none' },
    status: 'buy',
    ...extra,
  })

  it('names the status in its colour', () => {
    expect(tileStatus(tile({ status: 'owned' }))).toEqual({
      text: { key: 'store.status.owned' },
      tone: 'success',
    })
    expect(tileStatus(tile({ status: 'included' })).tone).toBe('success')
    expect(tileStatus(tile({ status: 'pending' }))).toEqual({
      text: { key: 'store.status.pending' },
      tone: 'warning',
    })
    expect(tileStatus(tile({ status: 'later', availableFrom: 1_800_000_000 }))).toEqual({
      text: { key: 'store.status.availableFrom', values: { date: formatDate(1_800_000_000) } },
      tone: 'warning',
    })
  })

  it('counts the channels of what is for sale', () => {
    expect(tileStatus(tile({ channelCount: 1 }))).toEqual({
      text: { key: 'store.status.oneChannel' },
      tone: 'textDim',
    })
    expect(tileStatus(tile({ channelCount: 12 })).text).toEqual({
      key: 'store.status.channels',
      values: { count: 12 },
    })
    expect(tileStatus(tile({})).text).toEqual({ key: 'store.status.buy' })
  })
})

describe('a licence row in My products', () => {
  const row = (l: Licence, view: Parameters<typeof licenceRowLook>[0]['view'], extra = {}) => ({
    licence: l,
    product,
    view,
    advice: undefined,
    ...extra,
  })

  it('shows the status badge, the dates and the days left', () => {
    const end = 1_800_000_000 + 3 * DAY
    const look = licenceRowLook(
      row(licence({ end }), { meaning: 'active', grants: true, expiresSoon: true, daysLeft: 3 }),
    )
    expect(look.badge).toEqual({ text: { key: 'store.licence.status.ACTIVE' }, tone: 'success' })
    expect(look.title).toBe('Sports pack')
    expect(look.dates).toEqual({
      key: 'store.licence.dates',
      values: { start: formatDate(1_800_000_000), end: formatDate(end) },
    })
    expect(look.warning).toEqual({ key: 'store.licence.endsIn', values: { count: 3 } })
    // No way to cancel in the operator's API: a running licence says whom to ask.
    expect(look.advice.text).toEqual({ key: 'store.mine.cancelViaOperator' })
  })

  it('says "ends today" on the last day and nothing when the end is far', () => {
    const today = licenceRowLook(
      row(licence(), { meaning: 'active', grants: true, expiresSoon: true, daysLeft: 1 }),
    )
    expect(today.warning).toEqual({ key: 'store.licence.endsToday' })
    expect(today.dates).toEqual({ key: 'store.licence.noEnd', values: { start: formatDate(1_800_000_000) } })
    const far = licenceRowLook(
      row(licence(), { meaning: 'active', grants: true, expiresSoon: false, daysLeft: 40 }),
    )
    expect(far.warning).toBeUndefined()
  })

  it('explains PROCESSING as a warning and the failures as danger', () => {
    const processing = licenceRowLook(
      row(
        licence({ status: 'PROCESSING' }),
        { meaning: 'pending', grants: false, expiresSoon: false },
        {
          advice: 'processing',
        },
      ),
    )
    expect(processing.badge.tone).toBe('warning')
    expect(processing.advice).toEqual({ text: { key: 'store.advice.processing' }, tone: 'warning' })
    const suspended = licenceRowLook(
      row(
        licence({ status: 'SUSPENDED' }),
        { meaning: 'suspended', grants: false, expiresSoon: false },
        {
          advice: 'suspended',
          product: undefined,
        },
      ),
    )
    expect(suspended.badge.tone).toBe('danger')
    expect(suspended.advice).toEqual({ text: { key: 'store.advice.suspended' }, tone: 'danger' })
    expect(suspended.title).toEqual({ key: 'store.licence.unknownProduct', values: { id: 'p1' } })
  })
})

describe("a product page's route", () => {
  it('reads a product, a subscription or a locked channel', () => {
    expect(productTargetOf({ productId: 'p1' })).toEqual({ kind: 'product', id: 'p1' })
    expect(productTargetOf({ serviceId: '7' })).toEqual({ kind: 'service', id: 7 })
    expect(productTargetOf({ serviceId: '7x' }).id).toBeNaN()
    expect(productTargetOf({ channelId: 'c1' })).toEqual({ kind: 'channel', id: 'c1' })
    expect(productTargetOf({})).toEqual({ kind: 'channel', id: '' })
  })
})
