import { isApiError, type ApiError } from '../../../../src/api/errors'
import type { ApiLogger } from '../../../../src/api/logger'

/** A logger that keeps what it was told, to assert on reports of dropped items. */
export const recordingLogger = (): ApiLogger & { lines: { message: string; data?: object }[] } => {
  const lines: { message: string; data?: object }[] = []
  return {
    lines,
    warn: (message, data) => {
      lines.push({ message, ...(data !== undefined ? { data } : {}) })
    },
  }
}

/** A fetch that answers every request with `body` (JSON unless a string), recording what was asked. */
export const fakeFetch = (
  answer: (
    url: string,
    init: RequestInit,
  ) => { status?: number; body: unknown } | Promise<{ status?: number; body: unknown }>,
) => {
  const calls: { url: string; init: RequestInit; body: unknown }[] = []
  const fn = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = String(input)
    const req = init ?? {}
    calls.push({
      url,
      init: req,
      body: typeof req.body === 'string' ? (JSON.parse(req.body) as unknown) : undefined,
    })
    const a = await answer(url, req)
    const text = typeof a.body === 'string' ? a.body : JSON.stringify(a.body)
    return new Response(text, { status: a.status ?? 200, headers: { 'Content-Type': 'application/json' } })
  }
  return Object.assign(fn as typeof fetch, { calls })
}

/** The ApiError a call fails with; a call that succeeds fails the test. */
export const failureOf = async (p: Promise<unknown>): Promise<ApiError> => {
  try {
    await p
  } catch (e) {
    if (isApiError(e)) return e
    throw e
  }
  throw new Error('expected a failure')
}
