import type { BillingPeriod } from '../../domain/prices'
import { productPrice, type DetailView, type Price } from '../../state/store/storeView'
import { phrase, say, type Phrase } from '../i18n'

/** 25 € / EUR 25.00, in the interface language. */
export const formatPrice = (amount: number, currency: string, locale: string): string => {
  try {
    return new Intl.NumberFormat(locale, currency ? { style: 'currency', currency } : {}).format(amount)
  } catch {
    return `${amount} ${currency}`.trim()
  }
}

const PERIOD_KEY: Record<BillingPeriod, string> = {
  month: 'store.price.perMonth',
  year: 'store.price.perYear',
  once: 'store.price.once',
  unknown: 'store.price.plain',
}

/** "€19.00 a month", "Price on request"; nothing for a subscription without a price. */
export const pricePhrase = (price: Price, locale: string): Phrase | undefined => {
  switch (price.kind) {
    case 'amount':
      return phrase(PERIOD_KEY[price.period], { price: formatPrice(price.amount, price.currency, locale) })
    case 'included':
      return phrase('store.price.included')
    case 'onRequest':
      return phrase('store.price.onRequest')
    case 'none':
      return undefined
  }
}

export const priceText = (price: Price, locale: string): string => say(pricePhrase(price, locale))

export { CAPABILITY_LABEL } from '../components/capabilityLabel'

/** The price a product's or a subscription's page states (the tile's rule). */
export const detailPrice = (view: DetailView): Price => {
  switch (view.kind) {
    case 'product':
      return productPrice(view.product, view.offer.kind === 'hidden' ? 'buy' : view.offer.kind)
    case 'service': {
      const { price, currency } = view.service.canWatch
      if (view.offer.kind === 'owned') return { kind: 'included' }
      return price === undefined
        ? { kind: 'none' }
        : { kind: 'amount', amount: price, currency: currency ?? '', period: 'month' }
    }
    default:
      return { kind: 'none' }
  }
}

/** The PIN dialog restates what the viewer agrees to pay: "To buy X for €19.00 a month, …". */
export const pinBodyPhrase = (title: string, price: Price, locale: string): Phrase =>
  price.kind === 'amount'
    ? phrase(`store.pin.body.${price.period}`, {
        title,
        price: formatPrice(price.amount, price.currency, locale),
      })
    : phrase('store.pin.body', { title })
