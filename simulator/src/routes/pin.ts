import type { FastifyInstance } from 'fastify'
import type { Api } from '../http/api'
import { envelopeMethod, optBool } from '../http/envelope'
import { SimError } from '../model/context'
import { changePin, pinState, setPinEnabled } from '../model/pin'

export const registerPin = (app: FastifyInstance, api: Api): void => {
  envelopeMethod(app, api, 'GetPinState', 'user', ({ user }) => pinState(api.sim, user))

  envelopeMethod(app, api, 'ChangePin', 'user', ({ user, body }) => {
    changePin(api.sim, user, body.OldPin, body.NewPin)
    return null
  })

  envelopeMethod(app, api, 'SetPinEnabled', 'user', ({ user, body }) => {
    const enabled = optBool(body, 'Enabled')
    if (enabled === undefined) throw new SimError('invalid', 'Enabled must be a boolean')
    setPinEnabled(api.sim, user, body.Pin, enabled)
    return null
  })
}
