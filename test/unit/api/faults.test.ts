/** @jest-environment node */
import { createApi, type Api } from '../../../src/api'
import { failureOf } from './support/recorder'
import { requestsTo, startSimulator, type RunningSimulator } from './support/simulator'

/**
 * Each error kind of the transport, met for real: the simulator's QA fault injection breaks a
 * route (HTTP status, latency, malformed body, dropped connection, envelope StatusCode).
 */
let s: RunningSimulator
let token: string | undefined

beforeAll(async () => {
  s = await startSimulator()
  token = await s.tokenFor('anna')
})
afterAll(async () => s.close())
beforeEach(async () => {
  await s.qa('DELETE', 'faults')
  await s.qa('DELETE', 'requests')
})

const apiWith = (retries: number, timeoutMs = 5000): Api =>
  createApi({
    baseUrl: `${s.url}api`,
    getToken: () => token,
    retries,
    timeoutMs,
    delay: async () => undefined,
  })

const fault = (body: Record<string, unknown>): Promise<unknown> => s.qa('POST', 'faults', body)

describe('5xx', () => {
  test('is a server error with its status', async () => {
    await fault({ route: '/api/GetUserTimestamps', kind: 'status', status: 503 })
    const e = await failureOf(apiWith(0).envelope.getUserTimestamps())
    expect(e).toMatchObject({ kind: 'server', status: 503 })
  })

  test('on a read is retried, and the retry succeeds', async () => {
    await fault({ route: '/api/GetUserTimestamps', kind: 'status', status: 500, count: 2 })
    const stamps = await apiWith(2).envelope.getUserTimestamps()
    expect(stamps.recordings).toBeGreaterThan(0)
    expect(await requestsTo(s, '/api/GetUserTimestamps')).toBe(3)
  })

  test('on a call that is not idempotent is not retried', async () => {
    await fault({ route: '/api/AddRecording', kind: 'status', status: 500 })
    const e = await failureOf(apiWith(3).envelope.addRecording({ programmeId: '1' }))
    expect(e.kind).toBe('server')
    expect(await requestsTo(s, '/api/AddRecording')).toBe(1)
  })

  test('in each wire style is a server error', async () => {
    await fault({ route: '/api/*', kind: 'status', status: 500 })
    const api = apiWith(0)
    expect((await failureOf(api.catalog.getProducts())).kind).toBe('server')
    expect((await failureOf(api.subscription.getSettings('5001'))).kind).toBe('server')
    expect((await failureOf(api.account.findAccountChanges())).kind).toBe('server')
    expect((await failureOf(api.envelope.getChannels())).kind).toBe('server')
  })
})

describe('timeout', () => {
  test('an answer slower than the timeout is a timeout error', async () => {
    await fault({ route: '/api/GetChannels', kind: 'latency', latencyMs: 400 })
    const e = await failureOf(apiWith(0, 50).envelope.getChannels())
    expect(e).toMatchObject({ kind: 'timeout', timeoutMs: 50 })
  })

  test('a read that timed out once is retried and succeeds', async () => {
    await fault({ route: '/api/GetChannels', kind: 'latency', latencyMs: 400, count: 1 })
    const channels = await apiWith(1, 200).envelope.getChannels()
    expect(channels.length).toBeGreaterThan(0)
  })
})

describe('malformed body', () => {
  test.each([
    ['envelope', '/api/GetRecordings', (api: Api) => api.envelope.getRecordings()],
    ['JSON:API', '/api/products', (api: Api) => api.catalog.getProducts()],
    ['REST', '/api/iptv/subscription/5001', (api: Api) => api.subscription.getSettings('5001')],
    ['JSON-RPC', '/api/rpc', (api: Api) => api.account.findAccountChanges()],
  ])('in the %s style is a protocol error with a readable reason', async (_style, route, call) => {
    await fault({ route, kind: 'malformed' })
    const e = await failureOf(call(apiWith(2)))
    expect(e.kind).toBe('protocol')
    expect(e.reason).toMatch(/not JSON/)
    // Asking again would get the same answer.
    expect(await requestsTo(s, route)).toBe(1)
  })
})

describe('dropped connection', () => {
  test('is a network error', async () => {
    await fault({ route: '/api/GetServices', kind: 'drop' })
    const e = await failureOf(apiWith(0).envelope.getServices())
    expect(e.kind).toBe('network')
  })

  test('once, on a read, is retried and the retry succeeds', async () => {
    await fault({ route: '/api/GetServices', kind: 'drop', count: 1 })
    expect((await apiWith(1).envelope.getServices()).length).toBeGreaterThan(0)
  })
})

describe('authentication required', () => {
  test('envelope StatusCode 30 is an auth error, not retried', async () => {
    await fault({ route: '/api/GetUserTimestamps', kind: 'envelope', statusCode: 30 })
    const e = await failureOf(apiWith(3).envelope.getUserTimestamps())
    expect(e).toMatchObject({ kind: 'auth', code: 30 })
    expect(await requestsTo(s, '/api/GetUserTimestamps')).toBe(1)
  })

  test('without a token: envelope 30, HTTP 401, JSON-RPC -32001; document 002 refuses with its access_denied 403', async () => {
    const api = createApi({ baseUrl: `${s.url}api`, getToken: () => undefined, retries: 0 })
    expect(await failureOf(api.envelope.getUserTimestamps())).toMatchObject({ kind: 'auth', code: 30 })
    expect(await failureOf(api.catalog.getProducts())).toMatchObject({ kind: 'auth', status: 401 })
    // Document 002 defines no 401: a request without rights is its 403 access_denied.
    expect(await failureOf(api.subscription.getSettings('5001'))).toMatchObject({
      kind: 'denied',
      status: 403,
      code: 'access_denied',
    })
    expect(await failureOf(api.account.findAccountChanges())).toMatchObject({ kind: 'auth', code: -32001 })
  })

  test('an expired session is StatusCode 30', async () => {
    expect.hasAssertions()
    const local = await startSimulator()
    try {
      const t = await local.tokenFor('ben')
      await local.qa('POST', 'clock', { advance: 31 * 86400 })
      const api = createApi({ baseUrl: `${local.url}api`, getToken: () => t, retries: 0 })
      expect(await failureOf(api.envelope.getUserTimestamps())).toMatchObject({ kind: 'auth', code: 30 })
    } finally {
      await local.close()
    }
  })
})

describe('other envelope codes', () => {
  test.each([
    [40, 'notFound'],
    [41, 'validation'],
    [42, 'denied'],
    [43, 'conflict'],
    [44, 'conflict'],
    [45, 'denied'],
    [46, 'denied'],
    [50, 'server'],
  ])('StatusCode %d is %s', async (statusCode, kind) => {
    await fault({ route: '/api/GetPinState', kind: 'envelope', statusCode })
    expect(await failureOf(apiWith(0).envelope.getPinState())).toMatchObject({ kind, code: statusCode })
  })
})
