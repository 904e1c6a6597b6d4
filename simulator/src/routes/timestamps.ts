import type { FastifyInstance } from 'fastify'
import type { Api } from '../http/api'
import { envelopeMethod } from '../http/envelope'
import { readStamps } from '../model/stamps'

/**
 * GetUserTimestamps (document 000). "This method only can be used by logged user": an
 * anonymous token gets AuthenticationRequired (30), like a missing one.
 */
export const registerTimestamps = (app: FastifyInstance, api: Api): void => {
  envelopeMethod(app, api, 'GetUserTimestamps', 'user', ({ user }) => readStamps(api.sim, user.id))
}
