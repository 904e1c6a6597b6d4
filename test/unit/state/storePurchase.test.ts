import { asyncScheduler, filter, firstValueFrom } from 'rxjs'
import { apiError } from '../../../src/api/errors'
import type { Licence } from '../../../src/domain/licences'
import type { PinState } from '../../../src/domain/pin'
import type { PurchaseOrder, PurchaseResult } from '../../../src/domain/purchases'
import type { Logger } from '../../../src/platform/log'
import {
  createPurchaseFlow,
  type PurchaseItem,
  type PurchasePorts,
  type PurchaseState,
} from '../../../src/state/store/purchaseFlow'

const log: Logger = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
} as unknown as Logger
const pack: PurchaseItem = { kind: 'product', productId: '3', title: 'Sport' }
const licence = (status: Licence['status']): Licence => ({
  id: 'L1',
  productId: '3',
  status,
  start: 0,
  end: null,
})

interface Setup {
  purchase?: (order: PurchaseOrder) => Promise<PurchaseResult>
  statuses?: Licence['status'][]
  pins?: PinState
  signedIn?: boolean
  now?: number
}

const setup = (s: Setup = {}) => {
  const orders: PurchaseOrder[] = []
  const statuses = [...(s.statuses ?? ['ACTIVE'])]
  let checks = 0
  const ports: PurchasePorts = {
    purchase: (order) => {
      orders.push(order)
      return s.purchase
        ? s.purchase(order)
        : Promise.resolve({ kind: 'product', licenceId: 'L1', status: 'PROCESSING' })
    },
    getLicence: () =>
      Promise.resolve(
        licence(statuses.length > 1 ? (statuses.shift() ?? 'ACTIVE') : (statuses[0] ?? 'ACTIVE')),
      ),
  }
  const flow = createPurchaseFlow({
    ports: () => (s.signedIn === false ? undefined : ports),
    pinState: () => s.pins,
    afterPurchase: () => {
      checks += 1
    },
    scheduler: asyncScheduler,
    nowSeconds: () => s.now ?? 1000,
    log,
    pollMs: 1,
    maxWaitMs: 60_000,
  })
  const until = (step: PurchaseState['step']) =>
    firstValueFrom(flow.state$.pipe(filter((x) => x.step === step)))
  return { flow, orders, until, checks: () => checks }
}

describe('buying with the PIN', () => {
  it('asks for the PIN, orders with it, waits while PROCESSING, ends ACTIVE and makes the user’s stores look', async () => {
    const t = setup({ statuses: ['PROCESSING', 'PROCESSING', 'ACTIVE'] })
    t.flow.start(pack)
    expect(t.flow.current).toEqual({ step: 'pin', item: pack })
    t.flow.submitPin('1234')
    await t.until('processing')
    await t.until('done')
    expect(t.orders).toEqual([{ productId: '3', pin: '1234' }])
    // Once when ordered (PROCESSING shows in My products), once when settled.
    expect(t.checks()).toBe(2)
  })

  it('an order that ends in ORDER_ERROR says so', async () => {
    const t = setup({ statuses: ['ORDER_ERROR'] })
    t.flow.start(pack)
    t.flow.submitPin('1234')
    const end = await t.until('failed')
    expect(end).toMatchObject({ failure: 'orderError' })
  })

  it('a wrong PIN asks again with the tries left; the last locks purchases until the operator’s time', async () => {
    const answers = [
      apiError({ kind: 'denied', reason: 'Wrong PIN', code: 45, attemptsLeft: 2 }),
      apiError({ kind: 'denied', reason: 'locked', code: 46, lockedUntil: 1060 }),
    ]
    const t = setup({ purchase: () => Promise.reject(answers.shift()) })
    t.flow.start(pack)
    t.flow.submitPin('0000')
    expect(
      await firstValueFrom(
        t.flow.state$.pipe(filter((x) => x.step === 'pin' && x.attemptsLeft !== undefined)),
      ),
    ).toEqual({
      step: 'pin',
      item: pack,
      attemptsLeft: 2,
    })
    t.flow.submitPin('0000')
    expect(await t.until('locked')).toEqual({ step: 'locked', item: pack, lockedUntil: 1060 })
    // Opening the purchase again during the lock shows the lock, without asking for a PIN.
    t.flow.close()
    t.flow.start(pack)
    expect(t.flow.current).toMatchObject({ step: 'locked', lockedUntil: 1060 })
    expect(t.orders).toHaveLength(2)
  })

  it('a lock the Pins stamp reported is shown before any PIN is typed', () => {
    const t = setup({ pins: { enabled: true, failedAttempts: 0, lockedUntil: 2000 } })
    t.flow.start(pack)
    expect(t.flow.current).toEqual({ step: 'locked', item: pack, lockedUntil: 2000 })
  })

  it('with the PIN off it orders at once; a subscription is ACTIVE at once', async () => {
    const t = setup({
      pins: { enabled: false, failedAttempts: 0, lockedUntil: null },
      purchase: () => Promise.resolve({ kind: 'subscription', subscriptionId: 21, status: 'ACTIVE' }),
    })
    t.flow.start({ kind: 'subscription', subscriptionId: 21, title: 'RestartTV' })
    await t.until('done')
    expect(t.orders).toEqual([{ subscriptionId: 21 }])
    expect(t.checks()).toBe(1)
  })

  it('signed out: buying says sign in first and orders nothing', () => {
    const t = setup({ signedIn: false })
    t.flow.start(pack)
    expect(t.flow.current).toMatchObject({ step: 'failed', failure: 'signedOut' })
    expect(t.orders).toEqual([])
  })

  it('a refusal says why (incompatible: conflict; lost answer: offline), never a crash', async () => {
    const refuse = (e: Error) => setup({ purchase: () => Promise.reject(e) })
    const conflict = refuse(apiError({ kind: 'conflict', reason: 'Incompatible', code: 44 }))
    conflict.flow.start(pack)
    conflict.flow.submitPin('1234')
    expect(await conflict.until('failed')).toMatchObject({ failure: 'conflict' })
    const lost = refuse(apiError({ kind: 'network', reason: 'down' }))
    lost.flow.start(pack)
    lost.flow.submitPin('1234')
    expect(await lost.until('failed')).toMatchObject({ failure: 'offline' })
  })
})
