import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { sessionOf, type Api } from '../http/api'
import type { UserRow } from '../model/users'
import { SubscriptionError, readSettings, subscriptionErrors, updateSettings } from '../model/subscription'

type Req = FastifyRequest<{ Params: { customerId: string } }>

/**
 * Document 002, REST: GET and POST /api/iptv/subscription/:customerId. Errors are the HTTP
 * status of the document's table with {code, message}, also when no user is logged in.
 */
export const registerSubscription = (app: FastifyInstance, api: Api): void => {
  const handle = (req: Req, reply: FastifyReply, run: (actor: UserRow) => unknown): FastifyReply => {
    const session = sessionOf(api, req)
    // Document 002's table has no 401: a missing or expired token is its access_denied row.
    if (!session?.user) {
      const e = subscriptionErrors.accessDenied()
      return reply.code(e.status).send({ code: e.code, message: e.message })
    }
    try {
      return reply.send(run(session.user))
    } catch (e) {
      if (e instanceof SubscriptionError)
        return reply.code(e.status).send({ code: e.code, message: e.message })
      throw e
    }
  }

  app.get('/api/iptv/subscription/:customerId', async (req: Req, reply) =>
    handle(req, reply, (actor) => readSettings(api.sim, actor, req.params.customerId)),
  )

  app.post('/api/iptv/subscription/:customerId', async (req: Req, reply) =>
    handle(req, reply, (actor) => {
      if (req.body === undefined || req.body === null) throw subscriptionErrors.type('body', 'a JSON object')
      return updateSettings(api.sim, actor, req.params.customerId, req.body)
    }),
  )
}
