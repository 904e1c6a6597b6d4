import type { FastifyInstance } from 'fastify'
import type { Api } from '../http/api'
import { envelopeMethod, optStr, str } from '../http/envelope'
import { login, loginAnonymous, logout } from '../auth'
import { LIMITS } from '../limits'

/** Login, LoginAnonymous and Logout: Kanal's own methods in the style of document 000. */
export const registerSession = (app: FastifyInstance, api: Api): void => {
  envelopeMethod(app, api, 'Login', 'public', async ({ body, req }) => {
    const deviceId = str(body, 'deviceId', LIMITS.idChars)
    const previousDeviceId = optStr(body, 'previousDeviceId', LIMITS.idChars)
    const { token, expiresAt, user } = await login(
      api.sim,
      str(body, 'username'),
      str(body, 'password'),
      {
        deviceId,
        deviceName: optStr(body, 'deviceName') ?? 'TV',
        deviceModel: optStr(body, 'deviceModel') ?? 'Unknown',
        ...(previousDeviceId !== undefined ? { previousDeviceId } : {}),
      },
      // The socket's address: no X-Forwarded-For is trusted, so a client cannot pick its own.
      req.ip,
    )
    const u: { id: string; name: string; role: string; customerId?: string } = {
      id: user.id,
      name: user.name,
      role: user.role,
    }
    if (user.customer_id !== null) u.customerId = user.customer_id
    return { token, expiresAt, user: u }
  })

  envelopeMethod(app, api, 'LoginAnonymous', 'public', ({ body }) => {
    const { token, expiresAt } = loginAnonymous(api.sim, str(body, 'deviceId', LIMITS.idChars))
    return { token, expiresAt, anonymous: true }
  })

  envelopeMethod(app, api, 'Logout', 'session', ({ session }) => {
    if (session) logout(api.sim, session)
    return null
  })
}
