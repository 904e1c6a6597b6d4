import type { Capability } from '../../domain/channels'
import type { Price, Tile } from '../../state/store/storeView'
import { formatDate } from '../format'
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

/** "1 channel", "12 channels". */
export const channelCount = (count: number): string =>
  count === 1 ? t('store.status.oneChannel') : t('store.status.channels', { count })

/** The line under a tile's description: what the viewer can do with it. */
export const tileStatusText = (tile: Tile): string => {
  switch (tile.status) {
    case 'owned':
      return t('store.status.owned')
    case 'pending':
      return t('store.status.pending')
    case 'included':
      return t('store.status.included')
    case 'later':
      return t('store.status.availableFrom', { date: formatDate(tile.availableFrom ?? 0) })
    case 'buy':
      return tile.channelCount !== undefined ? channelCount(tile.channelCount) : t('store.status.buy')
  }
}

export const CAPABILITY_LABEL: Record<Capability, string> = {
  live: 'store.capability.live',
  catchup: 'store.capability.catchup',
  npvr: 'store.capability.npvr',
  startover: 'store.capability.startover',
}
