import fc from 'fast-check'
import { CAPABILITIES, NO_CAPABILITIES } from '../../../src/domain/channels'
import {
  capabilitiesOf,
  capabilityList,
  channelsWith,
  entitlementsAt,
  hasCapability,
} from '../../../src/domain/entitlements'
import { licenceGrantsAt, type Licence } from '../../../src/domain/licences'
import { servicesOfType, type Product } from '../../../src/domain/products'
import { channelIds, rightsCase } from './arbitraries'

const product = (id: string, type: Product['type'], channels: Partial<Product['channels']>): Product => ({
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
  start: 100,
  end: 200,
  ...over,
})

describe('entitlements', () => {
  test('CHANNEL_GROUP mixes services per channel', () => {
    const group = product('g', 'CHANNEL_GROUP', {
      live: ['a', 'b'],
      catchup: ['a'],
      npvr: ['b'],
      startover: [],
    })
    const rights = entitlementsAt([licence('g')], [group], 150)
    expect(capabilitiesOf(rights, 'a')).toEqual({ live: true, catchup: true, npvr: false, startover: false })
    expect(capabilitiesOf(rights, 'b')).toEqual({ live: true, catchup: false, npvr: true, startover: false })
    expect(capabilitiesOf(rights, 'c')).toEqual(NO_CAPABILITIES)
    expect(channelsWith(rights, 'npvr')).toEqual(['b'])
    expect(capabilityList(capabilitiesOf(rights, 'a'))).toEqual(['live', 'catchup'])
  })

  test('a single-service product grants only its service, whatever else its relationships list', () => {
    const pvr = product('r', 'PVR', { live: ['a'], npvr: ['a'] })
    const rights = entitlementsAt([licence('r')], [pvr], 150)
    expect(capabilitiesOf(rights, 'a')).toEqual({ live: false, catchup: false, npvr: true, startover: false })
  })

  test('licences add up across products', () => {
    const base = product('b', 'CHANNEL', { live: ['a'] })
    const catchup = product('c', 'CATCHUP', { catchup: ['a'] })
    const rights = entitlementsAt([licence('b'), licence('c')], [base, catchup], 150)
    expect(capabilitiesOf(rights, 'a')).toEqual({ live: true, catchup: true, npvr: false, startover: false })
  })

  test('only ACTIVE licences within their dates grant anything (start inclusive, end exclusive)', () => {
    const base = product('b', 'CHANNEL', { live: ['a'] })
    for (const status of [
      'PROCESSING',
      'CHECK_INVALID',
      'ORDER_ERROR',
      'EXPIRED',
      'SUSPENDED',
      'SUSPENDEDADMIN',
      'unknown',
    ] as const) {
      expect(entitlementsAt([licence('b', { status })], [base], 150).size).toBe(0)
    }
    expect(hasCapability(entitlementsAt([licence('b')], [base], 99), 'a', 'live')).toBe(false)
    expect(hasCapability(entitlementsAt([licence('b')], [base], 100), 'a', 'live')).toBe(true)
    expect(hasCapability(entitlementsAt([licence('b')], [base], 199), 'a', 'live')).toBe(true)
    expect(hasCapability(entitlementsAt([licence('b')], [base], 200), 'a', 'live')).toBe(false)
    expect(hasCapability(entitlementsAt([licence('b', { end: null })], [base], 10 ** 9), 'a', 'live')).toBe(
      true,
    )
  })

  test('the included product wins over the catalogue; an unknown product grants nothing', () => {
    const inCatalogue = product('p', 'CHANNEL', { live: ['a'] })
    const included = product('p', 'CHANNEL', { live: ['b'] })
    const rights = entitlementsAt([licence('p', { product: included })], [inCatalogue], 150)
    expect([...rights.keys()]).toEqual(['b'])
    expect(entitlementsAt([licence('zzz')], [inCatalogue], 150).size).toBe(0)
  })
})

describe('entitlement properties', () => {
  test('a channel never gets a capability that no ACTIVE licence in its dates grants', () => {
    expect.hasAssertions()
    fc.assert(
      fc.property(rightsCase, ({ catalogue, licences, now }) => {
        const rights = entitlementsAt(licences, catalogue, now)
        for (const [channelId, caps] of rights) {
          for (const cap of CAPABILITIES) {
            if (!caps[cap]) continue
            const grantedBy = licences.filter((l) => {
              const p = l.product ?? catalogue.find((c) => c.id === l.productId)
              return (
                l.status === 'ACTIVE' &&
                l.start <= now &&
                (l.end === null || now < l.end) &&
                p !== undefined &&
                servicesOfType(p.type).includes(cap) &&
                p.channels[cap].includes(channelId)
              )
            })
            expect(grantedBy.length).toBeGreaterThan(0)
          }
        }
      }),
    )
  })

  test('every capability a granting licence`s product lists for its type is given', () => {
    expect.hasAssertions()
    fc.assert(
      fc.property(rightsCase, ({ catalogue, licences, now }) => {
        const rights = entitlementsAt(licences, catalogue, now)
        for (const l of licences.filter((x) => licenceGrantsAt(x, now))) {
          const p = l.product ?? catalogue.find((c) => c.id === l.productId)
          if (!p) continue
          for (const cap of servicesOfType(p.type)) {
            for (const channelId of p.channels[cap]) expect(hasCapability(rights, channelId, cap)).toBe(true)
          }
        }
      }),
    )
  })

  test('licences that grant nothing now change nothing; more licences never take a capability away', () => {
    expect.hasAssertions()
    fc.assert(
      fc.property(rightsCase, rightsCase, ({ catalogue, licences, now }, other) => {
        const rights = entitlementsAt(licences, catalogue, now)
        const idle = other.licences.map((l) => ({ ...l, status: 'SUSPENDED' as const }))
        expect(entitlementsAt([...licences, ...idle], catalogue, now)).toEqual(rights)
        const more = entitlementsAt([...licences, ...other.licences], catalogue, now)
        for (const channelId of channelIds) {
          for (const cap of CAPABILITIES) {
            if (hasCapability(rights, channelId, cap)) expect(hasCapability(more, channelId, cap)).toBe(true)
          }
        }
      }),
    )
  })

  test('the order of licences does not matter', () => {
    expect.hasAssertions()
    fc.assert(
      fc.property(rightsCase, ({ catalogue, licences, now }) => {
        expect(entitlementsAt([...licences].reverse(), catalogue, now)).toEqual(
          entitlementsAt(licences, catalogue, now),
        )
      }),
    )
  })
})
