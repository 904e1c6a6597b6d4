import type { BillingPeriod } from '../../domain/prices'
import type { Price } from '../../state/store/storeView'
import { phrase, say, type Phrase } from '../i18n'

/*
 * A price as every screen states it: the store's tiles and product pages, the PIN dialog, and
 * the player's offer over a channel the viewer does not have.
 */

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
