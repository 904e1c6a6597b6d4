import type { Licence } from '../../../../src/domain/licences'
import type { Service } from '../../../../src/domain/services'
import { modelOf, myProductsOf } from '../../../../src/state/store/storeView'
import { licenceRowLook, myProductRowLook } from '../../../../src/ui/store/offerLooks'

const NOW = 1_800_000_000
const service = (id: number, owned: boolean): Service => ({
  id,
  title: `nPVR ${id}`,
  description: '',
  shortDescription: 'Cloud recording',
  type: 1,
  status: 1,
  purchaseType: 'both',
  canWatch: owned
    ? { isOwned: true, purchaseDate: NOW - 86_400, price: 5, currency: 'EUR' }
    : { isOwned: false },
  canAcquire: !owned,
  childCount: 0,
  upgrade: [],
  incompatible: [],
  requiredDays: 0,
})
const licence = (id: string, status: Licence['status']): Licence => ({
  id,
  productId: '1',
  status,
  start: NOW - 10 * 86_400,
  end: NOW + 20 * 86_400,
})
const model = (services: Service[], licences: Licence[]) =>
  modelOf({
    signedIn: true,
    products: [],
    licences,
    services,
    channels: new Map(),
    now: NOW,
    loading: false,
    offline: false,
    fetchedAt: undefined,
    expiresSoonDays: 7,
  })

describe('My products', () => {
  it('lists a bought subscription after the licences', () => {
    const view = myProductsOf(
      model([service(11, false), service(12, true)], [licence('a', 'ACTIVE'), licence('b', 'ORDER_ERROR')]),
      'all',
    )
    expect(
      view.rows.map((r) => ('service' in r ? `service:${r.service.id}` : `licence:${r.licence.id}`)),
    ).toEqual(['licence:b', 'licence:a', 'service:12'])
    expect(view.counts).toEqual({ all: 3, ACTIVE: 2, ORDER_ERROR: 1 })
    expect(myProductsOf(model([service(12, true)], [licence('a', 'ACTIVE')]), 'ACTIVE').rows).toHaveLength(2)
    expect(
      myProductsOf(model([service(12, true)], [licence('a', 'ACTIVE'), licence('c', 'EXPIRED')]), 'EXPIRED')
        .rows,
    ).toHaveLength(1)
  })

  it('says how to cancel where the operator offers no way to: through the operator', () => {
    const view = myProductsOf(
      model([service(12, true)], [licence('a', 'ACTIVE'), licence('b', 'ORDER_ERROR')]),
      'all',
    )
    const [failed, active, bought] = view.rows
    if (!failed || !bought || !active) throw new Error('rows missing')
    const sub = myProductRowLook(bought)
    expect(sub.title).toBe('nPVR 12')
    expect(sub.badge.text).toEqual({ key: 'store.licence.status.ACTIVE' })
    expect(sub.dates).toEqual({ key: 'store.mine.boughtOn', values: { date: expect.any(String) } })
    expect(sub.advice.text).toEqual({ key: 'store.mine.cancelViaOperator' })
    expect(myProductRowLook(active).advice.text).toEqual({ key: 'store.mine.cancelViaOperator' })
    if ('licence' in failed)
      expect(licenceRowLook(failed).advice.text).toEqual({ key: 'store.advice.orderError' })
  })
})
