import { fullJitterDelay, realTimers, sleep, type Timers } from './backoff'
import {
  apiError,
  httpError,
  isApiError,
  isRetryable,
  protocolError,
  type ApiError,
  type ErrorBody,
} from './errors'

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'

/** What every client method accepts: cancellation, a per-call timeout and why it is made. */
export interface CallOptions {
  signal?: AbortSignal
  /** Per attempt; the transport's default when absent. */
  timeoutMs?: number
  /**
   * Why the call is made (`schedule`, `write`...), told to the operator as the `X-Kanal-Reason`
   * header so that QA can see what made a box call. Only a short lower-case word is sent
   * (REASON_PATTERN); anything else is left out rather than put on the wire.
   */
  reason?: string
  /**
   * Retries after the first attempt of an idempotent call; the transport's default when
   * absent. 0 for a caller that owns its retries (the timestamps poller): retries at two
   * levels multiply, and during an outage they multiply the load an operator is offered.
   */
  retries?: number
}

export const REASON_HEADER = 'X-Kanal-Reason'
export const REASON_PATTERN = /^[a-z][a-z-]{0,31}$/

export interface TransportRequest<T> extends CallOptions {
  method: HttpMethod
  /** Relative to the base URL of the operator APIs (settings apiBaseUrl, e.g. `/api`): `GetChannels`. */
  path: string
  /** Sent as JSON. */
  body?: unknown
  /** Only idempotent calls are retried. Default: true for GET, false otherwise. */
  idempotent?: boolean
  /** Accept header (JSON:API asks for application/vnd.api+json). */
  accept?: string
  /** Reads an error response's body (HTTP >= 400) into code, field and reason. */
  readError?: (body: unknown) => ErrorBody | undefined
  /**
   * Turns a 2xx body (parsed JSON, undefined when empty) into the result. What it throws
   * counts as the attempt's failure, so that an envelope's InternalError is retried like a 500.
   */
  read?: (body: unknown, status: number) => T
}

export interface Transport {
  request<T = unknown>(req: TransportRequest<T>): Promise<T>
  /**
   * A URL the operator handed out (a logo, a stream), made absolute against the API base: the
   * operator may send it relative (`/api/logos/ch1.png`), and the API may live on another
   * origin than the app. One that cannot be read is returned as it is, for the caller to refuse.
   */
  resolveUrl(url: string): string
}

export interface TransportOptions {
  /** Where the operator APIs live, e.g. `http://localhost:8080/`. */
  baseUrl: string
  /** The session token, sent as `Authorization: Bearer`; never put in a URL. */
  getToken: () => string | undefined
  fetch?: typeof fetch
  timeoutMs?: number
  /** Retries after the first attempt of an idempotent call. */
  retries?: number
  backoffBaseMs?: number
  backoffCapMs?: number
  /** Uniform in [0, 1). */
  random?: () => number
  /** Waits between retries; rejects when the signal aborts. Default: a timer. */
  delay?: (ms: number, signal: AbortSignal | undefined) => Promise<void>
  /** The timers of the per-attempt timeout. */
  timers?: Timers
  /**
   * Told the operator's time from each response's `Date` header (ms since the epoch), so that
   * the app can follow the operator's clock rather than the box's.
   */
  onServerDate?: (operatorMs: number) => void
}

export const DEFAULT_TIMEOUT_MS = 15_000
export const DEFAULT_RETRIES = 2
export const DEFAULT_BACKOFF_BASE_MS = 500
export const DEFAULT_BACKOFF_CAP_MS = 8_000

const TIMEOUT = Symbol('timeout')

const messageOf = (e: unknown): string | undefined =>
  typeof e === 'object' && e !== null && typeof (e as { message?: unknown }).message === 'string'
    ? (e as { message: string }).message
    : undefined

/** An error's message and its cause's (fetch puts the useful part there), whatever realm it comes from. */
const describe = (e: unknown): string => {
  const message = messageOf(e) ?? String(e)
  const cause = messageOf((e as { cause?: unknown } | null)?.cause)
  return cause !== undefined ? `${message} (${cause})` : message
}

const parseJson = (text: string, status: number): unknown => {
  if (text.trim() === '') return undefined
  try {
    return JSON.parse(text) as unknown
  } catch (e) {
    throw protocolError(`The response is not JSON: ${describe(e)}`, status)
  }
}

