import type { Api } from '../../api'
import { apiError } from '../../api'
import type { Session as ApiSession } from '../../domain/session'
import type { SessionApi, SessionGrant } from './sessionStore'

const grantOf = (session: ApiSession): SessionGrant => ({
  token: session.token,
  expiresAt: session.expiresAt,
  user:
    session.user === undefined
      ? undefined
      : { id: session.user.id, name: session.user.name, customerId: session.user.customerId },
  // The operator has no renewal call yet: an ended sign-in falls back to anonymous.
  renewKey: undefined,
})

/** The session store's view of the envelope API (Login, LoginAnonymous, Logout). */
export const sessionApiOf = (api: Api, deviceName = 'Kanal TV'): SessionApi => ({
  login: async (username, password, deviceId) =>
    grantOf(await api.envelope.login({ username, password, deviceId, deviceName })),
  loginAnonymous: async (deviceId) => grantOf(await api.envelope.loginAnonymous(deviceId)),
  renew: () =>
    Promise.reject(apiError({ kind: 'auth', reason: 'this operator has no session renewal', code: 30 })),
  logout: async () => {
    await api.envelope.logout()
  },
})
