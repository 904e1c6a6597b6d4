import type { FastifyInstance } from 'fastify'
import type { Api } from '../http/api'
import { envelopeMethod, id } from '../http/envelope'
import { SimError } from '../model/context'
import { checkPurchasePin } from '../model/pin'
import { purchaseProduct } from '../model/licences'
import { getService, grantService } from '../model/services'
import { getProduct } from '../model/products'

/**
 * Purchase of a product (document 003: a licence that is PROCESSING, then ACTIVE or
 * ORDER_ERROR by the simulator clock) or of a subscription (document 001: owned at once).
 */
export const registerPurchase = (app: FastifyInstance, api: Api): void => {
  envelopeMethod(app, api, 'Purchase', 'user', ({ user, body }) => {
    const hasProduct = body.ProductID !== undefined
    const hasSubscription = body.SubscriptionID !== undefined
    if (hasProduct === hasSubscription)
      throw new SimError('invalid', 'Give exactly one of ProductID and SubscriptionID')
    if (user.role !== 'customer') throw new SimError('notAllowed', 'Only customers can buy')
    // What is bought must exist before the PIN is checked: a typo must not cost an attempt.
    if (hasProduct) {
      const productId = id(body, 'ProductID')
      if (!getProduct(api.sim, productId)) throw new SimError('notFound', `No product ${productId}`)
      checkPurchasePin(api.sim, user, body.Pin)
      const licence = api.sim.db.transaction(() => purchaseProduct(api.sim, user.id, productId))()
      return { LicenseID: String(licence.id), Status: licence.status }
    }
    // Document 001's subscription ids are whole numbers; "abc" or "1e400" names none.
    const subscriptionId = Number(id(body, 'SubscriptionID'))
    if (!Number.isSafeInteger(subscriptionId))
      throw new SimError('invalid', 'SubscriptionID must be a whole number')
    if (!getService(api.sim, subscriptionId))
      throw new SimError('notFound', `No subscription ${subscriptionId}`)
    checkPurchasePin(api.sim, user, body.Pin)
    api.sim.db.transaction(() => grantService(api.sim, user, subscriptionId, true))()
    return { SubscriptionID: subscriptionId, Status: 'ACTIVE' }
  })
}
