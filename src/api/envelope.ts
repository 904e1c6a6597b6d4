import * as v from 'valibot'
import { apiError, protocolError, type ApiError, type ErrorBody, type RefusalDetails } from './errors'
import { silentLogger, type ApiLogger } from './logger'
import type { CallOptions, Transport } from './transport'
import { num, parseDocument } from './validate'

/**
 * The envelope style of document 000, also used by Kanal's own methods: `POST api/<Method>`,
 * HTTP 200 with {StatusCode, Severity, StatusMessage, Content}. A StatusCode other than 0 is
 * mapped into the ApiError family here, so that clients only ever see Content.
 */
export const STATUS_CODE = {
  OK: 0,
  AuthenticationRequired: 30,
  NotFound: 40,
  InvalidParameter: 41,
  NotAllowed: 42,
  QuotaExceeded: 43,
  Conflict: 44,
  PinRequired: 45,
  PinLocked: 46,
  LoginLocked: 47,
  InternalError: 50,
} as const

const envelopeSchema = v.looseObject({
  StatusCode: num,
  Severity: v.optional(v.unknown()),
  StatusMessage: v.nullish(v.string(), ''),
  Content: v.optional(v.unknown()),
})

const detailsSchema = v.looseObject({
  AttemptsLeft: v.optional(num),
  LockedUntil: v.optional(v.nullable(num)),
  AvailableFrom: v.optional(num),
})

const detailsOf = (content: unknown): RefusalDetails => {
  const parsed = v.safeParse(detailsSchema, content)
  if (!parsed.success) return {}
  const d = parsed.output
  return {
    ...(d.AttemptsLeft !== undefined ? { attemptsLeft: d.AttemptsLeft } : {}),
    ...(typeof d.LockedUntil === 'number' ? { lockedUntil: d.LockedUntil } : {}),
    ...(d.AvailableFrom !== undefined ? { availableFrom: d.AvailableFrom } : {}),
  }
}

/** LoginLocked must say until when: without it the viewer could not be told when to try again. */
const loginLockSchema = v.looseObject({ LockedUntil: num })

/** The ApiError of an envelope StatusCode other than 0. */
export const envelopeError = (code: number, message: string, content: unknown, method: string): ApiError => {
  const reason = message !== '' ? message : `${method} failed with StatusCode ${code}`
  const common = { reason, code }
  switch (code) {
    case STATUS_CODE.AuthenticationRequired:
      return apiError({ kind: 'auth', ...common })
    case STATUS_CODE.NotFound:
      return apiError({ kind: 'notFound', ...common })
    case STATUS_CODE.InvalidParameter:
      return apiError({ kind: 'validation', ...common })
    case STATUS_CODE.NotAllowed:
    case STATUS_CODE.PinRequired:
    case STATUS_CODE.PinLocked:
      return apiError({ kind: 'denied', ...common, ...detailsOf(content) })
    case STATUS_CODE.LoginLocked: {
      const lock = v.safeParse(loginLockSchema, content)
      if (!lock.success) return protocolError(`${method}: a sign-in lock without LockedUntil`)
      return apiError({ kind: 'locked', ...common, lockedUntil: lock.output.LockedUntil })
    }
    case STATUS_CODE.QuotaExceeded:
    case STATUS_CODE.Conflict:
      return apiError({ kind: 'conflict', ...common, ...detailsOf(content) })
    default:
      // InternalError and codes Kanal does not know: the server failed, not the request.
      return apiError({ kind: 'server', ...common })
  }
}

/** An envelope carried by an HTTP error (a 500 with StatusCode 50, say). */
const readEnvelopeError = (body: unknown): ErrorBody | undefined => {
  const parsed = v.safeParse(envelopeSchema, body)
  if (!parsed.success) return undefined
  return {
    code: parsed.output.StatusCode,
    ...(parsed.output.StatusMessage ? { reason: parsed.output.StatusMessage } : {}),
  }
}

export interface EnvelopeCallOptions extends CallOptions {
  /** Whether repeating the call is harmless (reads, setting a value); only those are retried. */
  idempotent: boolean
}

export type EnvelopeCall = <T>(
  method: string,
  body: Record<string, unknown>,
  readContent: (content: unknown) => T,
  options: EnvelopeCallOptions,
) => Promise<T>

export interface ClientDeps {
  transport: Transport
  logger?: ApiLogger
}

export const createEnvelopeCall =
  (transport: Transport): EnvelopeCall =>
  (method, body, readContent, options) =>
    transport.request({
      method: 'POST',
      path: method,
      body,
      idempotent: options.idempotent,
      ...(options.signal ? { signal: options.signal } : {}),
      ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
      ...(options.reason !== undefined ? { reason: options.reason } : {}),
      ...(options.retries !== undefined ? { retries: options.retries } : {}),
      readError: readEnvelopeError,
      read: (raw) => {
        const envelope = parseDocument(envelopeSchema, raw, `${method} envelope`)
        if (envelope.StatusCode !== STATUS_CODE.OK) {
          throw envelopeError(envelope.StatusCode, envelope.StatusMessage, envelope.Content, method)
        }
        return readContent(envelope.Content ?? null)
      },
    })

export const loggerOf = (deps: ClientDeps): ApiLogger => deps.logger ?? silentLogger
