import {
  offeredServices,
  purchaseEligibility,
  serviceOffer,
  upgradesFrom,
  type Service,
} from '../../../src/domain/services'
import { DAY } from '../../../src/domain/time'

const service = (id: number, over: Partial<Service> = {}): Service => ({
  id,
  title: `S${id}`,
  description: '',
  shortDescription: '',
  dateStart: 0,
  dateEnd: 1000 * DAY,
  type: 1,
  status: 1,
  purchaseType: 'both',
  canWatch: { isOwned: false },
  canAcquire: true,
  childCount: 1,
  upgrade: [],
  incompatible: [],
  requiredDays: 0,
  ...over,
})

const owned = (id: number, boughtAt: number, over: Partial<Service> = {}): Service =>
  service(id, { canWatch: { isOwned: true, purchaseDate: boughtAt }, canAcquire: false, ...over })

describe('whether a service can be bought now', () => {
  const now = 100 * DAY

  test('only within its commercialisation dates', () => {
    expect(purchaseEligibility(service(1), [], now)).toEqual({ canBuy: true })
    expect(purchaseEligibility(service(1, { dateStart: now + 1 }), [], now)).toEqual({
      canBuy: false,
      reason: 'notOnSale',
      from: now + 1,
      until: 1000 * DAY,
    })
    expect(purchaseEligibility(service(1, { dateEnd: now - 1 }), [], now)).toMatchObject({
      reason: 'notOnSale',
    })
    const { dateStart: _s, dateEnd: _e, ...unbounded } = service(1)
    expect(purchaseEligibility(unbounded, [], now)).toEqual({ canBuy: true })
  })

  test('not when already owned', () => {
    const s = owned(1, 0)
    expect(purchaseEligibility(s, [s], now)).toEqual({ canBuy: false, reason: 'owned' })
  })

  test('not when Incompatible with something owned, in either direction', () => {
    const mine = owned(2, 0)
    const target = service(1, { incompatible: [2] })
    expect(purchaseEligibility(target, [mine, target], now)).toEqual({
      canBuy: false,
      reason: 'incompatible',
      with: 2,
    })
    const mine2 = owned(3, 0, { incompatible: [1] })
    const plain = service(1)
    expect(purchaseEligibility(plain, [mine2, plain], now)).toEqual({
      canBuy: false,
      reason: 'incompatible',
      with: 3,
    })
  })

  test('an upgrade only RequiredDays after the purchase of what it upgrades, with the date it becomes possible', () => {
    const boughtAt = now - 10 * DAY
    const mine = owned(12, boughtAt, { upgrade: [13], incompatible: [13], requiredDays: 30 })
    const target = service(13, { incompatible: [12], canAcquire: false })
    expect(purchaseEligibility(target, [mine, target], now)).toEqual({
      canBuy: false,
      reason: 'upgradeTooEarly',
      from: 12,
      availableFrom: boughtAt + 30 * DAY,
    })
    // The incompatibility with what it replaces does not count; after the wait it can be bought.
    const later = boughtAt + 30 * DAY
    expect(purchaseEligibility({ ...target, canAcquire: true }, [mine, target], later)).toEqual({
      canBuy: true,
    })
    expect(upgradesFrom(target, [mine, target]).map((s) => s.id)).toEqual([12])
  })

  test('the server`s CanAcquire has the last word', () => {
    expect(purchaseEligibility(service(1, { canAcquire: false }), [], now)).toEqual({
      canBuy: false,
      reason: 'refused',
    })
  })
})

describe('what the store offers of the subscriptions', () => {
  const now = 100 * DAY

  test('a buyable subscription is offered; an upgrade says what it replaces', () => {
    expect(serviceOffer(service(1), [service(1)], now)).toEqual({ kind: 'buy', replaces: [] })
    const mine = owned(12, now - 40 * DAY, { upgrade: [13], requiredDays: 30 })
    const target = service(13, { incompatible: [12] })
    expect(serviceOffer(target, [mine, target], now)).toEqual({ kind: 'buy', replaces: [12] })
  })

  test('what the user owns is shown as theirs', () => {
    const mine = owned(1, 0)
    expect(serviceOffer(mine, [mine], now)).toEqual({ kind: 'owned' })
  })

  test('an incompatible subscription is not offered, whichever side declares it', () => {
    const mine = owned(12, 0, { incompatible: [22] })
    const rpvr = service(22)
    const other = service(11, { incompatible: [12] })
    const all = [mine, rpvr, other]
    expect(serviceOffer(rpvr, all, now)).toEqual({ kind: 'hidden', reason: 'incompatible' })
    expect(serviceOffer(other, all, now)).toEqual({ kind: 'hidden', reason: 'incompatible' })
    expect(offeredServices(all, now).map((o) => o.service.id)).toEqual([12])
  })

  test('an upgrade before RequiredDays is offered with the date it becomes possible', () => {
    const boughtAt = now - 10 * DAY
    const mine = owned(12, boughtAt, { upgrade: [13], requiredDays: 30 })
    const target = service(13, { canAcquire: false })
    expect(serviceOffer(target, [mine, target], now)).toEqual({
      kind: 'later',
      availableFrom: boughtAt + 30 * DAY,
      upgradesFrom: 12,
    })
    // One second before the date it still waits; at the date it is for sale.
    expect(serviceOffer(target, [mine, target], boughtAt + 30 * DAY - 1).kind).toBe('later')
    expect(serviceOffer({ ...target, canAcquire: true }, [mine, target], boughtAt + 30 * DAY).kind).toBe(
      'buy',
    )
  })

  test('RequiredDays 0 means an upgrade at once; an unknown purchase date leaves it to CanAcquire', () => {
    const mine = owned(31, now, { upgrade: [32], requiredDays: 0 })
    const target = service(32)
    expect(serviceOffer(target, [mine, target], now).kind).toBe('buy')
    const undated = service(31, { canWatch: { isOwned: true }, upgrade: [32], requiredDays: 14 })
    expect(serviceOffer(target, [undated, target], now).kind).toBe('buy')
    expect(serviceOffer({ ...target, canAcquire: false }, [undated, target], now)).toEqual({
      kind: 'hidden',
      reason: 'refused',
    })
  })

  test('out of its commercialisation dates it is not offered, before or after', () => {
    expect(serviceOffer(service(1, { dateStart: now + DAY }), [], now)).toEqual({
      kind: 'hidden',
      reason: 'notOnSale',
    })
    expect(serviceOffer(service(1, { dateEnd: now - DAY }), [], now)).toEqual({
      kind: 'hidden',
      reason: 'notOnSale',
    })
    // The window's ends are inside it.
    expect(serviceOffer(service(1, { dateStart: now, dateEnd: now }), [], now).kind).toBe('buy')
  })

  test('the server saying CanAcquire false hides it even when no rule explains why', () => {
    expect(serviceOffer(service(1, { canAcquire: false }), [], now)).toEqual({
      kind: 'hidden',
      reason: 'refused',
    })
  })
})
