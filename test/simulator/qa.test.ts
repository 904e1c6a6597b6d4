import os from 'node:os'
import { isLoopback } from '../../simulator/src/routes/qa'
import { LIMITS } from '../../simulator/src/limits'
import { T0, clockPasses, startClient, type Client, type Json } from './harness'

describe('QA controls (/qa)', () => {
  let client: Client
  let anna: string

  beforeAll(async () => {
    client = await startClient()
    anna = await client.login('anna')
  })
  afterAll(async () => client.sim.close())
  afterEach(async () => {
    await client.qa('DELETE', '/faults')
  })

  describe('clock', () => {
    it('reads, sets, advances and speeds up the simulator clock', async () => {
      expect(await client.qa('GET', '/clock')).toEqual({ now: T0, speed: 0 })
      expect(await client.qa('POST', '/clock', { set: T0 + 100 })).toEqual({ now: T0 + 100, speed: 0 })
      expect(await client.qa('POST', '/clock', { advance: 3600 })).toEqual({ now: T0 + 3700, speed: 0 })
      await client.qa('POST', '/clock', { speed: 3600 })
      // An hour a second: the clock is seen moving within a few reads.
      await clockPasses(client, T0 + 3700)
      const running = await client.qa<{ now: number; speed: number }>('POST', '/clock', { speed: 0 })
      expect(running.speed).toBe(0)
      expect(running.now).toBeGreaterThan(T0 + 3700)
      await client.qa('POST', '/clock', { set: T0 })
    })

    it('the APIs see the clock: a licence settles and a session expires by it', async () => {
      const login = await client.content<{ token: string; expiresAt: number }>('Login', {
        username: 'carl',
        password: 'carl',
        deviceId: 'carl-tv',
      })
      await client.qa('POST', '/clock', { set: login.expiresAt })
      expect((await client.call('GetUserTimestamps', {}, login.token)).StatusCode).toBe(30)
      await client.qa('POST', '/clock', { set: T0 })
      expect((await client.call('GetUserTimestamps', {}, login.token)).StatusCode).toBe(0)
    })

    it('refuses nonsense', async () => {
      expect.hasAssertions()
      for (const body of [{ set: 'soon' }, { advance: null }, { speed: -1 }]) {
        const res = await client.post('/qa/clock', body)
        expect(res.statusCode).toBe(400)
        expect(res.json<Json>().code).toBe('invalid')
      }
    })

    it('refuses a time no date can hold, and the clock stays where it was', async () => {
      expect.hasAssertions()
      for (const body of [
        { set: 1e308 },
        { set: -1e308 },
        { set: -1 },
        { advance: 1e308 },
        { set: LIMITS.clockSeconds, advance: 1 },
      ]) {
        const res = await client.post('/qa/clock', body)
        expect({ body, status: res.statusCode }).toEqual({ body, status: 400 })
        expect(await client.qa('GET', '/clock')).toEqual({ now: T0, speed: 0 })
      }
      expect(await client.qa('POST', '/clock', { set: LIMITS.clockSeconds })).toEqual({
        now: LIMITS.clockSeconds,
        speed: 0,
      })
      await client.qa('POST', '/clock', { set: T0 })
    })
  })

  describe('faults', () => {
    const addFault = (fault: Json): Promise<Json> => client.qa('POST', '/faults', fault)

    it('status: an HTTP status in the style of each route', async () => {
      await addFault({ route: '/api/GetUserTimestamps', kind: 'status', status: 503 })
      await addFault({ route: '/api/iptv/*', kind: 'status' })
      await addFault({ route: '/api/products', kind: 'status', status: 502 })
      await addFault({ route: '/api/rpc', kind: 'status', status: 500 })
      const envelope = await client.post('/api/GetUserTimestamps', {}, anna)
      expect(envelope.statusCode).toBe(503)
      expect(envelope.json()).toMatchObject({ StatusCode: 50, Severity: 3 })
      const rest = await client.get('/api/iptv/subscription/5001', anna)
      expect({ status: rest.statusCode, body: rest.json() }).toEqual({
        status: 500,
        body: { code: 'internal_error', message: '<Unspecified>' },
      })
      const jsonApi = await client.get('/api/products', anna)
      expect(jsonApi.statusCode).toBe(502)
      expect(jsonApi.json<Json>().errors).toEqual([
        { status: '502', code: 'internal_error', title: 'Injected fault: HTTP 502' },
      ])
      const rpc = await client.post('/api/rpc', { jsonrpc: '2.0', id: 1, method: 'findAccountChanges' }, anna)
      expect(rpc.json()).toMatchObject({ jsonrpc: '2.0', error: { code: -32603 } })
      // Other routes are untouched.
      expect((await client.call('GetChannels', {}, anna)).StatusCode).toBe(0)
    })

    it('envelope: a StatusCode such as 30 in an HTTP 200', async () => {
      await addFault({ route: '/api/GetRecordings', kind: 'envelope', statusCode: 30 })
      const out = await client.call('GetRecordings', {}, anna)
      expect(out).toEqual({
        StatusCode: 30,
        Severity: 3,
        StatusMessage: 'Injected fault: StatusCode 30',
        Content: null,
      })
    })

    it('latency: the answer is delayed but intact, and the log says so', async () => {
      await client.qa('DELETE', '/requests')
      await addFault({ route: '/api/GetChannels', kind: 'latency', latencyMs: 150 })
      const out = await client.call('GetChannels', {}, anna)
      expect(out.StatusCode).toBe(0)
      const log = await client.qa<{ requests: Json[] }>('GET', '/requests')
      expect(log.requests.at(-1)).toMatchObject({
        path: '/api/GetChannels',
        status: 200,
        faults: ['latency'],
      })
    })

    it('malformed: an HTTP 200 whose body is not JSON', async () => {
      expect.hasAssertions()
      await addFault({ route: '/api/GetUserTimestamps', kind: 'malformed' })
      await addFault({ route: '/api/products', kind: 'malformed' })
      for (const res of [
        await client.post('/api/GetUserTimestamps', {}, anna),
        await client.get('/api/products', anna),
      ]) {
        expect(res.statusCode).toBe(200)
        expect(() => JSON.parse(res.body)).toThrow()
        expect(res.body.length).toBeGreaterThan(5)
      }
    })

    it('drop: the connection is closed without an answer', async () => {
      await addFault({ route: '/api/GetUserTimestamps', kind: 'drop', count: 1 })
      await expect(client.post('/api/GetUserTimestamps', {}, anna)).rejects.toThrow()
      // count: 1, so the next request goes through.
      expect((await client.call('GetUserTimestamps', {}, anna)).StatusCode).toBe(0)
    })

    it('rate: a seeded share of the requests fail, the same ones on every run', async () => {
      const run = async (): Promise<number[]> => {
        await client.qa('DELETE', '/faults')
        await addFault({ route: '/api/GetPinState', kind: 'status', status: 500, rate: 0.5 })
        const statuses: number[] = []
        for (let i = 0; i < 20; i += 1)
          statuses.push((await client.post('/api/GetPinState', {}, anna)).statusCode)
        return statuses
      }
      const first = await run()
      expect(first.filter((s) => s === 500).length).toBeGreaterThan(2)
      expect(first.filter((s) => s === 200).length).toBeGreaterThan(2)
      expect(await run()).toEqual(first)
    })

    it('count and listing: a fault fires the given number of times, then goes', async () => {
      const fault = await addFault({ route: '/api/Get*', kind: 'status', status: 500, count: 2 })
      expect(fault).toMatchObject({ id: expect.any(Number), route: '/api/Get*', rate: 1, remaining: 2 })
      expect((await client.qa<{ faults: Json[] }>('GET', '/faults')).faults).toHaveLength(1)
      expect((await client.post('/api/GetResumes', {}, anna)).statusCode).toBe(500)
      expect((await client.post('/api/GetChannels', {}, anna)).statusCode).toBe(500)
      expect((await client.post('/api/GetChannels', {}, anna)).statusCode).toBe(200)
      expect((await client.qa<{ faults: Json[] }>('GET', '/faults')).faults).toEqual([])
    })

    it('refuses a fault it does not understand', async () => {
      expect.hasAssertions()
      for (const body of [
        { route: 'api', kind: 'status' },
        { route: '/api/x', kind: 'fire' },
        { route: '/api/x', kind: 'status', rate: 2 },
      ]) {
        expect((await client.post('/qa/faults', body)).statusCode).toBe(400)
      }
    })

    it('never touches /qa itself', async () => {
      await addFault({ route: '/*', kind: 'status', status: 500 })
      expect((await client.get('/qa/clock')).statusCode).toBe(200)
    })
  })

  describe('another device', () => {
    it('adds and removes a device, which the account changes record', async () => {
      const ben = await client.login('ben')
      const act = (action: string, extra: Json) =>
        client.qa('POST', '/another-device', { userId: 'ben', action, ...extra })
      await act('addDevice', { deviceId: 'ben-phone', deviceName: 'Phone', deviceModel: 'P1' })
      await act('removeDevice', { deviceId: 'ben-phone' })
      const res = await client.post(
        '/api/rpc',
        { jsonrpc: '2.0', id: 1, method: 'findAccountChanges', params: { count: 3 } },
        ben,
      )
      const items = res.json<{ result: { items: Json[] } }>().result.items
      expect(items.slice(0, 2).map((i) => i.type)).toEqual(['DEVICE_REMOVED', 'DEVICE_ADDED'])
      expect(items[0]?.itemAttributes).toEqual({
        deviceId: 'ben-phone',
        deviceModel: 'P1',
        deviceName: 'Phone',
      })
    })

    it('changes settings as the admin would, with document 002’s errors', async () => {
      const ok = await client.qa<{ result: Json }>('POST', '/another-device', {
        userId: 'anna',
        action: 'changeSettings',
        settings: { nPvr: { override: true, storage: 42 } },
      })
      expect(ok.result.nPvr).toMatchObject({ storage: 42 })
      const bad = await client.post('/qa/another-device', {
        userId: 'anna',
        action: 'changeSettings',
        settings: { nPvr: { storage: 1000 } },
      })
      expect({ status: bad.statusCode, body: bad.json() }).toEqual({
        status: 422,
        body: { code: 'nPvr.storage', message: 'Storage size must be between 1 and 999' },
      })
    })

    it('returns the user’s stamps after the action', async () => {
      const out = await client.qa<{ stamps: Json }>('POST', '/another-device', {
        userId: '1001',
        action: 'saveResume',
        contentId: 'programme:3',
        position: 30,
      })
      expect(out.stamps).toEqual(await client.stamps(anna))
    })

    it('refuses an unknown user or action', async () => {
      expect(
        (await client.post('/qa/another-device', { userId: 'nobody', action: 'addDevice' })).statusCode,
      ).toBe(404)
      expect((await client.post('/qa/another-device', { userId: 'anna', action: 'dance' })).statusCode).toBe(
        400,
      )
    })
  })

  describe('request log', () => {
    it('lists /api requests with method, path, status and duration, never a token', async () => {
      await client.qa('DELETE', '/requests')
      await client.call('GetUserTimestamps', {}, anna)
      await client.get('/api/user/1001/license', anna)
      await client.get('/api/products?page=2')
      const log = await client.qa<{ requests: Json[] }>('GET', '/requests')
      expect(log.requests.map((r) => [r.method, r.path, r.status])).toEqual([
        ['POST', '/api/GetUserTimestamps', 200],
        ['GET', '/api/user/1001/license', 200],
        ['GET', '/api/products', 401],
      ])
      const common = ['at', 'durationMs', 'id', 'method', 'operation', 'path', 'status']
      expect(log.requests.map(keys)).toEqual([
        [...common, 'deviceId', 'userId', 'userName'].sort(),
        [...common, 'deviceId', 'userId', 'userName'].sort(),
        common,
      ])
      expect(JSON.stringify(log)).not.toContain(anna)
      expect((await client.qa<{ requests: Json[] }>('GET', '/requests?limit=1')).requests).toHaveLength(1)
      await client.qa('DELETE', '/requests')
      expect((await client.qa<{ requests: Json[] }>('GET', '/requests')).requests).toEqual([])
    })
  })

  describe('reset to a scenario', () => {
    it('empty keeps the accounts and nothing else; demo brings the demo back', async () => {
      const empty = await client.qa<Json>('POST', '/reset', { scenario: 'empty' })
      expect(empty).toMatchObject({ scenario: 'empty', channels: 0, programmes: 0 })
      const token = await client.login('anna')
      expect(await client.content('GetChannels', {}, token)).toEqual([])
      expect((await client.get('/api/products', token)).json()).toEqual({ data: [] })
      const demo = await client.qa<Json>('POST', '/reset', { scenario: 'demo' })
      expect(demo).toMatchObject({ scenario: 'demo', channels: 160 })
      anna = await client.login('anna')
      expect((await client.content<Json[]>('GetChannels', {}, anna)).length).toBe(160)
      expect((await client.call('GetUserTimestamps', {}, token)).StatusCode).toBe(30)
    })

    it('large has 1,000 channels with 14 days of guide', async () => {
      const large = await client.qa<{ channels: number; programmes: number }>('POST', '/reset', {
        scenario: 'large',
      })
      expect(large.channels).toBe(1000)
      expect(large.programmes).toBeGreaterThan(1000 * 14 * 20)
      anna = await client.login('anna')
      const guide = await client.content<{ Channels: { Programmes: unknown[] }[] }>(
        'GetGuide',
        { ChannelIDs: ['ch1000'], Start: T0 + 6 * 86400, End: T0 + 6 * 86400 + 3600 },
        anna,
      )
      expect(guide.Channels[0]?.Programmes.length).toBeGreaterThan(0)
      await client.qa('POST', '/reset', { scenario: 'demo' })
      anna = await client.login('anna')
      // Two seeds of ~380,000 and ~61,000 programmes with their search index: 3.5 s of CPU
      // alone, many times that on a machine shared by parallel test runs.
    }, 120_000)

    it('refuses an unknown scenario', async () => {
      expect((await client.post('/qa/reset', { scenario: 'huge' })).statusCode).toBe(400)
    })
  })

  describe('loopback only', () => {
    it('knows loopback addresses', () => {
      expect.hasAssertions()
      for (const a of ['127.0.0.1', '127.8.9.10', '::1', '::ffff:127.0.0.1']) expect(isLoopback(a)).toBe(true)
      for (const a of ['192.0.2.2', '::ffff:10.0.0.1', 'fd00::2', undefined])
        expect(isLoopback(a)).toBe(false)
    })

    const external = Object.values(os.networkInterfaces())
      .flat()
      .find((i) => i !== undefined && i.family === 'IPv4' && !i.internal)?.address

    ;(external ? it : it.skip)('refuses a caller on another interface with 403', async () => {
      const open = await startClient({ host: '0.0.0.0', scenario: 'empty' })
      try {
        const res = await fetch(`http://${external}:${open.port}/qa/clock`)
        expect(res.status).toBe(403)
        expect(await res.json()).toEqual({
          code: 'access_denied',
          message: 'The QA controls answer on loopback only',
        })
        expect((await fetch(`http://${external}:${open.port}/api/health`)).status).toBe(200)
        expect((await open.get('/qa/clock')).statusCode).toBe(200)
      } finally {
        await open.sim.close()
      }
    })
  })
})

const keys = (o: unknown): string[] => Object.keys(o as Json).sort()
