import type { FastifyInstance } from 'fastify'
import type { Api } from '../http/api'
import { envelopeMethod } from '../http/envelope'
import { listServices } from '../model/services'

/** GetServices: document 001's Service objects, with CanWatch and CanAcquire for the caller. */
export const registerServices = (app: FastifyInstance, api: Api): void => {
  envelopeMethod(app, api, 'GetServices', 'user', ({ user }) => listServices(api.sim, user))
}
