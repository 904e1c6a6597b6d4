import type { Capability } from '../../domain/channels'
import type { Price } from '../../state/store/storeView'
import { t } from '../i18n'

/** 25 € / EUR 25.00, in the interface language. */
export const formatPrice = (amount: number, currency: string, locale: string): string => {
  try {
    return new Intl.NumberFormat(locale, currency ? { style: 'currency', currency } : {}).format(amount)
  } catch {
    return `${amount} ${currency}`.trim()
  }
}

export const priceText = (price: Price, locale: string): string => {
  switch (price.kind) {
    case 'amount':
      return t('store.price.perMonth', { price: formatPrice(price.amount, price.currency, locale) })
    case 'included':
      return t('store.price.included')
    case 'none':
      return ''
  }
}

export const CAPABILITY_LABEL: Record<Capability, string> = {
  live: 'store.capability.live',
  catchup: 'store.capability.catchup',
  npvr: 'store.capability.npvr',
  startover: 'store.capability.startover',
}
