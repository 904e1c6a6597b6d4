import type { LicenceMeaning } from '../../domain/licences'
import type {
  DetailView,
  LicenceRowData,
  MyProductRow,
  SubscriptionRowData,
  ProductPageView,
  ServicePageView,
  Tile,
  TileStatus,
} from '../../state/store/storeView'
import { formatDate } from '../format'
import { phrase, type Phrase } from '../i18n'
import type { Tone } from '../theme'

/**
 * How the store shows what a viewer can do with a product or a subscription: the status line
 * and its colour, the buttons offered, a tile's status and a licence row's badge and warnings.
 * Pure: pages and rows translate the phrases and paint the tones.
 */

export interface StatusLine {
  /** Nothing to say is undefined (the line stays empty). */
  text: Phrase | undefined
  tone: Tone
}

/** The product page's and the service page's buttons, in the order they show. */
export type OfferActionId = 'buy' | 'signin' | 'mine' | 'store'

export const OFFER_ACTION_LABEL: Record<OfferActionId, string> = {
  buy: 'store.action.buy',
  signin: 'store.action.signIn',
  mine: 'store.action.myProducts',
  store: 'store.action.toStore',
}

export const productStatus = (view: ProductPageView, signedIn: boolean): StatusLine => {
  const { offer, licence, advice } = view
  switch (offer.kind) {
    case 'owned':
      return {
        text:
          offer.licence.end !== null
            ? phrase('store.product.ownedUntil', { date: formatDate(offer.licence.end) })
            : phrase('store.product.owned'),
        tone: 'success',
      }
    case 'pending':
      return { text: phrase('store.advice.processing'), tone: 'warning' }
    case 'included':
      return { text: phrase('store.product.included'), tone: 'success' }
    default:
      // A licence that failed or was paused says what to do before any offer.
      if (licence && advice && advice !== 'processing')
        return { text: phrase(`store.advice.${advice}`), tone: 'warning' }
      // Without a price nobody can agree to pay with one key: the operator takes the order.
      if (offer.kind === 'buy' && view.product.price === undefined)
        return { text: phrase('store.price.contactOperator'), tone: 'text' }
      return {
        text: signedIn ? phrase(`store.product.coverage.${view.coverage}`) : phrase('store.signedOut'),
        tone: 'text',
      }
  }
}

export const serviceStatus = (view: ServicePageView, signedIn: boolean): StatusLine => {
  const { offer } = view
  switch (offer.kind) {
    case 'owned':
      return { text: phrase('store.product.owned'), tone: 'success' }
    case 'later':
      return {
        text: phrase('store.service.later', {
          date: formatDate(offer.availableFrom),
          from: view.related[0] ?? '',
        }),
        tone: 'warning',
      }
    case 'buy':
      return {
        text:
          view.related.length > 0
            ? phrase('store.service.replaces', { titles: view.related.join(', ') })
            : signedIn
              ? undefined
              : phrase('store.signedOut'),
        tone: 'text',
      }
    case 'hidden':
      return { text: phrase(`store.service.hidden.${offer.reason}`), tone: 'warning' }
  }
}

/**
 * The buttons of a detail page: buy (or sign in first) only what is on offer at a price the
 * viewer can see, "My products" for
 * a signed-in viewer of a product, and always the way back to the store.
 */
export const offerActions = (view: DetailView, signedIn: boolean): OfferActionId[] => {
  if (view.kind === 'loading' || view.kind === 'missing') return ['store']
  const actions: OfferActionId[] = []
  const priced = view.kind !== 'product' || view.product.price !== undefined
  if (view.offer.kind === 'buy' && priced) actions.push(signedIn ? 'buy' : 'signin')
  if (view.kind === 'product' && signedIn) actions.push('mine')
  actions.push('store')
  return actions
}

/** What a page without a product says instead of its description. */
export const absentText = (view: 'loading' | 'missing', forChannel: boolean): Phrase =>
  view === 'loading'
    ? phrase('store.loading')
    : phrase(forChannel ? 'store.product.noneForChannel' : 'store.product.missing')

