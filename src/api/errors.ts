/**
 * The one error family of every operator call, whatever the wire protocol. Screens and stores
 * switch on `kind`; `status` and `code` say what the server said, `field` which input it
 * refused (e.g. `nPvr.storage`), `reason` is readable and never holds a token or a PIN.
 */
export type ApiErrorKind =
  | 'network'
  | 'timeout'
  | 'aborted'
  | 'server'
  | 'auth'
  | 'denied'
  | 'locked'
  | 'notFound'
  | 'conflict'
  | 'validation'
  | 'protocol'

interface Common {
  reason: string
  /** HTTP status, when there was a response. */
  status?: number
  /** The protocol's own code: envelope StatusCode, REST/JSON:API code, JSON-RPC error code. */
  code?: string | number
}

/** Details some refusals carry (PIN attempts, a lock, the date an upgrade becomes possible). */
export interface RefusalDetails {
  attemptsLeft?: number
  lockedUntil?: number
  availableFrom?: number
}

export type ApiFailure =
  | (Common & { kind: 'network' })
  | (Common & { kind: 'timeout'; timeoutMs: number })
  | (Common & { kind: 'aborted' })
  | (Common & { kind: 'server' })
  | (Common & { kind: 'auth' })
  | (Common & RefusalDetails & { kind: 'denied'; field?: string })
  /** Signing in is refused for a while (too many wrong passwords), the right password too. */
  | (Common & { kind: 'locked'; lockedUntil: number })
  | (Common & { kind: 'notFound'; field?: string })
  | (Common & RefusalDetails & { kind: 'conflict'; field?: string })
  | (Common & { kind: 'validation'; field?: string })
  | (Common & { kind: 'protocol' })

/** An Error (so stacks and `instanceof Error` work) that is also an ApiFailure, discriminated by `kind`. */
export type ApiError = Error & ApiFailure & { readonly name: 'ApiError' }

const MARK = Symbol.for('kanal.ApiError')

export const apiError = (failure: ApiFailure): ApiError => {
  const error = new Error(failure.reason) as Error & Record<symbol, boolean>
  error[MARK] = true
  return Object.assign(error, failure, { name: 'ApiError' as const }) as unknown as ApiError
}

/** By a registered symbol rather than instanceof, so that it holds across realms and bundles. */
export const isApiError = (e: unknown): e is ApiError =>
  typeof e === 'object' && e !== null && (e as Record<symbol, unknown>)[MARK] === true

/** Failures worth another try of an idempotent call: the next attempt may well succeed. */
export const isRetryable = (e: ApiError): boolean =>
  e.kind === 'network' || e.kind === 'timeout' || (e.kind === 'server' && e.status !== 501)

export const protocolError = (reason: string, status?: number): ApiError =>
  apiError({ kind: 'protocol', reason, ...(status !== undefined ? { status } : {}) })

/** What a protocol's error body says, to enrich the HTTP status. */
export interface ErrorBody {
  code?: string | number
  field?: string
  reason?: string
}

/** The kind an HTTP error status maps to (never 'locked': only the envelope's LoginLocked says that). */
export const kindOfHttpStatus = (status: number): Exclude<ApiErrorKind, 'locked'> => {
  if (status === 401) return 'auth'
  if (status === 403) return 'denied'
  if (status === 404) return 'notFound'
  if (status === 409) return 'conflict'
  if (status === 400 || status === 422) return 'validation'
  if (status === 408) return 'timeout'
  if (status === 429 || status >= 500) return 'server'
  return 'protocol'
}

export const httpError = (status: number, body: ErrorBody | undefined): ApiError => {
  const kind = kindOfHttpStatus(status)
  const reason = body?.reason ?? `HTTP ${status}`
  const code = body?.code !== undefined ? { code: body.code } : {}
  const field = body?.field !== undefined ? { field: body.field } : {}
  switch (kind) {
    case 'denied':
    case 'notFound':
    case 'conflict':
    case 'validation':
      return apiError({ kind, reason, status, ...code, ...field })
    case 'timeout':
      return apiError({ kind, reason, status, timeoutMs: 0, ...code })
    default:
      return apiError({ kind, reason, status, ...code })
  }
}
