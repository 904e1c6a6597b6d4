import {
  daysLeft,
  filterLicences,
  licenceAdvice,
  licenceFilters,
  ownedProducts,
  expiresSoon,
  licenceGrantsAt,
  licenceMeaning,
  viewLicence,
  type Licence,
} from '../../../src/domain/licences'
import type { Product } from '../../../src/domain/products'
import { DAY } from '../../../src/domain/time'

const licence = (over: Partial<Licence> = {}): Licence => ({
  id: '1',
  productId: 'p',
  status: 'ACTIVE',
  start: 0,
  end: 100 * DAY,
  ...over,
})

describe('what a licence status means to a viewer', () => {
  test.each([
    ['ACTIVE', 'active'],
    ['PROCESSING', 'pending'],
    ['CHECK_INVALID', 'failed'],
    ['ORDER_ERROR', 'failed'],
    ['EXPIRED', 'expired'],
    ['SUSPENDED', 'suspended'],
    ['SUSPENDEDADMIN', 'suspended'],
    ['unknown', 'unknown'],
  ] as const)('%s is %s', (status, meaning) => {
    expect(licenceMeaning(licence({ status }), DAY)).toBe(meaning)
  })

  test('an ACTIVE licence before its start is upcoming, after its end expired', () => {
    expect(licenceMeaning(licence({ start: 10 }), 5)).toBe('upcoming')
    expect(licenceMeaning(licence(), 100 * DAY)).toBe('expired')
    expect(licenceGrantsAt(licence(), 100 * DAY)).toBe(false)
  })
})

describe('expires soon', () => {
  test('within 7 days by default, the threshold inclusive', () => {
    expect(expiresSoon(licence(), 93 * DAY)).toBe(true)
    expect(expiresSoon(licence(), 93 * DAY - 1)).toBe(false)
  })

  test('the threshold is configurable', () => {
    expect(expiresSoon(licence(), 80 * DAY, 30)).toBe(true)
    expect(expiresSoon(licence(), 80 * DAY, 7)).toBe(false)
  })

  test('never for a licence without end, or one that grants nothing', () => {
    expect(expiresSoon(licence({ end: null }), 10 ** 9)).toBe(false)
    expect(expiresSoon(licence({ status: 'SUSPENDED' }), 99 * DAY)).toBe(false)
    expect(expiresSoon(licence(), 100 * DAY)).toBe(false)
  })

  test('days left are rounded up, and the view gathers it all', () => {
    expect(daysLeft(licence(), 95 * DAY + 1)).toBe(5)
    expect(daysLeft(licence({ end: null }), 0)).toBeUndefined()
    expect(viewLicence(licence(), 95 * DAY)).toEqual({
      meaning: 'active',
      grants: true,
      expiresSoon: true,
      daysLeft: 5,
    })
    expect(viewLicence(licence({ status: 'PROCESSING' }), 0)).toEqual({
      meaning: 'pending',
      grants: false,
      expiresSoon: false,
    })
  })
})

describe('my products: licences with their products', () => {
  const product = (id: string): Product => ({
    id,
    title: id,
    description: '',
    type: 'CHANNEL_GROUP',
    isPremium: false,
    channels: { live: [], catchup: [], npvr: [], startover: [] },
  })

  test('PROCESSING, ORDER_ERROR, CHECK_INVALID, SUSPENDED and SUSPENDEDADMIN each need their own words', () => {
    expect(
      (['PROCESSING', 'ORDER_ERROR', 'CHECK_INVALID', 'SUSPENDED', 'SUSPENDEDADMIN'] as const).map((status) =>
        licenceAdvice(licence({ status })),
      ),
    ).toEqual(['processing', 'orderError', 'checkInvalid', 'suspended', 'suspendedAdmin'])
    expect(licenceAdvice(licence())).toBeUndefined()
    expect(licenceAdvice(licence({ status: 'EXPIRED' }))).toBeUndefined()
  })

  test('filtered by status; the filters offered are the statuses the user has', () => {
    const list = [
      licence({ id: 'a' }),
      licence({ id: 'b', status: 'EXPIRED' }),
      licence({ id: 'c', status: 'SUSPENDED' }),
    ]
    expect(filterLicences(list, 'EXPIRED').map((l) => l.id)).toEqual(['b'])
    expect(filterLicences(list, 'all')).toHaveLength(3)
    expect(licenceFilters(list)).toEqual(['all', 'ACTIVE', 'EXPIRED', 'SUSPENDED'])
  })

  test('joined with the included product, else the catalogue’s; what needs attention first, then ending soonest', () => {
    const now = 10 * DAY
    const included = product('inc')
    const list = [
      licence({ id: 'old', productId: 'x', status: 'EXPIRED', end: 5 * DAY }),
      licence({ id: 'long', productId: 'x', end: 90 * DAY }),
      licence({ id: 'soon', productId: 'inc', end: 12 * DAY, product: included }),
      licence({ id: 'wait', productId: 'x', status: 'PROCESSING' }),
      licence({ id: 'gone', productId: 'nowhere', status: 'EXPIRED', end: 8 * DAY }),
    ]
    const rows = ownedProducts(list, [product('x')], now)
    expect(rows.map((r) => r.licence.id)).toEqual(['wait', 'soon', 'long', 'gone', 'old'])
    expect(rows[1]?.product).toBe(included)
    expect(rows[1]?.view).toMatchObject({ expiresSoon: true, daysLeft: 2 })
    expect(rows[3]?.product).toBeUndefined()
  })
})
