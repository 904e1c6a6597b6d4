import type { FastifyInstance, FastifyRequest } from 'fastify'
import { SimError, type SimErrorKind } from '../model/context'
import type { Session } from '../auth'
import type { UserRow } from '../model/users'
import { syncUser } from '../model/sync'
import { baseUrlOf, isRecord, sessionOf, type Api } from './api'
import { STATUS, envelopeError, envelopeOk } from './style'
import { LIMITS } from '../limits'

/** public: no token needed; session: any token, anonymous too; user: a logged-in user. */
export type Access = 'public' | 'session' | 'user'

export interface EnvelopeCall {
  body: Record<string, unknown>
  session?: Session
  req: FastifyRequest
  baseUrl: string
}

export type UserCall = EnvelopeCall & { session: Session; user: UserRow }

const CODES: Record<SimErrorKind, number> = {
  auth: STATUS.AuthenticationRequired,
  notFound: STATUS.NotFound,
  invalid: STATUS.InvalidParameter,
  notAllowed: STATUS.NotAllowed,
  quota: STATUS.QuotaExceeded,
  conflict: STATUS.Conflict,
  pin: STATUS.PinRequired,
  pinLocked: STATUS.PinLocked,
  loginLocked: STATUS.LoginLocked,
  internal: STATUS.InternalError,
}

export const envelopeOfError = (e: SimError): ReturnType<typeof envelopeError> =>
  envelopeError(CODES[e.kind], e.message, e.details ?? null)

type Handler<A extends Access> = (call: A extends 'user' ? UserCall : EnvelopeCall) => unknown

/**
 * Registers `POST /api/<method>` in the style of document 000: always HTTP 200 with
 * {StatusCode, Severity, StatusMessage, Content}. A user's data is brought up to the
 * simulator clock before the handler reads it.
 */
export const envelopeMethod = <A extends Access>(
  app: FastifyInstance,
  api: Api,
  method: string,
  access: A,
  handler: Handler<A>,
): void => {
  app.post(`/api/${method}`, async (req, reply) => {
    const raw = req.body ?? {}
    if (!isRecord(raw))
      return reply.send(envelopeError(STATUS.InvalidParameter, 'The body must be a JSON object'))
    const session = access === 'public' ? undefined : sessionOf(api, req, raw.token)
    if (access !== 'public' && !session) {
      return reply.send(envelopeError(STATUS.AuthenticationRequired, 'AuthenticationRequired'))
    }
    if (access === 'user' && !session?.user) {
      return reply.send(
        envelopeError(
          STATUS.AuthenticationRequired,
          'AuthenticationRequired: this method needs a logged-in user',
        ),
      )
    }
    const call: EnvelopeCall = { body: raw, session, req, baseUrl: baseUrlOf(api) }
    try {
      if (session?.user) syncUser(api.sim, session.user)
      const userCall: UserCall | undefined = session?.user
        ? { ...call, session, user: session.user }
        : undefined
      const full: EnvelopeCall = userCall ?? call
      // A handler may answer late (a throttled Login): awaiting a plain value costs nothing.
      const content: unknown = await (handler as (c: EnvelopeCall) => unknown)(full)
      return reply.send(envelopeOk(content === undefined ? null : content))
    } catch (e) {
      if (e instanceof SimError) return reply.send(envelopeOfError(e))
      throw e
    }
  })
}

// Small readers for envelope bodies: each refuses with InvalidParameter (41), also a string
// longer than its documented maximum (names 200 characters, ids 64: docs/API.md, "Limits").
export const str = (body: Record<string, unknown>, key: string, max: number = LIMITS.nameChars): string => {
  const v = body[key]
  if (typeof v !== 'string' || v === '') throw new SimError('invalid', `${key} must be a non-empty string`)
  if (v.length > max) throw new SimError('invalid', `${key} must be at most ${max} characters`)
  return v
}

export const optStr = (
  body: Record<string, unknown>,
  key: string,
  max: number = LIMITS.nameChars,
): string | undefined => {
  const v = body[key]
  if (v === undefined || v === null) return undefined
  if (typeof v !== 'string') throw new SimError('invalid', `${key} must be a string`)
  if (v.length > max) throw new SimError('invalid', `${key} must be at most ${max} characters`)
  return v
}

/** A whole number SQLite can store as an integer (a larger one is a datatype error there). */
export const int = (body: Record<string, unknown>, key: string): number => {
  const v = body[key]
  if (typeof v !== 'number' || !Number.isSafeInteger(v))
    throw new SimError('invalid', `${key} must be a whole number`)
  return v
}

export const optBool = (body: Record<string, unknown>, key: string): boolean | undefined => {
  const v = body[key]
  if (v === undefined || v === null) return undefined
  if (typeof v !== 'boolean') throw new SimError('invalid', `${key} must be a boolean`)
  return v
}

/** An id sent as a string or a number (document 001 ids are ints, ours are strings). */
export const id = (body: Record<string, unknown>, key: string): string => {
  const v = body[key]
  if (typeof v === 'number' && Number.isSafeInteger(v)) return String(v)
  return str(body, key, LIMITS.idChars)
}
