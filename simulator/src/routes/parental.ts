import type { FastifyInstance } from 'fastify'
import type { Api } from '../http/api'
import { envelopeMethod, id } from '../http/envelope'
import { parentalControl, setParentalControl, unlockProgramme } from '../model/parental'
import { setPinEnabled } from '../model/pin'
import { getUser } from '../model/users'
import { SimError } from '../model/context'

/**
 * Parental control: the settings, document 000's DisablePin / EnablePin (the same PIN state as
 * SetPinEnabled) and unlocking one programme with the PIN.
 */
export const registerParental = (app: FastifyInstance, api: Api): void => {
  envelopeMethod(app, api, 'GetParentalControl', 'user', ({ user }) => parentalControl(user))

  // No transaction around it: a wrong PIN's count must stay written when the call fails.
  envelopeMethod(app, api, 'SetParentalControl', 'user', ({ user, body }) =>
    setParentalControl(api.sim, user, body.Pin, body.Enabled, body.MaxRating),
  )

  const pinSwitch = (method: string, enabled: boolean): void =>
    envelopeMethod(app, api, method, 'user', ({ user, body }) => {
      setPinEnabled(api.sim, user, body.Pin, enabled)
      const after = getUser(api.sim, user.id)
      if (!after) throw new SimError('auth', 'Unknown user')
      return parentalControl(after)
    })
  pinSwitch('DisablePin', false)
  pinSwitch('EnablePin', true)

  envelopeMethod(app, api, 'UnlockProgramme', 'user', ({ user, body }) =>
    unlockProgramme(api.sim, user, id(body, 'ProgrammeID'), body.Pin),
  )
}
