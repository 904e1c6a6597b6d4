import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { baseUrlOf, sessionOf, type Api } from '../http/api'
import { JSON_API_TYPE } from '../http/style'
import { syncUser } from '../model/sync'
import { CHANNEL_SERVICES, channelsOfProducts, listProducts, type ProductRow } from '../model/products'
import { getLicence, listLicences, type LicenceRow } from '../model/licences'
import type { Session } from '../auth'
import { getUser } from '../model/users'
import { LIMITS } from '../limits'

interface Resource {
  id: string
  type: string
  attributes: Record<string, unknown>
  relationships: Record<string, { data: { id: string; type: string } | { id: string; type: string }[] }>
  links?: { self: string }
}

/**
 * A licence of a product lasts `duration_days`; the demo's 30-day products renew by the month,
 * anything else (the World Cup pass) is paid once for its period.
 */
const billingPeriodOf = (p: ProductRow): 'month' | 'once' => (p.duration_days === 30 ? 'month' : 'once')

const productResources = (api: Api, products: ProductRow[]): Resource[] => {
  const channels = channelsOfProducts(
    api.sim,
    products.map((p) => p.id),
  )
  return products.map((p) => {
    const rel = channels.get(p.id)
    return {
      id: p.id,
      type: 'Product',
      attributes: {
        title: p.title,
        description: p.description,
        type: p.type,
        is_premium: p.is_premium === 1,
        // Kanal's extension: document 003 has no price (docs/API.md).
        price: { amount: p.price_cents / 100, currency: p.currency },
        billing_period: billingPeriodOf(p),
      },
      relationships: Object.fromEntries(
        CHANNEL_SERVICES.map((service) => [
          service,
          { data: (rel?.[service] ?? []).map((id) => ({ id, type: 'Channel' })) },
        ]),
      ),
    }
  })
}

/**
 * A licence as document 003's example shows it. The prose says `end_date`, the example
 * `stop_date`: the simulator sends `stop_date`, and leaves it out for a licence without end.
 */
const licenceResource = (l: LicenceRow, baseUrl: string): Resource => {
  const attributes: Record<string, unknown> = { status: l.status, start_date: l.start_date }
  if (l.stop_date !== null) attributes.stop_date = l.stop_date
  return {
    id: String(l.id),
    type: 'License',
    attributes,
    relationships: {
      user: { data: { id: l.user_id, type: 'User' } },
      product: { data: { id: l.product_id, type: 'Product' } },
    },
    links: { self: `${baseUrl}/api/user/${encodeURIComponent(l.user_id)}/license/${l.id}` },
  }
}

const jsonApiError = (reply: FastifyReply, status: number, code: string, title: string): FastifyReply =>
  reply
    .code(status)
    .type(JSON_API_TYPE)
    .send({ errors: [{ status: String(status), code, title }] })

/** Document 003, JSON:API 1.0: the product catalogue and the user's licences with `included`. */
export const registerCatalog = (app: FastifyInstance, api: Api): void => {
  const sim = api.sim

  app.get('/api/products', async (req, reply) => {
    if (!sessionOf(api, req)) return jsonApiError(reply, 401, 'access_denied', 'Authentication required')
    return reply.type(JSON_API_TYPE).send({ data: productResources(api, listProducts(sim)) })
  })

  /** The caller may read a user's licences if it is that user, a reseller of its customer, or the admin. */
  const mayRead = (session: Session, userId: string): boolean => {
    const actor = session.user
    if (!actor) return false
    if (actor.role === 'admin' || actor.id === userId) return true
    if (actor.role !== 'reseller') return false
    const row = sim.db
      .prepare<
        [string],
        { reseller_id: string }
      >('SELECT c.reseller_id FROM users u JOIN customers c ON c.id = u.customer_id WHERE u.id = ?')
      .get(userId)
    return row?.reseller_id === actor.reseller_id
  }

  const guard = (req: FastifyRequest<{ Params: { userId: string } }>, reply: FastifyReply): boolean => {
    const session = sessionOf(api, req)
    if (!session?.user) {
      jsonApiError(reply, 401, 'access_denied', 'Authentication required')
      return false
    }
    if (req.params.userId.length > LIMITS.idChars) {
      jsonApiError(reply, 400, 'invalid_parameter', `A user id has at most ${LIMITS.idChars} characters`)
      return false
    }
    if (!mayRead(session, req.params.userId)) {
      jsonApiError(reply, 403, 'access_denied', 'Insufficient access level')
      return false
    }
    const owner = getUser(sim, req.params.userId)
    if (!owner) {
      jsonApiError(reply, 404, 'not_found', 'No such user')
      return false
    }
    syncUser(sim, owner)
    return true
  }

  const included = (licences: LicenceRow[]): Resource[] => {
    const ids = [...new Set(licences.map((l) => l.product_id))]
    return productResources(
      api,
      listProducts(sim).filter((p) => ids.includes(p.id)),
    )
  }

  app.get('/api/user/:userId/license', async (req: FastifyRequest<{ Params: { userId: string } }>, reply) => {
    if (!guard(req, reply)) return reply
    const licences = listLicences(sim, req.params.userId)
    const base = baseUrlOf(api)
    return reply
      .type(JSON_API_TYPE)
      .send({ data: licences.map((l) => licenceResource(l, base)), included: included(licences) })
  })

  app.get(
    '/api/user/:userId/license/:id',
    async (req: FastifyRequest<{ Params: { userId: string; id: string } }>, reply) => {
      if (!guard(req, reply)) return reply
      // More digits than a safe integer names no licence (and would not compare as one).
      const licence = /^\d{1,15}$/.test(req.params.id)
        ? getLicence(sim, req.params.userId, Number(req.params.id))
        : undefined
      if (!licence) return jsonApiError(reply, 404, 'not_found', 'No such licence')
      return reply
        .type(JSON_API_TYPE)
        .send({ data: licenceResource(licence, baseUrlOf(api)), included: included([licence]) })
    },
  )
}
