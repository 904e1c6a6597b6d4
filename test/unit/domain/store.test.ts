import { NO_CAPABILITIES, type Capabilities } from '../../../src/domain/channels'
import { entitlementsAt } from '../../../src/domain/entitlements'
import type { Licence } from '../../../src/domain/licences'
import { coverageOf, grantsOf, productsGranting, railOf, type Product } from '../../../src/domain/products'
import { productOffer, purchaseOutcome } from '../../../src/domain/purchases'
import { eraseDigit, isPinComplete, lockSecondsLeft, maskPin, typeDigit } from '../../../src/domain/pin'
import { DAY } from '../../../src/domain/time'

const product = (
  id: string,
  type: Product['type'],
  channels: Partial<Product['channels']> = {},
): Product => ({
  id,
  title: id,
  description: '',
  type,
  isPremium: false,
  channels: { live: [], catchup: [], npvr: [], startover: [], ...channels },
})

const licence = (productId: string, over: Partial<Licence> = {}): Licence => ({
  id: `l-${productId}`,
  productId,
  status: 'ACTIVE',
  start: 0,
  end: 100 * DAY,
  ...over,
})

const nothing = (): Capabilities | undefined => undefined
const now = 50 * DAY

describe('the store’s rails and what a product grants (document 003)', () => {
  test('packs, single channels and add-ons; an unknown type is on no rail', () => {
    expect(railOf('CHANNEL_GROUP')).toBe('packs')
    expect(railOf('CHANNEL')).toBe('channels')
    expect(['PVR', 'CATCHUP', 'STARTOVER'].map((t) => railOf(t as Product['type']))).toEqual([
      'addons',
      'addons',
      'addons',
    ])
    expect(railOf('unknown')).toBeUndefined()
  })

  test('a pack grants per channel what its relationships list; a single-service type only its service', () => {
    const pack = product('p', 'CHANNEL_GROUP', {
      live: ['a', 'b'],
      catchup: ['a'],
      npvr: ['b'],
      startover: ['a'],
    })
    expect(grantsOf(pack)).toEqual([
      { channelId: 'a', capabilities: { live: true, catchup: true, npvr: false, startover: true } },
      { channelId: 'b', capabilities: { live: true, catchup: false, npvr: true, startover: false } },
    ])
    const recorder = product('r', 'PVR', { live: ['a'], npvr: ['a'] })
    expect(grantsOf(recorder)).toEqual([{ channelId: 'a', capabilities: { ...NO_CAPABILITIES, npvr: true } }])
  })

  test('coverage: what the user already has of a product', () => {
    const pack = product('p', 'CHANNEL_GROUP', { live: ['a', 'b'], npvr: ['a'] })
    const basis = product('basis', 'CHANNEL_GROUP', { live: ['a', 'b', 'c'] })
    const rights = entitlementsAt([licence('basis')], [basis], now)
    const has = (id: string) => rights.get(id)
    expect(coverageOf(pack, has)).toBe('some')
    expect(coverageOf(product('q', 'CHANNEL', { live: ['c'] }), has)).toBe('all')
    expect(coverageOf(product('n', 'CHANNEL', { live: ['z'] }), has)).toBe('none')
    expect(coverageOf(product('empty', 'CHANNEL_GROUP'), has)).toBe('none')
  })

  test('a locked channel opens the smallest product that grants it live: a single channel before a pack', () => {
    const big = product('big', 'CHANNEL_GROUP', { live: ['a', 'b', 'c'] })
    const small = product('small', 'CHANNEL_GROUP', { live: ['a', 'b'] })
    const single = product('single', 'CHANNEL', { live: ['a'] })
    const recorder = product('rec', 'PVR', { npvr: ['a'] })
    expect(productsGranting('a', [big, recorder, small, single]).map((p) => p.id)).toEqual([
      'single',
      'small',
      'big',
    ])
    expect(productsGranting('a', [big, recorder], 'npvr').map((p) => p.id)).toEqual(['rec'])
    expect(productsGranting('zz', [big])).toEqual([])
  })
})

describe('which products can be bought (document 003)', () => {
  const pack = product('p', 'CHANNEL_GROUP', { live: ['a'] })

  test('a product without any licence can be bought', () => {
    expect(productOffer(pack, [], nothing, now)).toEqual({ kind: 'buy' })
  })

  test('an ACTIVE licence within its dates, or starting later, makes it owned', () => {
    const l = licence('p')
    expect(productOffer(pack, [l], nothing, now)).toEqual({ kind: 'owned', licence: l })
    const later = licence('p', { start: now + DAY })
    expect(productOffer(pack, [later], nothing, now)).toEqual({ kind: 'owned', licence: later })
  })

  test('an order still PROCESSING is pending: it is not offered again', () => {
    const l = licence('p', { status: 'PROCESSING' })
    expect(productOffer(pack, [l], nothing, now)).toEqual({ kind: 'pending', licence: l })
  })

  test('an EXPIRED, SUSPENDED or failed licence, or an ACTIVE one past its end, does not stop a new order', () => {
    for (const status of [
      'EXPIRED',
      'SUSPENDED',
      'SUSPENDEDADMIN',
      'ORDER_ERROR',
      'CHECK_INVALID',
    ] as const) {
      expect(productOffer(pack, [licence('p', { status })], nothing, now)).toEqual({ kind: 'buy' })
    }
    expect(productOffer(pack, [licence('p', { end: now })], nothing, now)).toEqual({ kind: 'buy' })
  })

  test('a product whose every grant the user already has elsewhere is included', () => {
    const has = (id: string): Capabilities | undefined =>
      id === 'a' ? { ...NO_CAPABILITIES, live: true } : undefined
    expect(productOffer(pack, [], has, now)).toEqual({ kind: 'included' })
  })

  test('an unknown product type is not offered', () => {
    expect(productOffer(product('x', 'unknown', { live: ['a'] }), [], nothing, now)).toEqual({
      kind: 'hidden',
    })
  })

  test('a purchase ends ACTIVE or in ORDER_ERROR; PROCESSING means wait', () => {
    expect(purchaseOutcome('PROCESSING')).toBe('processing')
    expect(purchaseOutcome('ACTIVE')).toBe('active')
    expect(purchaseOutcome('ORDER_ERROR')).toBe('orderError')
    expect(purchaseOutcome('CHECK_INVALID')).toBe('checkInvalid')
    expect(purchaseOutcome('SUSPENDED')).toBe('other')
  })
})

describe('the purchase PIN typed with the remote', () => {
  test('four digits, the rest ignored; erasing takes the last one', () => {
    let pin = ''
    for (const d of [1, 2, 3, 4, 5]) pin = typeDigit(pin, d)
    expect(pin).toBe('1234')
    expect(isPinComplete(pin)).toBe(true)
    expect(eraseDigit(pin)).toBe('123')
    expect(typeDigit('', 10)).toBe('')
  })

  test('the screen shows dots, never the digits', () => {
    expect(maskPin('12')).toEqual(['●', '●', '–', '–'])
    expect(maskPin('1234').join('')).not.toMatch(/\d/)
  })

  test('seconds left of a lock, rounded up; none when not locked or when the lock is over', () => {
    expect(lockSecondsLeft(1000, 940.5)).toBe(60)
    expect(lockSecondsLeft(null, 0)).toBe(0)
    expect(lockSecondsLeft(1000, 1001)).toBe(0)
  })
})
