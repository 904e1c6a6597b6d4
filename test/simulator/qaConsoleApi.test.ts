import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import zlib from 'node:zlib'
import { T0, startClient, type Client, type Json } from './harness'
import { eventually, openEvents, raw, rawJson, rawPath } from './qaHttp'

const FIXTURES = path.join(__dirname, '..', 'fixtures', 'xmltv')

describe('QA console API (/qa)', () => {
  let client: Client
  let anna: string

  beforeAll(async () => {
    client = await startClient()
    anna = await client.login('anna', 'anna-box')
  })
  afterAll(async () => client.sim.close())

  const count = (table: string): number =>
    (client.sim.sim.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n

  describe('request log', () => {
    it('names the operation, the caller by id and the reason, never a token or another header', async () => {
      await client.qa('DELETE', '/requests')
      await raw(
        client,
        'POST',
        '/api/GetUserTimestamps',
        {
          authorization: `Bearer ${anna}`,
          'content-type': 'application/json',
          'x-kanal-reason': 'schedule',
          'user-agent': 'secret-agent',
        },
        '{}',
      )
      await raw(
        client,
        'POST',
        '/api/GetUserTimestamps',
        { 'content-type': 'application/json', 'x-kanal-reason': 'Not Allowed!' },
        JSON.stringify({ token: anna }),
      )
      await client.get('/api/user/1001/license', anna)
      await client.get('/api/products')
      await client.post(
        '/api/rpc',
        [
          { jsonrpc: '2.0', id: 1, method: 'findAccountChanges' },
          { jsonrpc: '2.0', id: 2, method: 'findAccountChanges' },
        ],
        anna,
      )
      const { requests } = await client.qa<{ requests: Json[] }>('GET', '/requests')
      expect(requests).toEqual([
        expect.objectContaining({
          method: 'POST',
          path: '/api/GetUserTimestamps',
          operation: 'GetUserTimestamps',
          userId: '1001',
          userName: 'Anna Berg',
          deviceId: 'anna-box',
          reason: 'schedule',
        }),
        expect.objectContaining({ operation: 'GetUserTimestamps', userId: '1001', deviceId: 'anna-box' }),
        expect.objectContaining({ operation: 'GET /api/user/:userId/license', userId: '1001', status: 200 }),
        expect.objectContaining({ operation: 'GET /api/products', status: 401 }),
        expect.objectContaining({ operation: 'findAccountChanges', userId: '1001' }),
      ])
      expect(requests[1]).not.toHaveProperty('reason')
      expect(requests[3]).not.toHaveProperty('userId')
      const ids = requests.map((r) => r.id as number)
      expect(ids).toEqual([...ids].sort((a, b) => a - b))
      expect(new Set(ids).size).toBe(ids.length)
      const text = JSON.stringify(requests)
      expect(text).not.toContain(anna)
      expect(text).not.toContain('secret-agent')
      expect(text).not.toContain('Not Allowed')
    })
  })

  describe('state-changing calls from a browser', () => {
    const own = (): string => `http://127.0.0.1:${client.port}`

    it('refuses another origin or site, and takes the same origin or none', async () => {
      expect.hasAssertions()
      const refused: Record<string, string>[] = [
        { origin: 'http://evil.example' },
        { origin: `http://localhost:${client.port + 1}` },
        { origin: 'null' },
        { 'sec-fetch-site': 'cross-site' },
        { 'sec-fetch-site': 'same-site' },
      ]
      for (const headers of refused) {
        const res = await rawJson(client, 'POST', '/qa/reset', { scenario: 'demo' }, headers)
        expect({ status: res.status, code: res.json().code }).toEqual({ status: 403, code: 'cross_origin' })
        const del = await raw(client, 'DELETE', '/qa/faults', headers)
        expect(del.status).toBe(403)
      }
      const taken: Record<string, string>[] = [
        {},
        { origin: own() },
        { origin: own(), 'sec-fetch-site': 'same-origin' },
      ]
      for (const headers of taken) {
        expect((await rawJson(client, 'POST', '/qa/clock', { advance: 0 }, headers)).status).toBe(200)
      }
      // Reads stay open on loopback, whoever asks.
      expect((await raw(client, 'GET', '/qa/clock', { origin: 'http://evil.example' })).status).toBe(200)
    })
  })

  describe('events', () => {
    it('streams requests, clock moves and fault changes as they happen', async () => {
      const stream = await openEvents(client)
      try {
        expect(stream.status).toBe(200)
        expect(stream.contentType).toMatch(/^text\/event-stream/)
        await raw(
          client,
          'POST',
          '/api/GetUserTimestamps',
          {
            authorization: `Bearer ${anna}`,
            'content-type': 'application/json',
            'x-kanal-reason': 'write',
          },
          '{}',
        )
        const request = await stream.waitFor((e) => e.event === 'request')
        expect(request.data).toMatchObject({
          operation: 'GetUserTimestamps',
          reason: 'write',
          userId: '1001',
        })
        await client.qa('POST', '/clock', { advance: 60 })
        expect((await stream.waitFor((e) => e.event === 'clock')).data).toEqual({ now: T0 + 60, speed: 0 })
        await client.qa('POST', '/faults', { route: '/api/GetChannels', kind: 'status', count: 1 })
        const added = await stream.waitFor((e) => e.event === 'faults')
        expect((added.data as { faults: Json[] }).faults).toHaveLength(1)
        // The fault used up is a change too.
        await client.post('/api/GetChannels', {}, anna)
        await stream.waitFor(
          (e) => e.event === 'faults' && (e.data as { faults: Json[] }).faults.length === 0,
        )
      } finally {
        stream.close()
        await eventually(() => client.sim.events.listenerCount() === 0)
        await client.qa('POST', '/clock', { set: T0 })
      }
    })

    it('answers a HEAD with the stream’s headers and ends it (no body ever comes)', async () => {
      const before = client.sim.events.listenerCount()
      const res = await rawPath(client, 'HEAD', '/qa/events', {}, 3_000)
      expect(res.status).toBe(200)
      expect(res.headers['content-type']).toMatch(/^text\/event-stream/)
      expect(client.sim.events.listenerCount()).toBe(before)
    })

    it('lets go of the bus when the connection closes', async () => {
      const before = client.sim.events.listenerCount()
      const streams = await Promise.all([openEvents(client), openEvents(client)])
      expect(client.sim.events.listenerCount()).toBe(before + 2)
      for (const s of streams) s.close()
      await eventually(() => client.sim.events.listenerCount() === before)
    })

    it('ends open streams when the simulator closes', async () => {
      const other = await startClient({ scenario: 'empty' })
      const stream = await openEvents(other)
      const began = Date.now()
      await other.sim.close()
      await stream.ended
      expect(Date.now() - began).toBeLessThan(5000)
      expect(other.sim.events.listenerCount()).toBe(0)
    })
  })

  describe('users, sessions, stamps and the PIN lock', () => {
    it('lists the users', async () => {
      const { users } = await client.qa<{ users: Json[] }>('GET', '/users')
      expect(users).toContainEqual(
        expect.objectContaining({ id: '1001', name: 'Anna Berg', role: 'customer', customerId: '5001' }),
      )
      expect(users).toContainEqual(expect.objectContaining({ id: '9001', role: 'admin', customerId: null }))
    })

    it('lists live sessions by a handle that is not the token, and ends one', async () => {
      const token = await client.login('ben', 'ben-box')
      await client.qa('POST', '/clock', { advance: 120 })
      await client.call('GetUserTimestamps', {}, token)
      const { sessions } = await client.qa<{ sessions: Json[] }>('GET', '/sessions')
      const ben = sessions.find((s) => s.userId === '1002' && s.deviceId === 'ben-box')
      expect(ben).toMatchObject({ userName: 'Ben Olsen', createdAt: T0, lastSeenAt: T0 + 120 })
      expect(Object.keys(ben ?? {})).toEqual(
        expect.arrayContaining([
          'id',
          'userId',
          'userName',
          'deviceId',
          'deviceName',
          'createdAt',
          'lastSeenAt',
        ]),
      )
      const id = String(ben?.id)
      expect(JSON.stringify(sessions)).not.toContain(token)
      expect(id).toMatch(/^\d+$/)
      expect((await client.request({ method: 'DELETE', url: `/qa/sessions/${id}` })).statusCode).toBe(200)
      expect((await client.call('GetUserTimestamps', {}, token)).StatusCode).toBe(30)
      expect((await client.request({ method: 'DELETE', url: `/qa/sessions/${id}` })).statusCode).toBe(404)
      expect((await client.request({ method: 'DELETE', url: '/qa/sessions/abc' })).statusCode).toBe(400)
      // Anna's session is untouched.
      expect((await client.call('GetUserTimestamps', {}, anna)).StatusCode).toBe(0)
      await client.qa('POST', '/clock', { set: T0 })
    })

    it('answers a user’s stamps as GetUserTimestamps would', async () => {
      const out = await client.qa<{ userId: string; stamps: Json }>('GET', '/stamps?userId=anna')
      expect(out).toEqual({ userId: '1001', stamps: await client.stamps(anna) })
      expect((await client.get('/qa/stamps?userId=1001')).json<Json>().userId).toBe('1001')
      for (const url of ['/qa/stamps', '/qa/stamps?userId=nobody']) {
        const res = await client.get(url)
        expect({ status: res.statusCode, code: res.json<Json>().code }).toEqual({
          status: 400,
          code: 'invalid',
        })
      }
    })

    it('clears a user’s wrong-PIN tries and lock', async () => {
      for (let i = 0; i < 3; i += 1) await client.call('ChangePin', { OldPin: '0000', NewPin: '1111' }, anna)
      const locked = await client.content<Json>('GetPinState', {}, anna)
      expect(locked.LockedUntil).toEqual(expect.any(Number))
      expect(await client.qa('POST', '/pin-lockout/reset', { userId: 'anna' })).toEqual({
        ok: true,
        userId: '1001',
      })
      expect(await client.content('GetPinState', {}, anna)).toMatchObject({
        FailedAttempts: 0,
        LockedUntil: null,
      })
      expect((await client.post('/qa/pin-lockout/reset', { userId: 'nobody' })).statusCode).toBe(400)
      expect((await client.post('/qa/pin-lockout/reset', [1, 2])).statusCode).toBe(400)
    })
  })

  describe('clock targets', () => {
    afterEach(async () => {
      await client.qa('POST', '/clock', { set: T0, speed: 0 })
    })

    it('jumps to just before the next recording of a user starts', async () => {
      const next = client.sim.sim.db
        .prepare(
          'SELECT id, title, start FROM recordings WHERE user_id = ? AND start > ? AND failed = 0 ORDER BY start, id LIMIT 1',
        )
        .get('1001', T0) as { id: number; title: string; start: number }
      expect(next).toBeDefined()
      const out = await client.qa<Json>('POST', '/clock', { to: 'next-recording-start', userId: 'anna' })
      expect(out).toEqual({
        now: next.start - 10,
        speed: 0,
        target: expect.objectContaining({
          kind: 'recording',
          id: String(next.id),
          title: next.title,
          at: next.start,
        }),
      })
      await client.qa('POST', '/clock', { set: T0 })
      const early = await client.qa<Json>('POST', '/clock', { to: 'next-recording-start', before: 60 })
      expect(early.now).toBe((early.target as { at: number }).at - 60)
    })

    it('jumps to the next programme start, on a channel or any', async () => {
      const onCh1 = await client.qa<{ now: number; target: Json }>('POST', '/clock', {
        to: 'next-programme-boundary',
        channelId: 'ch1',
      })
      expect(onCh1.target).toMatchObject({ kind: 'programme', at: onCh1.now, channelId: 'ch1' })
      expect(onCh1.now).toBeGreaterThan(T0)
      await client.qa('POST', '/clock', { set: T0 })
      const any = await client.qa<{ now: number }>('POST', '/clock', { to: 'next-programme-boundary' })
      expect(any.now).toBeGreaterThan(T0)
      expect(any.now).toBeLessThanOrEqual(onCh1.now)
    })

    it('answers 404 when there is nothing ahead, and 400 for nonsense', async () => {
      const none = await client.post('/qa/clock', { to: 'next-recording-start', userId: 'dora' })
      expect(none.statusCode).toBe(404)
      expect(await client.qa('GET', '/clock')).toEqual({ now: T0, speed: 0 })
      expect.hasAssertions()
      for (const body of [
        { to: 'tomorrow' },
        { to: 'next-recording-start', userId: 'nobody' },
        { to: 'next-recording-start', before: -1 },
        { to: 'next-programme-boundary', channelId: 'nope' },
        { to: 'next-programme-boundary', set: T0 },
        [1],
      ]) {
        expect((await client.post('/qa/clock', body)).statusCode).toBe(400)
      }
    })
  })

  describe('XMLTV import', () => {
    const fixture = fs.readFileSync(path.join(FIXTURES, 'x1co.com.br.xml'))

    it('imports a file sent as the body, plain or gzip, and answers the importer’s report', async () => {
      const channels = count('channels')
      const res = await raw(client, 'POST', '/qa/import', { 'content-type': 'application/xml' }, fixture)
      expect(res.status).toBe(200)
      const { report } = res.json<{ report: Json }>()
      expect(report).toMatchObject({ channels: 1, read: 91, programmes: 91 })
      expect(report).toHaveProperty('fixed')
      expect(count('channels')).toBe(channels + 1)
      const gz = await raw(
        client,
        'POST',
        '/qa/import',
        { 'content-type': 'application/octet-stream' },
        zlib.gzipSync(fixture),
      )
      expect(gz.status).toBe(200)
      // The same file again replaces its programmes instead of doubling them.
      expect(count('channels')).toBe(channels + 1)
    })

    it('writes nothing from a broken file and says why', async () => {
      const programmes = count('programmes')
      const channels = count('channels')
      const broken = fixture.subarray(0, Math.floor(fixture.length / 2))
      const res = await raw(client, 'POST', '/qa/import', { 'content-type': 'text/xml' }, broken)
      expect(res.status).toBe(400)
      expect(res.json()).toMatchObject({
        code: 'invalid_xmltv',
        message: expect.stringMatching(/nothing was imported/),
      })
      expect({ programmes: count('programmes'), channels: count('channels') }).toEqual({
        programmes,
        channels,
      })
      for (const [type, body] of [
        ['application/xml', ''],
        ['application/json', '{"file": "x"}'],
        ['application/xml', '<tv></tv>'],
      ] as const) {
        const bad = await raw(client, 'POST', '/qa/import', { 'content-type': type }, body)
        expect(bad.status).toBe(400)
        expect(bad.json<Json>().code).toEqual(expect.any(String))
      }
    })
  })

  describe('another device', () => {
    it('says which stamps the action moved', async () => {
      const out = await client.qa<{ moved: string[] }>('POST', '/another-device', {
        userId: 'anna',
        action: 'saveResume',
        contentId: 'programme:5',
        position: 5,
      })
      expect([...out.moved].sort()).toEqual(['Pins', 'Rights', 'Services', 'Tags'])
      const none = await client.qa<{ moved: string[] }>('POST', '/another-device', {
        userId: 'anna',
        action: 'enablePin',
      })
      expect(none.moved).toEqual([])
    })
  })

  describe('the console page', () => {
    it('serves the built console from its folder', async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kanal-console-'))
      fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>QA</title>')
      fs.writeFileSync(path.join(dir, 'console.js'), 'console.log(1)')
      fs.writeFileSync(path.join(dir, 'console.css'), 'body{}')
      const built = await startClient({ scenario: 'empty', consoleDir: dir })
      try {
        const page = await built.get('/qa/')
        expect(page.statusCode).toBe(200)
        expect(page.headers['content-type']).toMatch(/^text\/html/)
        expect(page.body).toContain('<title>QA</title>')
        expect((await built.get('/qa/index.html')).body).toBe(page.body)
        const js = await built.get('/qa/console.js')
        expect([js.statusCode, js.headers['content-type']]).toEqual([
          200,
          expect.stringMatching(/javascript/),
        ])
        const css = await built.get('/qa/console.css')
        expect([css.statusCode, css.headers['content-type']]).toEqual([
          200,
          expect.stringMatching(/^text\/css/),
        ])
        const bare = await raw(built, 'GET', '/qa')
        expect([bare.status, bare.headers.location]).toEqual([308, '/qa/'])
      } finally {
        await built.sim.close()
        fs.rmSync(dir, { recursive: true, force: true })
      }
    })

    it('says how to build it when it is not built', async () => {
      const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'kanal-console-'))
      const unbuilt = await startClient({ scenario: 'empty', consoleDir: empty })
      try {
        const res = await unbuilt.get('/qa/')
        expect([res.statusCode, res.body]).toEqual([503, 'The QA console is not built: run npm run build'])
        expect(res.headers['content-type']).toMatch(/^text\/plain/)
      } finally {
        await unbuilt.sim.close()
        fs.rmSync(empty, { recursive: true, force: true })
      }
    })
  })

  describe('loopback only', () => {
    const external = Object.values(os.networkInterfaces())
      .flat()
      .find((i) => i !== undefined && i.family === 'IPv4' && !i.internal)?.address

    ;(external ? it : it.skip)('answers none of the new routes to another interface', async () => {
      const open = await startClient({ host: '0.0.0.0', scenario: 'empty' })
      try {
        expect.hasAssertions()
        for (const [method, url] of [
          ['GET', '/qa/'],
          ['GET', '/qa/console.js'],
          ['GET', '/qa/events'],
          ['GET', '/qa/users'],
          ['GET', '/qa/sessions'],
          ['GET', '/qa/stamps?userId=anna'],
          ['POST', '/qa/import'],
          ['POST', '/qa/pin-lockout/reset'],
          ['DELETE', '/qa/sessions/1'],
        ] as const) {
          const res = await fetch(`http://${external}:${open.port}${url}`, { method })
          expect([url, res.status]).toEqual([url, 403])
        }
      } finally {
        await open.sim.close()
      }
    })
  })
})
