import {
  productIdForChannel,
  productPageOf,
  servicePageOf,
  type DetailView,
  type StoreModel,
} from '../../state/store/storeView'

/** What a product page was opened on. */
export type ProductTarget =
  | { kind: 'product'; id: string }
  | { kind: 'service'; id: number }
  | { kind: 'channel'; id: string }

/**
 * The target of #store/product/<id>, #store/service/<id> (a malformed id finds nothing) or
 * #store/channel/<channelId>.
 */
export const productTargetOf = (params: Record<string, unknown>): ProductTarget => {
  const { productId, serviceId, channelId } = params
  if (typeof serviceId === 'string')
    return { kind: 'service', id: /^\d+$/.test(serviceId) ? Number(serviceId) : NaN }
  if (typeof productId === 'string') return { kind: 'product', id: productId }
  return { kind: 'channel', id: typeof channelId === 'string' ? channelId : '' }
}

/**
 * The page for a target. A locked channel opens the smallest product that grants it; until the
 * catalogue is there that is still loading, after it a channel no product grants is missing.
 */
export const detailViewOf = (model: StoreModel, target: ProductTarget | undefined): DetailView => {
  switch (target?.kind) {
    case 'service':
      return servicePageOf(model, target.id)
    case 'product':
      return productPageOf(model, target.id)
    case 'channel': {
      const id = productIdForChannel(model, target.id)
      if (id !== undefined) return productPageOf(model, id)
      return model.products === undefined ? { kind: 'loading' } : { kind: 'missing' }
    }
    default:
      return { kind: 'missing' }
  }
}
