/** @jest-environment node */
import { fullJitterDelay } from '../../../src/api/backoff'
import { isApiError, type ApiError } from '../../../src/api/errors'
import { createTransport, type TransportOptions } from '../../../src/api/transport'
import { createEnvelopeClient } from '../../../src/api/envelopeClient'
import { fakeFetch } from './support/recorder'

const failureOf = async (p: Promise<unknown>): Promise<ApiError> => {
  try {
    await p
  } catch (e) {
    if (isApiError(e)) return e
    throw e
  }
  throw new Error('expected a failure')
}

/** A transport whose waits between retries are recorded and skipped. */
const transportWith = (fetch: typeof globalThis.fetch, extra: Partial<TransportOptions> = {}) => {
  const waits: number[] = []
  const transport = createTransport({
    baseUrl: 'http://operator.test/base',
    getToken: () => 'secret-token',
    fetch,
    random: () => 0.5,
    backoffBaseMs: 100,
    backoffCapMs: 1000,
    delay: async (ms) => {
      waits.push(ms)
    },
    ...extra,
  })
  return { transport, waits }
}

describe('requests', () => {
  test('go under the base URL with the token as a Bearer header, never in the URL', async () => {
    const fetch = fakeFetch(() => ({ body: { ok: true } }))
    const { transport } = transportWith(fetch)
    expect(await transport.request({ method: 'POST', path: 'api/GetChannels', body: { a: 1 } })).toEqual({
      ok: true,
    })
    const call = fetch.calls[0]
    expect(call?.url).toBe('http://operator.test/base/api/GetChannels')
    expect(call?.url).not.toContain('secret-token')
    const headers = new Headers(call?.init.headers)
    expect(headers.get('authorization')).toBe('Bearer secret-token')
    expect(headers.get('content-type')).toBe('application/json')
    expect(call?.body).toEqual({ a: 1 })
  })

  test('say why they are made in X-Kanal-Reason, and only in its short lower-case form', async () => {
    const fetch = fakeFetch(() => ({ body: {} }))
    const { transport } = transportWith(fetch)
    await transport.request({ method: 'POST', path: 'api/GetUserTimestamps', body: {}, reason: 'schedule' })
    await transport.request({
      method: 'POST',
      path: 'api/GetUserTimestamps',
      body: {},
      reason: 'Not a word!',
    })
    await transport.request({ method: 'POST', path: 'api/GetUserTimestamps', body: {} })
    expect(fetch.calls.map((c) => new Headers(c.init.headers).get('x-kanal-reason'))).toEqual([
      'schedule',
      null,
      null,
    ])
  })

  test('an envelope call passes its reason on (GetUserTimestamps says why it polls)', async () => {
    const stamps = { Pins: 1, Recordings: 2, Rights: 3, Services: 4, Tags: 5 }
    const fetch = fakeFetch(() => ({
      body: { StatusCode: 0, Severity: 1, StatusMessage: 'OK', Content: stamps },
    }))
    const { transport } = transportWith(fetch)
    await createEnvelopeClient({ transport }).getUserTimestamps({ reason: 'visible' })
    expect(new Headers(fetch.calls[0]?.init.headers).get('x-kanal-reason')).toBe('visible')
  })

  test('carry no Authorization header without a token', async () => {
    const fetch = fakeFetch(() => ({ body: {} }))
    const { transport } = transportWith(fetch, { getToken: () => undefined })
    await transport.request({ method: 'GET', path: 'api/products' })
    expect(new Headers(fetch.calls[0]?.init.headers).has('authorization')).toBe(false)
  })

  test('an empty body reads as undefined', async () => {
    const fetch = fakeFetch(() => ({ body: '' }))
    const { transport } = transportWith(fetch)
    expect(await transport.request({ method: 'GET', path: 'x' })).toBeUndefined()
  })
})