// -- tiles ----------------------------------------------------------------------------------

const TILE_TONE: Record<TileStatus, Tone> = {
  buy: 'textDim',
  owned: 'success',
  included: 'success',
  pending: 'warning',
  later: 'warning',
}

/** "1 channel", "12 channels". */
export const channelCountPhrase = (count: number): Phrase =>
  count === 1 ? phrase('store.status.oneChannel') : phrase('store.status.channels', { count })

/** The line under a tile's description: what the viewer can do with it. */
export const tileStatus = (tile: Tile): { text: Phrase; tone: Tone } => {
  const tone = TILE_TONE[tile.status]
  switch (tile.status) {
    case 'owned':
      return { text: phrase('store.status.owned'), tone }
    case 'pending':
      return { text: phrase('store.status.pending'), tone }
    case 'included':
      return { text: phrase('store.status.included'), tone }
    case 'later':
      return {
        text: phrase('store.status.availableFrom', { date: formatDate(tile.availableFrom ?? 0) }),
        tone,
      }
    case 'buy':
      return {
        text:
          tile.channelCount !== undefined
            ? channelCountPhrase(tile.channelCount)
            : phrase('store.status.buy'),
        tone,
      }
  }
}

// -- licence rows ---------------------------------------------------------------------------

const BADGE: Record<LicenceMeaning, Tone> = {
  active: 'success',
  upcoming: 'accent',
  pending: 'warning',
  failed: 'danger',
  expired: 'textMuted',
  suspended: 'danger',
  unknown: 'textMuted',
}

export interface LicenceRowLook {
  badge: { text: Phrase; tone: Tone }
  /** The product's title, or a phrase when the operator did not send the product. */
  title: string | Phrase
  dates: Phrase
  /** "Ends in 3 days" for what ends soon. */
  warning: Phrase | undefined
  /** What PROCESSING, ORDER_ERROR, CHECK_INVALID and SUSPENDED mean and what to do. */
  advice: StatusLine
}

export const licenceRowLook = (row: LicenceRowData): LicenceRowLook => {
  const { licence, view, advice } = row
  return {
    badge: { text: phrase(`store.licence.status.${licence.status}`), tone: BADGE[view.meaning] },
    title: row.product?.title ?? phrase('store.licence.unknownProduct', { id: licence.productId }),
    dates:
      licence.end !== null
        ? phrase('store.licence.dates', { start: formatDate(licence.start), end: formatDate(licence.end) })
        : phrase('store.licence.noEnd', { start: formatDate(licence.start) }),
    warning:
      view.expiresSoon && view.daysLeft !== undefined
        ? view.daysLeft <= 1
          ? phrase('store.licence.endsToday')
          : phrase('store.licence.endsIn', { count: view.daysLeft })
        : undefined,
    advice: advice
      ? { text: phrase(`store.advice.${advice}`), tone: advice === 'processing' ? 'warning' : 'danger' }
      : view.meaning === 'active'
        ? CANCEL_VIA_OPERATOR
        : { text: undefined, tone: 'danger' },
  }
}

/**
 * The operator's API has no way to cancel a product or a subscription (documents 000-004 and
 * Kanal's own methods): what is running says that the operator cancels it.
 */
const CANCEL_VIA_OPERATOR: StatusLine = { text: phrase('store.mine.cancelViaOperator'), tone: 'textDim' }

/** A bought subscription of document 001: active since its purchase, cancelled through the operator. */
export const subscriptionRowLook = (row: SubscriptionRowData): LicenceRowLook => ({
  badge: { text: phrase('store.licence.status.ACTIVE'), tone: BADGE.active },
  title: row.service.title,
  dates:
    row.purchaseDate !== undefined
      ? phrase('store.mine.boughtOn', { date: formatDate(row.purchaseDate) })
      : phrase('store.type.subscription'),
  warning: undefined,
  advice: CANCEL_VIA_OPERATOR,
})

export const myProductRowLook = (row: MyProductRow): LicenceRowLook =>
  'service' in row ? subscriptionRowLook(row) : licenceRowLook(row)
