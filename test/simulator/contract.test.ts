import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { T0, keys, startClient, type Client, type Json } from './harness'
import { rawPath } from './qaHttp'

const fixture = <T = Json>(name: string): T =>
  JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'specs', name), 'utf8')) as T

const ENVELOPE_KEYS = keys(fixture('000-timestamps.json'))

/** Same members, and each member of the same JSON type as in the document's example. */
const expectSameShape = (actual: unknown, example: unknown): void => {
  expect(keys(actual)).toEqual(keys(example))
  for (const [k, v] of Object.entries(example as Json)) {
    const a = (actual as Json)[k]
    expect([k, Array.isArray(a) ? 'array' : typeof a]).toEqual([k, Array.isArray(v) ? 'array' : typeof v])
  }
}

describe('contract: every route over HTTP, in the documents’ shapes', () => {
  let client: Client
  let anna: string

  beforeAll(async () => {
    client = await startClient()
    anna = await client.login('anna')
  })
  afterAll(async () => client.sim.close())

  describe('sessions', () => {
    it('Login answers a token and the user in the envelope', async () => {
      const out = await client.call('Login', { username: 'ben', password: 'ben', deviceId: 'ben-tv' })
      expect(keys(out)).toEqual(ENVELOPE_KEYS)
      expect(out).toMatchObject({ StatusCode: 0, Severity: 1, StatusMessage: 'OK' })
      const content = out.Content as Json
      expect(keys(content)).toEqual(['expiresAt', 'token', 'user'])
      expect(content.user).toEqual({ id: '1002', name: 'Ben Olsen', role: 'customer', customerId: '5002' })
      expect(content.expiresAt).toBeGreaterThan(T0)
    })

    it('a wrong password is AuthenticationRequired (30)', async () => {
      const out = await client.call('Login', { username: 'anna', password: 'nope', deviceId: 'x' })
      expect(out).toMatchObject({ StatusCode: 30, Severity: 3 })
      expect(out.Content).toBeNull()
    })

    it('LoginAnonymous gives a token that reads the guide but not user data', async () => {
      const c = await client.content<{ token: string; anonymous: boolean }>('LoginAnonymous', {
        deviceId: 'kiosk',
      })
      expect(keys(c)).toEqual(['anonymous', 'expiresAt', 'token'])
      expect(c.anonymous).toBe(true)
      expect((await client.call('GetChannels', {}, c.token)).StatusCode).toBe(0)
      expect((await client.call('GetUserTimestamps', {}, c.token)).StatusCode).toBe(30)
    })

    it('Logout ends the session', async () => {
      const token = await client.login('carl')
      expect((await client.call('Logout', {}, token)).StatusCode).toBe(0)
      expect((await client.call('GetUserTimestamps', {}, token)).StatusCode).toBe(30)
    })

    it('a token in the query string is refused, so that none lands in a URL', async () => {
      const res = await client.post('/api/GetChannels?token=abc', {})
      expect(res.statusCode).toBe(400)
    })
  })

  describe('GetUserTimestamps (document 000)', () => {
    it('answers the example’s envelope and members', async () => {
      const example = fixture('000-timestamps.json')
      const out = await client.call('GetUserTimestamps', {}, anna)
      expectSameShape(out, example)
      expectSameShape(out.Content, example.Content)
      expect(out).toMatchObject({ StatusCode: 0, Severity: 1, StatusMessage: 'OK' })
    })

    it('takes the token as the document’s body parameter too', async () => {
      expect((await client.call('GetUserTimestamps', { token: anna })).StatusCode).toBe(0)
    })

    it('without a token or with an unknown one: AuthenticationRequired 30', async () => {
      expect.hasAssertions()
      for (const token of [undefined, 'not-a-token']) {
        const out = await client.call('GetUserTimestamps', {}, token)
        expect(keys(out)).toEqual(ENVELOPE_KEYS)
        expect(out).toMatchObject({ StatusCode: 30, Severity: 3, StatusMessage: 'AuthenticationRequired' })
      }
    })
  })

  describe('GetServices (document 001)', () => {
    it('answers Service objects with exactly the example’s members', async () => {
      const example = fixture('001-service.json')
      const services = await client.content<Json[]>('GetServices', {}, anna)
      expect(services.length).toBeGreaterThan(3)
      for (const s of services) {
        expectSameShape(s, example)
        expect(typeof (s.CanWatch as Json).IsOwned).toBe('boolean')
        expect((s.Upgrade as unknown[]).every((n) => Number.isInteger(n))).toBe(true)
        expect((s.Incompatible as unknown[]).every((n) => Number.isInteger(n))).toBe(true)
        expect([1, 2, 3]).toContain(s.PurchaseType)
        expect(s.DateEnd as number).toBeGreaterThan(s.DateStart as number)
      }
      const owned = services.filter((s) => (s.CanWatch as Json).IsOwned === true)
      expect(owned.length).toBeGreaterThan(0)
      expect(owned.every((s) => s.CanAcquire === false)).toBe(true)
    })

    it('CanAcquire follows Upgrade, Incompatible and RequiredDays', async () => {
      expect.hasAssertions()
      const services = await client.content<Json[]>('GetServices', {}, anna)
      const byId = new Map(services.map((s) => [s.ID as number, s]))
      const now = (await client.qa<{ now: number }>('GET', '/clock')).now
      // Every service related to one she owns: an incompatible one cannot be bought, an upgrade
      // only once the owned one's RequiredDays have passed since she bought it.
      const cases: { owned: number; other: number; rule: string; expected: boolean; actual: unknown }[] = []
      for (const s of services) {
        if ((s.CanWatch as Json).IsOwned !== true) continue
        const boughtAt = (s.CanWatch as Json).PurchaseDate as number
        const upgradeFrom = boughtAt + (s.RequiredDays as number) * 86400
        for (const other of new Set([...(s.Incompatible as number[]), ...(s.Upgrade as number[])])) {
          const o = byId.get(other)
          const isUpgrade = (s.Upgrade as number[]).includes(other)
          cases.push({
            owned: s.ID as number,
            other,
            rule: isUpgrade ? 'upgrade' : 'incompatible',
            expected: isUpgrade ? now >= upgradeFrom : false,
            actual: o?.CanAcquire,
          })
        }
      }
      // The demo's case: nPVR 100 h (12), bought 10 days ago with RequiredDays 30, excludes
      // nPVR 50 h (11) and the home recorder (22) and upgrades to nPVR 200 h (13) in 20 days.
      expect(cases.map((c) => [c.owned, c.other, c.rule])).toEqual(
        expect.arrayContaining([
          [12, 11, 'incompatible'],
          [12, 13, 'upgrade'],
          [12, 22, 'incompatible'],
        ]),
      )
      expect(cases.map((c) => ({ ...c, actual: c.expected }))).toEqual(cases)
    })
  })

  describe('subscription settings (document 002)', () => {
    it('the document’s query example gives the document’s response example', async () => {
      const admin = await client.login('admin')
      const res = await client.post('/api/iptv/subscription/5004', fixture('002-request.json'), admin)
      expect(res.statusCode).toBe(200)
      expect(res.json()).toEqual(fixture('002-response.json'))
      const read = await client.get('/api/iptv/subscription/5004', admin)
      expect(read.json()).toEqual(fixture('002-response.json'))
    })

    it('a customer reads its own settings', async () => {
      const res = await client.get('/api/iptv/subscription/5001', anna)
      expect(res.statusCode).toBe(200)
      const body = res.json<Json>()
      expect(keys(body)).toEqual(['_id', 'nPvr', 'packages', 'scrub'])
      expect(keys(body.nPvr)).toEqual(['autoExpireDays', 'enabled', 'override', 'storage'])
    })
  })

  describe('products and licences (document 003, JSON:API)', () => {
    it('GET /api/products has the example’s resource shape', async () => {
      const example = fixture<{ data: Json[] }>('003-products.json').data[0] as Json
      const res = await client.get('/api/products', anna)
      expect(res.statusCode).toBe(200)
      expect(res.headers['content-type']).toContain('application/vnd.api+json')
      const body = res.json<{ data: Json[] }>()
      expect(keys(body)).toEqual(['data'])
      const types = new Set<unknown>()
      for (const p of body.data) {
        expectSameShape(p, example)
        // The price is Kanal's extension beside the document's attributes (test/simulator/prices.test.ts).
        const { price, billing_period, ...documented } = p.attributes as Json
        expect([typeof price, typeof billing_period]).toEqual(['object', 'string'])
        expectSameShape(documented, example.attributes)
        expect(keys(p.relationships)).toEqual(keys(example.relationships))
        for (const rel of Object.values(p.relationships as Record<string, { data: Json[] }>)) {
          for (const ref of rel.data) expect(ref).toEqual({ id: expect.any(String), type: 'Channel' })
        }
        types.add((p.attributes as Json).type)
      }
      expect(
        [...types].every((t) =>
          ['CHANNEL', 'PVR', 'CATCHUP', 'STARTOVER', 'CHANNEL_GROUP'].includes(String(t)),
        ),
      ).toBe(true)
    })

    it('GET /api/user/:userId/license has data and included as in the example', async () => {
      const example = fixture<{ data: Json[]; included: Json[] }>('003-licenses.json')
      const res = await client.get('/api/user/1001/license', anna)
      expect(res.statusCode).toBe(200)
      expect(res.headers['content-type']).toContain('application/vnd.api+json')
      const body = res.json<{ data: Json[]; included: Json[] }>()
      expect(keys(body)).toEqual(keys(example))
      const licence = example.data[0] as Json
      const statuses = new Set<string>()
      for (const l of body.data) {
        expect(keys(l)).toEqual(keys(licence))
        const attributes = l.attributes as Json
        expect(keys(attributes).every((k) => ['status', 'start_date', 'stop_date'].includes(k))).toBe(true)
        statuses.add(String(attributes.status))
        expect((l.relationships as Json).user).toEqual({ data: { id: '1001', type: 'User' } })
        expect(l.links).toEqual({ self: expect.stringMatching(/\/api\/user\/1001\/license\/\d+$/) })
      }
      expect([...statuses].sort()).toEqual(['ACTIVE', 'EXPIRED', 'SUSPENDED'])
      const productIds = body.data.map((l) => ((l.relationships as Json).product as { data: Json }).data.id)
      expect(body.included.map((p) => p.id).sort()).toEqual([...new Set(productIds)].sort())
      for (const p of body.included) expectSameShape(p, example.included[0])
    })

    it('each licence’s links.self is served', async () => {
      const list = (await client.get('/api/user/1001/license', anna)).json<{ data: Json[] }>()
      const first = list.data[0] as Json
      const self = new URL(String((first.links as Json).self), client.url('/')).pathname
      const res = await client.get(self, anna)
      expect(res.statusCode).toBe(200)
      const body = res.json<{ data: Json; included: Json[] }>()
      expect(body.data).toEqual(first)
      expect(body.included).toHaveLength(1)
    })

    it('shows ben’s CHECK_INVALID and SUSPENDEDADMIN licences', async () => {
      const ben = await client.login('ben')
      const body = (await client.get('/api/user/1002/license', ben)).json<{ data: Json[] }>()
      const statuses = body.data.map((l) => (l.attributes as Json).status)
      expect(statuses).toEqual(expect.arrayContaining(['ACTIVE', 'CHECK_INVALID', 'SUSPENDEDADMIN']))
    })

    it('refuses others’ licences, unknown ones and anonymous callers in JSON:API errors', async () => {
      const ben = await client.login('ben')
      const denied = await client.get('/api/user/1001/license', ben)
      expect(denied.statusCode).toBe(403)
      expect(denied.json()).toEqual({
        errors: [{ status: '403', code: 'access_denied', title: 'Insufficient access level' }],
      })
      expect((await client.get('/api/user/1001/license/999999', anna)).statusCode).toBe(404)
      expect((await client.get('/api/user/1001/license')).statusCode).toBe(401)
      expect((await client.get('/api/products')).statusCode).toBe(401)
    })

    it('the reseller reads its customers’ licences, the admin everybody’s', async () => {
      const reseller = await client.login('reseller')
      const admin = await client.login('admin')
      expect((await client.get('/api/user/1001/license', reseller)).statusCode).toBe(200)
      expect((await client.get('/api/user/1002/license', reseller)).statusCode).toBe(403)
      expect((await client.get('/api/user/1002/license', admin)).statusCode).toBe(200)
    })
  })

  describe('findAccountChanges (document 004, JSON-RPC 2.0)', () => {
    const rpc = async (body: unknown, token?: string): Promise<Json> => {
      const res = await client.post('/api/rpc', body, token)
      expect(res.statusCode).toBe(200)
      return res.json()
    }

    it('answers the document’s request with the document’s response shape, per type', async () => {
      // One event of each type for anna, as they happen.
      await client.content('Login', {
        username: 'anna',
        password: 'anna',
        deviceId: 'anna-new',
        deviceName: 'Den',
      })
      await client.content('Login', {
        username: 'anna',
        password: 'anna',
        deviceId: 'anna-new-2',
        previousDeviceId: 'anna-new',
        deviceName: 'Den',
      })
      const act = (action: string, extra: Json): Promise<Json> =>
        client.qa('POST', '/another-device', { userId: 'anna', action, ...extra })
      await act('removeDevice', { deviceId: 'anna-new-2' })
      await act('addService', { serviceId: 'netflix', serviceName: 'Netflix' })
      await act('addIdentity', { type: 'facebook', identity: 'anna.fb' })
      await act('removeIdentity', { type: 'facebook', identity: 'anna.fb' })

      const example = fixture<{ result: { items: Json[] } }>('004-response.json')
      const out = await rpc(fixture('004-request.json'), anna)
      expect(keys(out)).toEqual(keys(example))
      expect(out.jsonrpc).toBe('2.0')
      expect(out.id).toBe(1)
      const result = out.result as { offset: number; count: number; countAll: number; items: Json[] }
      expect(keys(result)).toEqual(keys(example.result))
      expect(result.offset).toBe(0)
      expect(result.count).toBe(5)
      expect(result.items).toHaveLength(5)
      expect(result.countAll).toBeGreaterThan(20)

      const all = (
        await rpc({ jsonrpc: '2.0', id: 2, method: 'findAccountChanges', params: { count: 500 } }, anna)
      ).result as { items: Json[]; countAll: number; count: number }
      expect(all.count).toBe(all.countAll)
      const times = all.items.map((i) => i.occurrenceTimestamp as number)
      expect(times).toEqual([...times].sort((a, b) => b - a))
      const shapeOf = new Map(example.result.items.map((i) => [i.type, i]))
      for (const item of all.items) {
        const model = shapeOf.get(item.type)
        expect(model).toBeDefined()
        expectSameShape(item, model)
        if (model?.itemAttributes) expectSameShape(item.itemAttributes, model.itemAttributes)
      }
      expect(new Set(all.items.map((i) => i.type))).toEqual(new Set(shapeOf.keys()))
      expect(all.items[0]).toMatchObject({
        type: 'IDENTITY_REMOVED',
        itemAttributes: { type: 'facebook', identity: 'anna.fb' },
      })
    })

    it('pages with offset and count, newest first', async () => {
      const page = async (offset: number, count: number): Promise<Json[]> =>
        (
          (
            await rpc(
              { jsonrpc: '2.0', id: 3, method: 'findAccountChanges', params: { offset, count } },
              anna,
            )
          ).result as {
            items: Json[]
          }
        ).items
      const first = await page(0, 4)
      const second = await page(2, 2)
      expect(second).toEqual(first.slice(2, 4))
    })

    it('answers JSON-RPC errors', async () => {
      const noToken = await rpc({ jsonrpc: '2.0', id: 4, method: 'findAccountChanges' })
      expect(noToken).toEqual({
        jsonrpc: '2.0',
        id: 4,
        error: { code: -32001, message: 'Authentication required' },
      })
      const unknown = await rpc({ jsonrpc: '2.0', id: 5, method: 'nope' }, anna)
      expect(unknown).toMatchObject({ id: 5, error: { code: -32601 } })
      const bad = await rpc(
        { jsonrpc: '2.0', id: 6, method: 'findAccountChanges', params: { count: -1 } },
        anna,
      )
      expect(bad).toMatchObject({ id: 6, error: { code: -32602 } })
      const notRpc = await rpc({ id: 7, method: 'findAccountChanges' }, anna)
      expect(notRpc).toMatchObject({ id: 7, error: { code: -32600 } })
    })
  })

  describe('channels and guide (Kanal’s own, document 000 style)', () => {
    it('GetChannels lists every channel with number, name, logo, genre and products', async () => {
      const channels = await client.content<Json[]>('GetChannels', {}, anna)
      expect(channels.length).toBeGreaterThanOrEqual(150)
      for (const c of channels)
        expect(keys(c)).toEqual(['CatchupHours', 'Genre', 'ID', 'Logo', 'Name', 'Number', 'Products'])
      expect(channels.map((c) => c.Number)).toEqual(channels.map((_c, i) => i + 1))
      expect(channels[0]).toMatchObject({
        ID: 'ch1',
        Name: 'Kanal 1',
        Products: expect.arrayContaining(['1']),
      })
      const logo = await client.get(new URL(String(channels[0]?.Logo), client.url('/')).pathname)
      expect(logo.statusCode).toBe(200)
      expect(logo.headers['content-type']).toBe('image/png')
      expect(logo.rawPayload.subarray(1, 4).toString()).toBe('PNG')
    })

    it('GetGuide answers the programmes of a channel block overlapping a window', async () => {
      const ids = ['ch1', 'ch2', 'ch3']
      const guide = await client.content<{ Start: number; End: number; Channels: Json[] }>(
        'GetGuide',
        { ChannelIDs: ids, Start: T0, End: T0 + 4 * 3600 },
        anna,
      )
      expect(keys(guide)).toEqual(['Channels', 'End', 'Start'])
      expect(guide.Channels.map((c) => c.ChannelID)).toEqual(ids)
      for (const c of guide.Channels) {
        const programmes = c.Programmes as Json[]
        expect(programmes.length).toBeGreaterThan(1)
        expect(programmes[0]?.Start as number).toBeLessThanOrEqual(T0)
        for (const p of programmes) {
          expect(p.End as number).toBeGreaterThan(T0)
          expect(p.Start as number).toBeLessThan(T0 + 4 * 3600)
          expect(['ID', 'ChannelID', 'Title', 'Start', 'End'].every((k) => k in p)).toBe(true)
        }
        const starts = programmes.map((p) => p.Start as number)
        expect(starts).toEqual([...starts].sort((a, b) => a - b))
      }
    })

    it('covers 14 days', async () => {
      expect.hasAssertions()
      for (const at of [T0 - 6 * 86400, T0 + 6 * 86400]) {
        const g = await client.content<{ Channels: { Programmes: Json[] }[] }>(
          'GetGuide',
          { ChannelIDs: ['ch150'], Start: at, End: at + 3600 },
          anna,
        )
        expect(g.Channels[0]?.Programmes.length).toBeGreaterThan(0)
      }
    })

    it('refuses bad guide requests with InvalidParameter (41)', async () => {
      expect.hasAssertions()
      const ids = Array.from({ length: 101 }, (_v, i) => `ch${i + 1}`)
      const bad = [
        { ChannelIDs: ids, Start: T0, End: T0 + 3600 },
        { ChannelIDs: ['nope'], Start: T0, End: T0 + 3600 },
        { ChannelIDs: ['ch1'], Start: T0, End: T0 },
        { ChannelIDs: ['ch1'], Start: T0, End: T0 + 25 * 3600 },
        { ChannelIDs: [], Start: T0, End: T0 + 3600 },
      ]
      for (const body of bad)
        expect(await client.call('GetGuide', body, anna)).toMatchObject({ StatusCode: 41, Severity: 3 })
    })
  })

  describe('recordings, resumes, PIN and purchase (Kanal’s own)', () => {
    const futureProgramme = async (channel: string, hoursAhead: number): Promise<Json> => {
      const at = T0 + hoursAhead * 3600
      const g = await client.content<{ Channels: { Programmes: Json[] }[] }>(
        'GetGuide',
        { ChannelIDs: [channel], Start: at, End: at + 3600 },
        anna,
      )
      const p = g.Channels[0]?.Programmes.find((x) => (x.Start as number) >= at)
      if (!p) throw new Error('no programme')
      return p
    }

    it('GetRecordings lists recordings with quota and auto-expiry', async () => {
      const list = await client.content<{ Recordings: Json[]; Quota: Json; AutoExpireDays: number }>(
        'GetRecordings',
        {},
        anna,
      )
      expect(keys(list)).toEqual(['AutoExpireDays', 'Quota', 'Recordings'])
      expect(keys(list.Quota)).toEqual(['AllowedHours', 'ScheduledHours', 'UsedHours'])
      expect(list.Quota.AllowedHours).toBe(100)
      expect(list.AutoExpireDays).toBe(90)
      const states = new Set(list.Recordings.map((r) => r.State))
      expect([...states].sort()).toEqual(['Failed', 'Finished', 'Ongoing', 'Scheduled'])
      for (const r of list.Recordings) {
        // SeriesID, Episode and FailureReason are there when they apply (recordingDetails.test.ts).
        expect(keys(r).filter((k) => !['SeriesID', 'Episode', 'FailureReason'].includes(k))).toEqual([
          'ChannelID',
          'CreatedAt',
          'End',
          'ExpiresAt',
          'ID',
          'ProgrammeID',
          'Protected',
          'Start',
          'State',
          'Title',
        ])
        expect(r.ExpiresAt).toBe(r.Protected ? null : (r.End as number) + 90 * 86400)
      }
    })

    it('AddRecording, ProtectRecording, CancelRecording and DeleteRecording', async () => {
      const p = await futureProgramme('ch1', 30)
      const added = await client.content<{ Recordings: Json[] }>('AddRecording', { ProgrammeID: p.ID }, anna)
      expect(added.Recordings).toHaveLength(1)
      const rec = added.Recordings[0] as Json
      expect(rec).toMatchObject({ ProgrammeID: p.ID, State: 'Scheduled', Protected: false, Title: p.Title })
      expect((await client.call('AddRecording', { ProgrammeID: p.ID }, anna)).StatusCode).toBe(44)
      const protectedRec = await client.content<Json>(
        'ProtectRecording',
        { RecordingID: rec.ID, Protected: true },
        anna,
      )
      expect(protectedRec).toMatchObject({ Protected: true, ExpiresAt: null })
      expect(await client.content('CancelRecording', { RecordingID: rec.ID }, anna)).toBeNull()
      expect((await client.call('CancelRecording', { RecordingID: rec.ID }, anna)).StatusCode).toBe(40)

      const list = await client.content<{ Recordings: Json[] }>('GetRecordings', {}, anna)
      const finished = list.Recordings.find((r) => r.State === 'Finished' && r.Protected === false)
      const guarded = list.Recordings.find((r) => r.State === 'Finished' && r.Protected === true)
      expect((await client.call('DeleteRecording', { RecordingID: guarded?.ID }, anna)).StatusCode).toBe(42)
      expect(await client.content('DeleteRecording', { RecordingID: finished?.ID }, anna)).toBeNull()
      const scheduled = list.Recordings.find((r) => r.State === 'Scheduled')
      expect((await client.call('DeleteRecording', { RecordingID: scheduled?.ID }, anna)).StatusCode).toBe(42)
    })

    it('AddRecording with Series records the episodes; CancelSeries removes the scheduled ones', async () => {
      const g = await client.content<{ Channels: { Programmes: Json[] }[] }>(
        'GetGuide',
        { ChannelIDs: ['ch2'], Start: T0 + 3600, End: T0 + 20 * 3600 },
        anna,
      )
      const episode = g.Channels[0]?.Programmes.find(
        (p) => typeof p.SeriesID === 'string' && (p.Start as number) > T0,
      )
      if (!episode) throw new Error('no episode')
      const added = await client.content<{ Recordings: Json[] }>(
        'AddRecording',
        { ProgrammeID: episode.ID, Series: true },
        anna,
      )
      expect(added.Recordings.length).toBeGreaterThan(1)
      expect(added.Recordings.every((r) => r.SeriesID === episode.SeriesID)).toBe(true)
      const cancelled = await client.content<{ Cancelled: number }>(
        'CancelSeries',
        { SeriesID: episode.SeriesID },
        anna,
      )
      expect(cancelled.Cancelled).toBe(added.Recordings.length)
    })

    it('refuses recordings beyond the nPVR quota (43) and users without nPVR (42)', async () => {
      const ben = await client.login('ben')
      expect((await client.call('GetRecordings', {}, ben)).StatusCode).toBe(42)
      const admin = await client.login('admin')
      await client.post('/api/iptv/subscription/5001', { nPvr: { override: true, storage: 1 } }, admin)
      const p = await futureProgramme('ch3', 40)
      const out = await client.call('AddRecording', { ProgrammeID: p.ID }, anna)
      expect(out).toMatchObject({ StatusCode: 43, Severity: 3 })
      await client.post('/api/iptv/subscription/5001', { nPvr: { override: false } }, admin)
    })

    it('SetResume, GetResumes and RemoveUserWatchHistory', async () => {
      const saved = await client.content<Json>(
        'SetResume',
        { ContentID: 'programme:42', Position: 600 },
        anna,
      )
      expect(saved).toEqual({ ContentID: 'programme:42', Position: 600, UpdatedAt: T0 })
      const list = await client.content<Json[]>('GetResumes', {}, anna)
      expect(list[0]).toEqual(saved)
      for (const r of list) expect(keys(r)).toEqual(['ContentID', 'Position', 'UpdatedAt'])
      expect((await client.call('SetResume', { ContentID: 'x', Position: -1 }, anna)).StatusCode).toBe(41)
      const carl = await client.login('carl')
      await client.content('SetResume', { ContentID: 'programme:1', Position: 5 }, carl)
      expect(await client.content('RemoveUserWatchHistory', {}, carl)).toEqual({ Removed: 1 })
      expect(await client.content('GetResumes', {}, carl)).toEqual([])
    })

    it('GetPinState, ChangePin, SetPinEnabled; three wrong PINs lock it', async () => {
      const dora = await client.login('dora')
      expect(await client.content('GetPinState', {}, dora)).toEqual({
        Enabled: true,
        FailedAttempts: 0,
        LockedUntil: null,
      })
      expect(await client.content('ChangePin', { OldPin: '1234', NewPin: '4321' }, dora)).toBeNull()
      expect(await client.call('SetPinEnabled', { Pin: '0000', Enabled: false }, dora)).toMatchObject({
        StatusCode: 45,
        Content: { FailedAttempts: 1, AttemptsLeft: 2 },
      })
      await client.call('SetPinEnabled', { Pin: '0000', Enabled: false }, dora)
      const locked = await client.call('SetPinEnabled', { Pin: '0000', Enabled: false }, dora)
      expect(locked).toMatchObject({ StatusCode: 46, Content: { LockedUntil: T0 + 60 } })
      expect((await client.call('SetPinEnabled', { Pin: '4321', Enabled: false }, dora)).StatusCode).toBe(46)
    })

    it('Purchase creates a PROCESSING licence that becomes ACTIVE or ORDER_ERROR by the clock', async () => {
      const ben = await client.login('ben')
      expect((await client.call('Purchase', { ProductID: '7' }, ben)).StatusCode).toBe(45)
      const bought = await client.content<Json>('Purchase', { ProductID: '7', Pin: '1234' }, ben)
      expect(bought).toEqual({ LicenseID: expect.any(String), Status: 'PROCESSING' })
      const failing = await client.content<Json>('Purchase', { ProductID: '30', Pin: '1234' }, ben)
      const status = async (id: unknown): Promise<unknown> =>
        (await client.get(`/api/user/1002/license/${String(id)}`, ben)).json<{ data: { attributes: Json } }>()
          .data.attributes.status
      expect(await status(bought.LicenseID)).toBe('PROCESSING')
      await client.advance(5)
      expect(await status(bought.LicenseID)).toBe('ACTIVE')
      expect(await status(failing.LicenseID)).toBe('ORDER_ERROR')
      expect((await client.call('Purchase', { ProductID: '7', Pin: '1234' }, ben)).StatusCode).toBe(44)
      expect((await client.call('Purchase', { ProductID: '999', Pin: '1234' }, ben)).StatusCode).toBe(40)
      const sub = await client.content<Json>('Purchase', { SubscriptionID: 21, Pin: '1234' }, ben)
      expect(sub).toMatchObject({ SubscriptionID: 21, Status: 'ACTIVE' })
    })
  })

  describe('plain routes', () => {
    it('GET /api/health', async () => {
      const res = await client.get('/api/health')
      expect(res.json()).toEqual({
        status: 'ok',
        version: expect.any(String),
        uptimeSeconds: expect.any(Number),
      })
    })

    it('GET /settings.json merges the override', async () => {
      expect.hasAssertions()
      const appDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kanal-app-'))
      fs.writeFileSync(path.join(appDir, 'settings.json'), JSON.stringify({ appSettings: { stage: 'x' } }))
      const c2 = await startClient({
        appDir,
        scenario: 'empty',
        settingsOverride: { appSettings: { testHooks: true } },
      })
      try {
        const res = await c2.get('/settings.json')
        expect(res.statusCode).toBe(200)
        expect(res.headers['cache-control']).toBe('no-store')
        expect(res.json<Json>().appSettings).toEqual({ stage: 'x', testHooks: true })
      } finally {
        await c2.sim.close()
        fs.rmSync(appDir, { recursive: true })
      }
    })

    it('a path that is no valid URL is refused in the style of its route', async () => {
      const licences = await rawPath(client, 'GET', '/api/user/%/license')
      expect(licences.status).toBe(400)
      expect(licences.headers['content-type']).toMatch(/^application\/vnd\.api\+json/)
      expect(licences.json()).toEqual({
        errors: [{ status: '400', code: 'bad_url', title: 'The path is not a valid URL' }],
      })
      const settings = await rawPath(client, 'GET', '/api/iptv/subscription/%zz')
      expect(settings.status).toBe(400)
      expect(settings.json()).toEqual({ code: 'bad_url', message: 'The path is not a valid URL' })
      const envelope = await rawPath(client, 'POST', '/api/Get%zz')
      expect(envelope.status).toBe(200)
      expect(envelope.json()).toMatchObject({ StatusCode: 41, Severity: 3 })
    })

    it('an /api or /qa path no route serves (dot segments, /api itself) is a 404 in JSON, not the app', async () => {
      expect.hasAssertions()
      const appDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kanal-app-'))
      fs.writeFileSync(path.join(appDir, 'index.html'), '<!doctype html><title>app</title>')
      const c2 = await startClient({ appDir, scenario: 'empty' })
      try {
        expect((await rawPath(c2, 'GET', '/')).status).toBe(200)
        for (const [method, p] of [
          ['GET', '/api/..'],
          ['GET', '/api/../index.html'],
          ['GET', '/qa/..'],
          ['GET', '/api'],
          ['PATCH', '/qa'],
          ['DELETE', '/qa?x=1'],
        ] as const) {
          const res = await rawPath(c2, method, p)
          expect({ p, status: res.status, type: res.headers['content-type'] }).toEqual({
            p,
            status: 404,
            type: expect.stringMatching(/^application\/json/) as string,
          })
          expect(res.json()).toMatchObject({ code: 'not_found' })
        }
      } finally {
        await c2.sim.close()
        fs.rmSync(appDir, { recursive: true })
      }
    })

    it('an unknown /api route is a 404 in JSON', async () => {
      const res = await client.get('/api/nope')
      expect(res.statusCode).toBe(404)
      expect(res.json()).toEqual({ code: 'not_found', message: 'No route GET /api/nope' })
    })
  })
})