export const createTransport = (options: TransportOptions): Transport => {
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init))
  const timers = options.timers ?? realTimers
  const random = options.random ?? Math.random
  const delay = options.delay ?? ((ms: number, signal: AbortSignal | undefined) => sleep(ms, signal, timers))
  const retries = options.retries ?? DEFAULT_RETRIES
  const base = options.backoffBaseMs ?? DEFAULT_BACKOFF_BASE_MS
  const cap = options.backoffCapMs ?? DEFAULT_BACKOFF_CAP_MS
  const baseUrl = options.baseUrl.endsWith('/') ? options.baseUrl : `${options.baseUrl}/`

  const attempt = async <T>(req: TransportRequest<T>): Promise<T> => {
    const timeoutMs = req.timeoutMs ?? options.timeoutMs ?? DEFAULT_TIMEOUT_MS
    const controller = new AbortController()
    const onAbort = (): void => controller.abort(req.signal?.reason)
    req.signal?.addEventListener('abort', onAbort, { once: true })
    const timer = timers.setTimeout(() => controller.abort(TIMEOUT), timeoutMs)

    const headers: Record<string, string> = { Accept: req.accept ?? 'application/json' }
    const token = options.getToken()
    if (token !== undefined && token !== '') headers.Authorization = `Bearer ${token}`
    if (req.body !== undefined) headers['Content-Type'] = 'application/json'
    if (req.reason !== undefined && REASON_PATTERN.test(req.reason)) headers[REASON_HEADER] = req.reason

    const failed = (e: unknown): ApiError => {
      if (controller.signal.aborted && controller.signal.reason === TIMEOUT) {
        return apiError({ kind: 'timeout', reason: `No answer within ${timeoutMs} ms`, timeoutMs })
      }
      if (req.signal?.aborted) return apiError({ kind: 'aborted', reason: 'The request was cancelled' })
      return apiError({ kind: 'network', reason: `The request failed: ${describe(e)}` })
    }

    try {
      let response: Response
      let text: string
      // Whatever fetch or the body stream throws is the connection's failure (its class may come
      // from another realm, so it is not told apart by instanceof).
      try {
        response = await doFetch(new URL(req.path.replace(/^\/+/, ''), baseUrl).toString(), {
          method: req.method,
          headers,
          ...(req.body !== undefined ? { body: JSON.stringify(req.body) } : {}),
          signal: controller.signal,
        })
        const date = response.headers.get('date')
        if (date !== null && options.onServerDate) options.onServerDate(Date.parse(date))
        // The body is read under the same timeout: a server may stall in the middle of it.
        text = await response.text()
      } catch (e) {
        throw failed(e)
      }
      if (response.status >= 400) {
        let body: unknown
        try {
          body = parseJson(text, response.status)
        } catch {
          body = undefined
        }
        throw httpError(response.status, body === undefined ? undefined : req.readError?.(body))
      }
      const body = parseJson(text, response.status)
      if (!req.read) return body as T
      try {
        return req.read(body, response.status)
      } catch (e) {
        throw isApiError(e)
          ? e
          : protocolError(`The response could not be read: ${describe(e)}`, response.status)
      }
    } finally {
      timers.clearTimeout(timer)
      req.signal?.removeEventListener('abort', onAbort)
    }
  }

  return {
    resolveUrl(url: string): string {
      try {
        return new URL(url, baseUrl).toString()
      } catch {
        return url
      }
    },
    async request<T>(req: TransportRequest<T>): Promise<T> {
      const idempotent = req.idempotent ?? req.method === 'GET'
      const allowed = req.retries ?? retries
      for (let n = 0; ; n += 1) {
        if (req.signal?.aborted) throw apiError({ kind: 'aborted', reason: 'The request was cancelled' })
        try {
          return await attempt(req)
        } catch (e) {
          const error: ApiError = isApiError(e) ? e : protocolError(describe(e))
          if (!idempotent || !isRetryable(error) || n >= allowed) throw error
          try {
            await delay(fullJitterDelay(n, base, cap, random), req.signal)
          } catch {
            throw apiError({ kind: 'aborted', reason: 'The request was cancelled' })
          }
        }
      }
    },
  }
}
