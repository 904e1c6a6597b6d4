import { productPrice, type DetailView, type Price } from '../../state/store/storeView'
import { phrase, type Phrase } from '../i18n'
import { formatPrice } from '../components/priceLabel'

export { formatPrice, pricePhrase, priceText } from '../components/priceLabel'
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
