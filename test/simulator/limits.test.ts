import fs from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import { LIMITS } from '../../simulator/src/limits'
import { Client, T0, startClient, type Json } from './harness'

/**
 * The simulator survives any caller: every string, number, date, batch and body a client sends
 * has a documented bound (docs/API.md, "Limits"), refused cheaply in the route's own style,
 * and nothing a caller chooses (the Host header) ends up in the URLs handed to other boxes.
 */

const long = (n: number): string => 'x'.repeat(n)

/** A request with headers fetch would not send (Host). */
const raw = (
  client: Client,
  method: 'GET' | 'POST',
  url: string,
  headers: Record<string, string>,
  body?: unknown,
): Promise<{ status: number; body: string }> =>
  new Promise((resolve, reject) => {
    const data = body === undefined ? undefined : JSON.stringify(body)
    const req = http.request(
      {
        host: '127.0.0.1',
        port: client.port,
        path: url,
        method,
        headers: {
          ...(data !== undefined
            ? { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(data)) }
            : {}),
          ...headers,
        },
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString() }))
      },
    )
    req.on('error', reject)
    req.end(data)
  })

describe('limits', () => {
  let client: Client
  let anna: string
  let admin: string

  beforeAll(async () => {
    client = await startClient()
    anna = await client.login('anna')
    admin = await client.login('admin')
  })
  afterAll(async () => client.sim.close())

  const rpc = async (body: unknown, token?: string) => client.post('/api/rpc', body, token)
  const changes = (offset: number, count: number, id: unknown = 1): Json => ({
    jsonrpc: '2.0',
    id,
    method: 'findAccountChanges',
    params: { offset, count },
  })
  const countAll = async (): Promise<number> =>
    (await rpc(changes(0, 1), anna)).json<{ result: { countAll: number } }>().result.countAll

  describe('strings', () => {
    it('Login refuses a 1 MB deviceName, and the account history does not grow', async () => {
      const before = await countAll()
      const out = await client.call('Login', {
        username: 'anna',
        password: 'anna',
        deviceId: 'anna-huge-name',
        deviceName: long(1_000_000),
      })
      expect(out.StatusCode).toBe(41)
      expect(String(out.StatusMessage)).toMatch(/deviceName/)
      expect(await countAll()).toBe(before)
    })

    it('Login takes names up to 200 characters and ids up to 64', async () => {
      const ok = { username: 'anna', password: 'anna', deviceModel: long(LIMITS.nameChars) }
      expect(
        (await client.call('Login', { ...ok, deviceId: long(64), deviceName: long(200) })).StatusCode,
      ).toBe(0)
      expect((await client.call('Login', { ...ok, deviceId: long(65) })).StatusCode).toBe(41)
      expect((await client.call('Login', { ...ok, deviceId: 'd', deviceName: long(201) })).StatusCode).toBe(
        41,
      )
      expect((await client.call('Login', { ...ok, deviceId: 'd', deviceModel: long(201) })).StatusCode).toBe(
        41,
      )
      expect(
        (await client.call('Login', { ...ok, deviceId: 'd', previousDeviceId: long(65) })).StatusCode,
      ).toBe(41)
      expect((await client.call('Login', { ...ok, deviceId: 'd', password: long(201) })).StatusCode).toBe(41)
      expect((await client.call('LoginAnonymous', { deviceId: long(65) })).StatusCode).toBe(41)
    })

    it('ids of recordings, series, playbacks, resumes and guide channels', async () => {
      const id = long(LIMITS.idChars + 1)
      const refused = async (method: string, body: Json): Promise<void> =>
        expect({ method, code: (await client.call(method, body, anna)).StatusCode }).toEqual({
          method,
          code: 41,
        })
      await refused('AddRecording', { ProgrammeID: id })
      await refused('CancelRecording', { RecordingID: id })
      await refused('CancelSeries', { SeriesID: id })
      await refused('KeepPlayback', { PlaybackID: id })
      await refused('GetPlayback', { Kind: 'live', ID: id })
      await refused('SetResume', { ContentID: id, Position: 1 })
      await refused('GetGuide', { ChannelIDs: [id], Start: T0, End: T0 + 3600 })
      await refused('Purchase', { ProductID: id })
      await refused('Purchase', { SubscriptionID: id })
      await refused('Purchase', { SubscriptionID: 'abc' })
    })

    it('a PIN longer than 16 characters is refused without counting an attempt', async () => {
      const dora = await client.login('dora')
      const before = await client.content<{ FailedAttempts: number }>('GetPinState', {}, dora)
      const out = await client.call('SetPinEnabled', { Pin: long(1000), Enabled: true }, dora)
      expect(out.StatusCode).toBe(41)
      const after = await client.content<{ FailedAttempts: number }>('GetPinState', {}, dora)
      expect(after.FailedAttempts).toBe(before.FailedAttempts)
    })

    it('a JSON:API user id longer than 64 characters is a 400 in JSON:API errors', async () => {
      const res = await client.get(`/api/user/${long(65)}/license`, anna)
      expect(res.statusCode).toBe(400)
      expect(res.json()).toEqual({
        errors: [{ status: '400', code: 'invalid_parameter', title: expect.stringMatching(/64/) }],
      })
    })

    it('a document 002 package id longer than 64 characters is a 422', async () => {
      const res = await client.post('/api/iptv/subscription/5001', { packages: [{ _id: long(65) }] }, admin)
      expect(res.statusCode).toBe(422)
      expect(res.json()).toMatchObject({ code: 'packages[]._id' })
    })
  })

  describe('JSON-RPC', () => {
    it('a batch of more than 50 calls is one -32600 answer, and none of it runs', async () => {
      const batch = Array.from({ length: LIMITS.rpcBatch + 1 }, (_, i) => changes(0, 1, i))
      const res = await rpc(batch, anna)
      expect(res.statusCode).toBe(200)
      expect(res.json()).toEqual({
        jsonrpc: '2.0',
        id: null,
        error: { code: -32600, message: expect.stringMatching(/50/) },
      })
      const ok = await rpc(batch.slice(0, LIMITS.rpcBatch), anna)
      expect(ok.json<unknown[]>()).toHaveLength(LIMITS.rpcBatch)
    })

    it('count is cut to 500', async () => {
      const res = await rpc(changes(0, 10_000), anna)
      const result = res.json<{ result: { count: number; countAll: number } }>().result
      expect(result.count).toBe(Math.min(result.countAll, LIMITS.rpcCount))
    })

    it('an offset of 1e20 is -32602 with the request id, not an internal error', async () => {
      const res = await rpc(changes(1e20, 1, 'big'), anna)
      expect(res.statusCode).toBe(200)
      expect(res.json()).toMatchObject({ jsonrpc: '2.0', id: 'big', error: { code: -32602 } })
      const past = await rpc(changes(LIMITS.rpcOffset + 1, 1, 8), anna)
      expect(past.json()).toMatchObject({ id: 8, error: { code: -32602 } })
      const count = await rpc(changes(0, 1e20, 9), anna)
      expect(count.json()).toMatchObject({ id: 9, error: { code: -32602 } })
    })

    it('a notification is never answered: without a token, with bad params, in a batch', async () => {
      const note = { jsonrpc: '2.0', method: 'findAccountChanges' }
      const noToken = await rpc(note)
      expect(noToken.statusCode).toBe(204)
      expect(noToken.body).toBe('')
      const badParams = await rpc({ ...note, params: { offset: 1e20 } }, anna)
      expect(badParams.statusCode).toBe(204)
      const unknown = await rpc({ jsonrpc: '2.0', method: 'nope' })
      expect(unknown.statusCode).toBe(204)
      const mixed = await rpc([note, changes(0, 1, 'asked'), { ...note, params: 'bad' }])
      expect(mixed.json<Json[]>()).toEqual([
        { jsonrpc: '2.0', id: 'asked', error: { code: -32001, message: 'Authentication required' } },
      ])
    })

    it('a request id longer than 64 characters is an invalid request', async () => {
      const res = await rpc(changes(0, 1, long(65)), anna)
      expect(res.json()).toMatchObject({ id: null, error: { code: -32600 } })
    })
  })

  describe('numbers and dates', () => {
    it('a resume Position is within 0..7 days', async () => {
      const set = (Position: number) => client.call('SetResume', { ContentID: 'programme:3', Position }, anna)
      expect((await set(LIMITS.resumeSeconds)).StatusCode).toBe(0)
      expect((await set(LIMITS.resumeSeconds + 1)).StatusCode).toBe(41)
      expect((await set(1e20)).StatusCode).toBe(41)
    })

    it('GetGuide refuses numbers SQLite cannot hold as integers', async () => {
      const out = await client.call(
        'GetGuide',
        { ChannelIDs: ['ch1'], Start: 1e300, End: 1e300 + 3600 },
        anna,
      )
      expect(out.StatusCode).toBe(41)
    })

    it('a document 002 date more than 5 years ahead of the operator clock (or 20 behind) is a 422', async () => {
      const MAIN = '1234567890123457890CCCC'
      const far = await client.post(
        '/api/iptv/subscription/5001',
        { packages: [{ _id: MAIN, start: '+275760-09-13T00:00:00.000Z' }] },
        admin,
      )
      expect(far.statusCode).toBe(422)
      expect(far.json()).toMatchObject({ code: 'packages[].start' })
      const past = await client.post(
        '/api/iptv/subscription/5001',
        { packages: [{ _id: MAIN, start: '1970-01-01T00:00:00.000Z' }] },
        admin,
      )
      expect(past.statusCode).toBe(422)
    })
  })

  describe('request bodies over 1 MB', () => {
    const huge = { deviceName: long(LIMITS.bodyBytes) }

    it('are refused in each route`s style', async () => {
      const envelope = await client.post('/api/Login', huge)
      expect(envelope.statusCode).toBe(200)
      expect(envelope.json()).toMatchObject({ StatusCode: 41 })

      const rest = await client.post('/api/iptv/subscription/5001', huge, admin)
      expect(rest.statusCode).toBe(413)
      expect(rest.json()).toMatchObject({ code: 'payload_too_large' })

      const rpcRes = await rpc(huge, anna)
      expect(rpcRes.statusCode).toBe(200)
      expect(rpcRes.json()).toMatchObject({ jsonrpc: '2.0', id: null, error: { code: -32600 } })
    })
  })

  describe('URLs handed out', () => {
    it('never come from the Host header', async () => {
      const headers = { host: 'evil.example', authorization: `Bearer ${anna}` }
      const channels = await raw(client, 'POST', '/api/GetChannels', headers, {})
      expect(channels.body).not.toContain('evil.example')
      const logo = (JSON.parse(channels.body) as { Content: { Logo: string }[] }).Content[0]?.Logo
      expect(logo).toMatch(/^\/api\/logos\/[^/]+\.png$/)

      const licences = await raw(client, 'GET', '/api/user/1001/license', headers)
      expect(licences.status).toBe(200)
      expect(licences.body).not.toContain('evil.example')
      const self = (JSON.parse(licences.body) as { data: { links: { self: string } }[] }).data[0]?.links.self
      expect(self).toMatch(/^\/api\/user\/1001\/license\/\d+$/)

      const playback = await raw(client, 'POST', '/api/GetPlayback', headers, { Kind: 'live', ID: 'ch1' })
      expect(playback.body).not.toContain('evil.example')
    })

    it('start with the configured public base URL', async () => {
      const other = await startClient({ publicBaseUrl: 'https://tv.example/' })
      try {
        const token = await other.login('anna')
        const channels = await other.content<{ Logo: string }[]>('GetChannels', {}, token)
        expect(channels[0]?.Logo).toMatch(/^https:\/\/tv\.example\/api\/logos\/[^/]+\.png$/)
      } finally {
        await other.sim.close()
      }
    })
  })

  describe('GET /settings.json', () => {
    it('is a 404 when the app folder has none', async () => {
      const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'kanal-no-settings-'))
      const other = await startClient({ appDir: empty })
      try {
        const res = await other.get('/settings.json')
        expect(res.statusCode).toBe(404)
      } finally {
        await other.sim.close()
        fs.rmSync(empty, { recursive: true, force: true })
      }
    })
  })
})
