import type { PurchaseState } from '../../state/store/purchaseFlow'
import { formatDate } from '../format'
import { phrase, type Phrase } from '../i18n'

/** The buttons of the purchase panel; the first one is also what Back does. */
export type PurchaseActionId = 'ok' | 'background' | 'guide' | 'signin' | 'mine'

export const PURCHASE_ACTION_LABEL: Record<PurchaseActionId, string> = {
  ok: 'store.purchase.ok',
  background: 'store.purchase.background',
  guide: 'store.action.toGuide',
  signin: 'store.action.signIn',
  mine: 'store.action.myProducts',
}

export interface PurchasePanelLook {
  tone: 'progress' | 'success' | 'error'
  title: Phrase
  body: Phrase
  actions: PurchaseActionId[]
}

/**
 * What the purchase panel shows for a step of the flow, or undefined when the panel is not the
 * one speaking (idle, and the PIN steps, which the PIN dialog shows). A PROCESSING order can be
 * left to go on in the background; a bought product offers the guide; a failure that the
 * licences may explain offers "My products", and a lost sign-in offers to sign in.
 */
export const purchasePanelLook = (state: PurchaseState): PurchasePanelLook | undefined => {
  switch (state.step) {
    case 'idle':
    case 'pin':
    case 'locked':
      return undefined
    case 'sending':
      return {
        tone: 'progress',
        title: phrase('store.purchase.sending.title'),
        body: phrase('store.purchase.sending.body', { title: state.item.title }),
        actions: [],
      }
    case 'processing':
      return {
        tone: 'progress',
        title: phrase('store.purchase.processing.title'),
        body: phrase('store.purchase.processing.body', { title: state.item.title }),
        actions: ['background'],
      }
    case 'done': {
      const product = state.item.kind === 'product'
      return {
        tone: 'success',
        title: phrase('store.purchase.done.title'),
        body: phrase(product ? 'store.purchase.done.body' : 'store.purchase.done.bodyService', {
          title: state.item.title,
        }),
        actions: product ? ['ok', 'guide'] : ['ok'],
      }
    }
    case 'failed': {
      const actions: PurchaseActionId[] = ['ok']
      if (state.failure === 'signedOut') actions.push('signin')
      if (
        state.failure === 'orderError' ||
        state.failure === 'stillProcessing' ||
        state.failure === 'offline'
      )
        actions.push('mine')
      return {
        tone: 'error',
        title: phrase(`store.purchase.failed.${state.failure}.title`),
        body: phrase(`store.purchase.failed.${state.failure}.body`, {
          title: state.item.title,
          date: state.availableFrom !== undefined ? formatDate(state.availableFrom) : '',
        }),
        actions,
      }
    }
  }
}