describe('errors are mapped into one family', () => {
  test.each([
    [401, 'auth'],
    [403, 'denied'],
    [404, 'notFound'],
    [409, 'conflict'],
    [400, 'validation'],
    [422, 'validation'],
    [500, 'server'],
    [503, 'server'],
    [418, 'protocol'],
  ])('HTTP %d is %s', async (status, kind) => {
    const fetch = fakeFetch(() => ({ status, body: { code: 'x', message: 'nope' } }))
    const { transport } = transportWith(fetch, { retries: 0 })
    const e = await failureOf(transport.request({ method: 'GET', path: 'x' }))
    expect(e.kind).toBe(kind)
    expect(e.status).toBe(status)
    expect(e).toBeInstanceOf(Error)
  })

  test('an error body is read by the request`s own reader', async () => {
    const fetch = fakeFetch(() => ({ status: 422, body: { code: 'nPvr.storage', message: 'too big' } }))
    const { transport } = transportWith(fetch)
    const e = await failureOf(
      transport.request({
        method: 'POST',
        path: 'x',
        readError: () => ({ code: 'c', field: 'f', reason: 'r' }),
      }),
    )
    expect(e).toMatchObject({ kind: 'validation', code: 'c', field: 'f', reason: 'r' })
  })

  test('a body that is not JSON is a protocol error, not retried', async () => {
    const fetch = fakeFetch(() => ({ body: '{"StatusCode": 0, "Con' }))
    const { transport } = transportWith(fetch)
    const e = await failureOf(transport.request({ method: 'GET', path: 'x' }))
    expect(e.kind).toBe('protocol')
    expect(e.reason).toMatch(/not JSON/)
    expect(fetch.calls).toHaveLength(1)
  })

  test('a failed connection is a network error', async () => {
    const fetch = Object.assign(async () => Promise.reject(new TypeError('fetch failed')), { calls: [] })
    const { transport } = transportWith(fetch as unknown as typeof globalThis.fetch, { retries: 0 })
    expect((await failureOf(transport.request({ method: 'GET', path: 'x' }))).kind).toBe('network')
  })

  test('what a reader throws that is not an ApiError becomes a protocol error', async () => {
    const fetch = fakeFetch(() => ({ body: {} }))
    const { transport } = transportWith(fetch)
    const e = await failureOf(
      transport.request({
        method: 'GET',
        path: 'x',
        read: () => {
          throw new Error('unreadable')
        },
      }),
    )
    expect(e).toMatchObject({ kind: 'protocol', reason: expect.stringMatching(/unreadable/) })
  })
})

describe('retries', () => {
  test('an idempotent call is retried on 5xx with full-jitter exponential backoff, then succeeds', async () => {
    let n = 0
    const fetch = fakeFetch(() => {
      n += 1
      return n <= 2 ? { status: 503, body: {} } : { body: { ok: n } }
    })
    const { transport, waits } = transportWith(fetch)
    expect(await transport.request({ method: 'GET', path: 'x' })).toEqual({ ok: 3 })
    // random 0.5 x min(1000, 100 x 2^attempt)
    expect(waits).toEqual([50, 100])
  })

  test('gives up after the configured retries with the last error', async () => {
    const fetch = fakeFetch(() => ({ status: 500, body: {} }))
    const { transport, waits } = transportWith(fetch, { retries: 3 })
    expect((await failureOf(transport.request({ method: 'GET', path: 'x' }))).kind).toBe('server')
    expect(fetch.calls).toHaveLength(4)
    expect(waits).toHaveLength(3)
  })

  test('a call may set its own retries: 0 sends one attempt (its caller retries)', async () => {
    const fetch = fakeFetch(() => ({ status: 503, body: {} }))
    const { transport, waits } = transportWith(fetch, { retries: 3 })
    await failureOf(transport.request({ method: 'GET', path: 'x', retries: 0 }))
    expect(fetch.calls).toHaveLength(1)
    expect(waits).toEqual([])
    await failureOf(transport.request({ method: 'GET', path: 'x', retries: 1 }))
    expect(fetch.calls).toHaveLength(3)
  })

  test('an envelope call passes its retries on (the poller owns GetUserTimestamps` retries)', async () => {
    const fetch = fakeFetch(() => ({ status: 503, body: {} }))
    const { transport } = transportWith(fetch, { retries: 2 })
    await failureOf(createEnvelopeClient({ transport }).getUserTimestamps({ retries: 0 }))
    expect(fetch.calls).toHaveLength(1)
  })

  test('a call that is not idempotent is never retried', async () => {
    const fetch = fakeFetch(() => ({ status: 500, body: {} }))
    const { transport, waits } = transportWith(fetch)
    expect((await failureOf(transport.request({ method: 'POST', path: 'x', body: {} }))).kind).toBe('server')
    expect(fetch.calls).toHaveLength(1)
    expect(waits).toEqual([])
  })

  test('a POST marked idempotent is retried; a GET marked not idempotent is not', async () => {
    const fetch = fakeFetch(() => ({ status: 502, body: {} }))
    const { transport } = transportWith(fetch, { retries: 1 })
    await failureOf(transport.request({ method: 'POST', path: 'x', body: {}, idempotent: true }))
    expect(fetch.calls).toHaveLength(2)
    await failureOf(transport.request({ method: 'GET', path: 'x', idempotent: false }))
    expect(fetch.calls).toHaveLength(3)
  })

  test.each([401, 403, 404, 409, 422])(
    'HTTP %d is not retried (asking again would not help)',
    async (status) => {
      const fetch = fakeFetch(() => ({ status, body: {} }))
      const { transport } = transportWith(fetch)
      await failureOf(transport.request({ method: 'GET', path: 'x' }))
      expect(fetch.calls).toHaveLength(1)
    },
  )

  test('full jitter stays within [0, min(cap, base x 2^attempt))', () => {
    expect(fullJitterDelay(0, 100, 1000, () => 0)).toBe(0)
    expect(fullJitterDelay(3, 100, 1000, () => 0.999)).toBe(799)
    expect(fullJitterDelay(10, 100, 1000, () => 0.999)).toBe(999)
  })
})

