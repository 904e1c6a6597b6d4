import {
  daysLeft,
  expiresSoon,
  licenceGrantsAt,
  licenceMeaning,
  viewLicence,
  type Licence,
} from '../../../src/domain/licences'
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
