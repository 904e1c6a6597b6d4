import type { PurchaseFailure, PurchaseItem } from '../../../../src/state/store/purchaseFlow'
import { formatDate } from '../../../../src/ui/format'
import { purchasePanelLook } from '../../../../src/ui/store/purchaseLooks'

const product: PurchaseItem = { kind: 'product', productId: 'p1', title: 'Sports' }
const subscription: PurchaseItem = { kind: 'subscription', subscriptionId: 7, title: 'Family' }

describe('the purchase panel', () => {
  it('stays out of the idle and PIN steps, which the PIN dialog shows', () => {
    expect(purchasePanelLook({ step: 'idle' })).toBeUndefined()
    expect(purchasePanelLook({ step: 'pin', item: product })).toBeUndefined()
    expect(purchasePanelLook({ step: 'locked', item: product, lockedUntil: 1 })).toBeUndefined()
  })

  it('shows progress, and lets a PROCESSING order go on in the background', () => {
    expect(purchasePanelLook({ step: 'sending', item: product })).toEqual({
      tone: 'progress',
      title: { key: 'store.purchase.sending.title' },
      body: { key: 'store.purchase.sending.body', values: { title: 'Sports' } },
      actions: [],
    })
    expect(purchasePanelLook({ step: 'processing', item: product, licenceId: 'l1' })?.actions).toEqual([
      'background',
    ])
  })

  it('offers the guide after a product, not after a subscription', () => {
    expect(purchasePanelLook({ step: 'done', item: product })).toEqual({
      tone: 'success',
      title: { key: 'store.purchase.done.title' },
      body: { key: 'store.purchase.done.body', values: { title: 'Sports' } },
      actions: ['ok', 'guide'],
    })
    const service = purchasePanelLook({ step: 'done', item: subscription })
    expect(service?.actions).toEqual(['ok'])
    expect(service?.body.key).toBe('store.purchase.done.bodyService')
  })

  it('offers My products where the licences explain a failure, and signing in after a lost session', () => {
    expect.hasAssertions()
    const expected: Record<PurchaseFailure, string[]> = {
      orderError: ['ok', 'mine'],
      stillProcessing: ['ok', 'mine'],
      offline: ['ok', 'mine'],
      signedOut: ['ok', 'signin'],
      checkInvalid: ['ok'],
      conflict: ['ok'],
      notAllowed: ['ok'],
      other: ['ok'],
    }
    for (const [failure, actions] of Object.entries(expected) as [PurchaseFailure, string[]][]) {
      const look = purchasePanelLook({ step: 'failed', item: product, failure })
      expect(look?.tone).toBe('error')
      expect(look?.actions).toEqual(actions)
      expect(look?.title).toEqual({ key: `store.purchase.failed.${failure}.title` })
    }
  })

  it('dates a refusal that names when buying becomes possible', () => {
    const look = purchasePanelLook({
      step: 'failed',
      item: subscription,
      failure: 'notAllowed',
      availableFrom: 1_800_000_000,
    })
    expect(look?.body).toEqual({
      key: 'store.purchase.failed.notAllowed.body',
      values: { title: 'Family', date: formatDate(1_800_000_000) },
    })
  })
})