/** A fetch that never answers until its signal aborts, as a stalled server. */
const stalledFetch = (): typeof globalThis.fetch =>
  ((_input: RequestInfo | URL, init?: RequestInit) =>
    new Promise<Response>((_resolve, reject) => {
      init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')))
    })) as typeof globalThis.fetch

describe('timeouts and cancellation', () => {
  test('no answer within the timeout is a timeout error, retried for idempotent calls', async () => {
    const fetch = jest.fn(stalledFetch())
    const { transport, waits } = transportWith(fetch, { retries: 1 })
    const e = await failureOf(transport.request({ method: 'GET', path: 'x', timeoutMs: 5 }))
    expect(e).toMatchObject({ kind: 'timeout', timeoutMs: 5 })
    expect(fetch).toHaveBeenCalledTimes(2)
    expect(waits).toHaveLength(1)
  })

  test('the timeout is armed and cleared through the injected timers', async () => {
    const armed: number[] = []
    let cleared = 0
    const fetch = fakeFetch(() => ({ body: {} }))
    const { transport } = transportWith(fetch, {
      timeoutMs: 1234,
      timers: {
        setTimeout: (_fn, ms) => {
          armed.push(ms)
          return armed.length
        },
        clearTimeout: () => {
          cleared += 1
        },
      },
    })
    await transport.request({ method: 'GET', path: 'x' })
    expect(armed).toEqual([1234])
    expect(cleared).toBe(1)
  })

  test('a caller`s abort cancels the request: an aborted error, never retried', async () => {
    const fetch = jest.fn(stalledFetch())
    const { transport } = transportWith(fetch)
    const controller = new AbortController()
    const pending = failureOf(transport.request({ method: 'GET', path: 'x', signal: controller.signal }))
    controller.abort()
    expect((await pending).kind).toBe('aborted')
    expect(fetch).toHaveBeenCalledTimes(1)
  })

  test('an already aborted signal sends nothing', async () => {
    const fetch = fakeFetch(() => ({ body: {} }))
    const { transport } = transportWith(fetch)
    const e = await failureOf(transport.request({ method: 'GET', path: 'x', signal: AbortSignal.abort() }))
    expect(e.kind).toBe('aborted')
    expect(fetch.calls).toHaveLength(0)
  })

  test('an abort during the backoff wait stops the retries', async () => {
    const fetch = fakeFetch(() => ({ status: 500, body: {} }))
    const controller = new AbortController()
    const { transport } = transportWith(fetch, {
      delay: async () => {
        controller.abort()
        throw new Error('aborted')
      },
    })
    const e = await failureOf(transport.request({ method: 'GET', path: 'x', signal: controller.signal }))
    expect(e.kind).toBe('aborted')
    expect(fetch.calls).toHaveLength(1)
  })
})
