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

/** What the account's device list shows for this box when its platform gives no name. */
export const DEFAULT_DEVICE_NAME = 'Kanal TV'

/**
 * The session store's view of the envelope API (Login, LoginAnonymous, Logout). `deviceName`
 * is asked at each sign-in: a platform (Firebolt) may name the box, and the viewer may rename it.
 */
export const sessionApiOf = (
  api: Api,
  deviceName: () => Promise<string | undefined> = () => Promise.resolve(undefined),
): SessionApi => ({
  login: async (username, password, deviceId) =>
    grantOf(
      await api.envelope.login({
        username,
        password,
        deviceId,
        deviceName: (await deviceName().catch(() => undefined)) ?? DEFAULT_DEVICE_NAME,
      }),
    ),
  loginAnonymous: async (deviceId) => grantOf(await api.envelope.loginAnonymous(deviceId)),
  renew: () =>
    Promise.reject(apiError({ kind: 'auth', reason: 'this operator has no session renewal', code: 30 })),
  logout: async () => {
    await api.envelope.logout()
  },
})
