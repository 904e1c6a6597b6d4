import * as v from 'valibot'
import type { Session, UserRole } from '../domain/session'
import type { EnvelopeCall } from './envelope'
import type { CallOptions } from './transport'
import { enumOrUnknown, id, num, parseDocument, text } from './validate'

export interface LoginRequest {
  username: string
  /** A secret: sent in the body only, never logged. */
  password: string
  deviceId: string
  deviceName?: string
  deviceModel?: string
  /** The id this device had before a factory reset (document 004's DEVICE_RECONFIGURED). */
  previousDeviceId?: string
}

const ROLES: readonly Exclude<UserRole, 'unknown'>[] = ['customer', 'reseller', 'admin']

const sessionSchema = v.pipe(
  v.looseObject({
    token: v.pipe(v.string(), v.minLength(1)),
    expiresAt: num,
    user: v.optional(
      v.looseObject({
        id,
        name: text,
        role: enumOrUnknown(ROLES),
        customerId: v.nullish(id),
      }),
    ),
  }),
  v.transform(
    (c): Session => ({
      token: c.token,
      expiresAt: c.expiresAt,
      ...(c.user
        ? {
            user: {
              id: c.user.id,
              name: c.user.name,
              role: c.user.role,
              ...(c.user.customerId != null ? { customerId: c.user.customerId } : {}),
            },
          }
        : {}),
    }),
  ),
)

const readSession = (what: string) => (content: unknown) => parseDocument(sessionSchema, content, what)

/** Login, LoginAnonymous and Logout (Kanal's own envelope methods). None is retried: each creates or ends a session. */
export const sessionMethods = (call: EnvelopeCall) => ({
  login: (request: LoginRequest, options: CallOptions = {}): Promise<Session> =>
    call('Login', { ...request }, readSession('Login'), { ...options, idempotent: false }),

  loginAnonymous: (deviceId: string, options: CallOptions = {}): Promise<Session> =>
    call('LoginAnonymous', { deviceId }, readSession('LoginAnonymous'), { ...options, idempotent: false }),

  logout: (options: CallOptions = {}): Promise<void> =>
    call('Logout', {}, () => undefined, { ...options, idempotent: false }),
})
