import fs from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import fc from 'fast-check'
import { Client, T0, startSimulator } from './harness'
import { hashToken } from '../../simulator/src/model/secrets'
import { isScenarioName } from '../../simulator/src/config'
import { catalogue, type Pools, type RouteCase } from './fuzz/catalogue'
import { encode, encodings, type Encoding, type Value } from './fuzz/mutate'
import { send, type FuzzRequest, type FuzzResponse } from './fuzz/send'
import { problemOf } from './fuzz/wellFormed'
import { snapshotOf } from './fuzz/snapshot'

/**
 * The simulator survives any caller. Requests made by mutating valid bodies of every route
 * (types swapped, fields dropped or repeated, huge and negative numbers, long and non-Latin
 * strings, lone surrogates, nulls, deep nesting, wrong content types, bodies that are no JSON)
 * are sent with no token, an anonymous one, user A's, user B's, a garbage or an expired one.
 * Each answer must be below 500 and well formed in its route's style; every so often and at the
 * end the server still answers, the database passes its integrity check, and the users whose
 * tokens are never used (C and the rest) have not changed by a single row.
 *
 * FUZZ_SEED picks another seed (a failure prints the seed and the shrunk requests), FUZZ_RUNS
 * the number of runs (one or two requests each: 2,000 runs send about 2,500). The figures of a
 * run are printed and written to test-results/fuzz.json.
 */

const SEED = Number(process.env.FUZZ_SEED ?? 20251201)
const RUNS = Number(process.env.FUZZ_RUNS ?? 2000)
const CHECK_EVERY = 250
const TIMEOUT_MS = 5_000

jest.setTimeout(Math.max(120_000, RUNS * 60))

type TokenKind = 'none' | 'anon' | 'A' | 'B' | 'garbage' | 'expired'

interface Planned {
  /** The route's name in the catalogue: a counterexample prints as plain data. */
  route: string
  method: string
  path: string
  token: TokenKind
  /** Where the token goes: the Authorization header (in a spelling), or an envelope body's `token`. */
  placement: 'Bearer' | 'bearer' | 'Basic' | 'body'
  body?: Value
  xml?: string
  encoding: Encoding | undefined
  headers: Record<string, string>
}

const OTHER_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'HEAD']

describe('fuzz: the simulator survives any caller', () => {
  let client: Client
  let dir: string
  let agent: http.Agent
  let pools: Pools
  let routes: RouteCase[]
  const tokens: Record<'A' | 'B' | 'anon' | 'expired', string> = { A: '', B: '', anon: '', expired: '' }
  let lastServerError = ''
  let untouched: { userIds: string[]; customerIds: string[]; before: Record<string, string> }
  const stats = {
    requests: 0,
    serverErrors: 0,
    byStatus: {} as Record<string, number>,
    routes: {} as Record<string, number>,
  }

  const sessionValid = (token: string): boolean =>
    client.sim.sim.db
      .prepare<
        [string, number],
        { n: number }
      >('SELECT count(*) AS n FROM sessions WHERE token_hash = ? AND expires_at > ?')
      .get(hashToken(token), client.sim.sim.clock.now())?.n === 1

  /** Signs A and B in again when a request ended their sessions (a Logout, a QA session end). */
  const restoreTokens = async (): Promise<void> => {
    if (!sessionValid(tokens.A)) tokens.A = await client.login('anna', 'fuzz-a')
    if (!sessionValid(tokens.B)) tokens.B = await client.login('ben', 'fuzz-b')
    if (!sessionValid(tokens.anon))
      tokens.anon = (
        await client.content<{ token: string }>('LoginAnonymous', { deviceId: 'fuzz-anon' })
      ).token
  }

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kanal-fuzz-'))
    // A built app and console (a page each): "not built" is a 503 by design, not what is tested.
    const appDir = path.join(dir, 'app')
    const consoleDir = path.join(dir, 'console')
    for (const [folder, files] of [
      [appDir, ['index.html', 'appBundle.js']],
      [consoleDir, ['index.html', 'console.js', 'console.css']],
    ] as const) {
      fs.mkdirSync(folder, { recursive: true })
      for (const f of files)
        fs.writeFileSync(path.join(folder, f), f.endsWith('.html') ? '<!doctype html><title>x</title>' : '')
    }
    fs.writeFileSync(
      path.join(appDir, 'settings.json'),
      JSON.stringify({ appSettings: {}, platformSettings: {} }),
    )
    // A file database, as `npm start` uses: WAL, and an integrity check that means something.
    const simulator = startSimulator({ dbPath: path.join(dir, 'fuzz.sqlite'), appDir, consoleDir })
    // The server's side of a 5xx, so that a failure says what broke and where.
    simulator.app.addHook('onError', async (_req, _reply, error) => {
      lastServerError = error.stack?.split('\n').slice(0, 4).join(' | ') ?? String(error)
    })
    client = await new Client(simulator).start()
    agent = new http.Agent({ keepAlive: true, maxSockets: 1 })
    const db = client.sim.sim.db
    tokens.A = await client.login('anna', 'fuzz-a')
    tokens.B = await client.login('ben', 'fuzz-b')
    tokens.expired = await client.login('anna', 'fuzz-expired')
    db.prepare('UPDATE sessions SET expires_at = 0 WHERE token_hash = ?').run(hashToken(tokens.expired))
    tokens.anon = (await client.content<{ token: string }>('LoginAnonymous', { deviceId: 'fuzz-anon' })).token

    const ids = <T>(sql: string, ...args: unknown[]): T[] =>
      db
        .prepare(sql)
        .pluck()
        .all(...args) as T[]
    const user = (name: string): { id: string; customer: string } =>
      db.prepare('SELECT id, customer_id AS customer FROM users WHERE username = ?').get(name) as {
        id: string
        customer: string
      }
    // C is dora: a customer with IPTV, nPVR and licences, so that there is something of hers to
    // aim at (recording and licence ids in the pools) and to find unchanged.
    const [a, b, c] = [user('anna'), user('ben'), user('dora')]
    const now = client.sim.sim.clock.now()
    // Two recordings on channels her licences let her record (a refused one is tried no more).
    let recorded = 0
    for (const programmeId of ids<number>(
      'SELECT id FROM programmes WHERE start > ? ORDER BY start LIMIT 400',
      now,
    )) {
      if (recorded === 2) break
      const res = await client.post('/qa/another-device', {
        userId: 'dora',
        action: 'addRecording',
        programmeId: String(programmeId),
      })
      if (res.statusCode === 200) recorded++
    }
    expect(recorded).toBe(2)
    await client.qa('POST', '/another-device', {
      userId: 'dora',
      action: 'saveResume',
      contentId: 'dora-film',
      position: 600,
    })
    const live = ids<string>('SELECT id FROM channels ORDER BY number LIMIT 3')
    const playbackIds: string[] = []
    for (const [token, channel] of [
      [tokens.A, live[0]],
      [tokens.B, live[1]],
    ] as const) {
      const out = await client.call('GetPlayback', { Kind: 'live', ID: channel }, token)
      const id = (out.Content as { PlaybackID?: string } | undefined)?.PlaybackID
      if (id !== undefined) playbackIds.push(id)
    }
    expect(playbackIds.length).toBeGreaterThan(0)
    pools = {
      userIds: [a.id, b.id, c.id, user('admin').id],
      customerIds: [a.customer, b.customer, c.customer],
      recordingIds: ids<number>(
        'SELECT id FROM recordings WHERE user_id IN (?, ?, ?) ORDER BY id LIMIT 12',
        a.id,
        b.id,
        c.id,
      ),
      licenceIds: ids<number>(
        'SELECT id FROM licences WHERE user_id IN (?, ?, ?) ORDER BY id LIMIT 8',
        a.id,
        b.id,
        c.id,
      ),
      channelIds: live,
      programmeIds: [
        ...ids<number>('SELECT id FROM programmes WHERE start > ? ORDER BY start LIMIT 6', now),
        ...ids<number>('SELECT id FROM programmes WHERE end < ? ORDER BY start DESC LIMIT 3', now),
      ],
      seriesIds: ids<string>('SELECT DISTINCT series_id FROM programmes WHERE series_id IS NOT NULL LIMIT 3'),
      productIds: ids<string>('SELECT id FROM products ORDER BY id LIMIT 5'),
      subscriptionIds: ids<number>('SELECT id FROM services ORDER BY id LIMIT 4'),
      contentIds: ['prog-1', ...ids<string>('SELECT content_id FROM resumes LIMIT 3')],
      playbackIds,
      qaUsers: ['anna', 'ben', a.id],
      qaCustomerIds: [a.customer, b.customer],
      now,
    }
    for (const [name, pool] of Object.entries(pools)) {
      if (Array.isArray(pool) && pool.length === 0) throw new Error(`no ${name} in the seeded database`)
    }
    routes = catalogue(pools)

    // C and every user whose token the fuzzer never holds.
    const others = db
      .prepare<
        [string, string],
        { id: string; customer_id: string | null }
      >('SELECT id, customer_id FROM users WHERE id NOT IN (?, ?)')
      .all(a.id, b.id)
    const userIds = others.map((u) => u.id)
    const customerIds = others.flatMap((u) => (u.customer_id === null ? [] : [u.customer_id]))
    expect(userIds).toContain(c.id)
    untouched = { userIds, customerIds, before: snapshotOf(db, userIds, customerIds) }
  })

  afterAll(async () => {
    agent?.destroy()
    await client?.sim.close()
    if (dir) fs.rmSync(dir, { recursive: true, force: true })
  })

  const routeNamed = (name: string): RouteCase => {
    const route = routes.find((r) => r.name === name)
    if (!route) throw new Error(`no route ${name}`)
    return route
  }

  type CustomerNpvr = { id: string; npvr_override: number; npvr_storage: number | null }
  const customerRows = (): CustomerNpvr[] =>
    client.sim.sim.db
      .prepare<
        string[],
        CustomerNpvr
      >('SELECT id, npvr_override, npvr_storage FROM customers WHERE id IN (?, ?)')
      .all(...pools.qaCustomerIds)
  const putBack = (rows: CustomerNpvr[]): void => {
    const update = client.sim.sim.db.prepare(
      'UPDATE customers SET npvr_override = ?, npvr_storage = ? WHERE id = ?',
    )
    for (const r of rows) update.run(r.npvr_override, r.npvr_storage, r.id)
  }

  const tokenOf = (kind: TokenKind): string | undefined => {
    switch (kind) {
      case 'none':
        return undefined
      case 'garbage':
        return 'not-a-token-Zm9v'
      default:
        return tokens[kind]
    }
  }

  const build = (p: Planned): FuzzRequest => {
    const headers: Record<string, string> = { ...p.headers }
    const token = tokenOf(p.token)
    let body: Value = p.body
    if (token !== undefined) {
      if (p.placement === 'body' && body !== null && typeof body === 'object' && !Array.isArray(body))
        body = { ...body, token }
      else if (p.placement === 'Basic')
        headers.authorization = `Basic ${Buffer.from(`anna:${token}`).toString('base64')}`
      else headers.authorization = `${p.placement === 'body' ? 'Bearer' : p.placement} ${token}`
    }
    // A valid scenario would replace every user's data: that is what the QA reset is for.
    if (
      p.route === 'reset' &&
      body !== null &&
      typeof body === 'object' &&
      isScenarioName((body as Record<string, unknown>).scenario)
    )
      body = { scenario: 'not-a-scenario' }
    if (p.xml !== undefined) {
      headers['content-type'] = p.headers['content-type'] ?? 'application/xml'
      return { method: p.method, path: p.path, headers, body: Buffer.from(p.xml) }
    }
    if (p.encoding === undefined) return { method: p.method, path: p.path, headers }
    const encoded = encode(body, p.encoding)
    if (encoded.contentType !== undefined) headers['content-type'] = encoded.contentType
    return {
      method: p.method,
      path: p.path,
      headers,
      ...(encoded.body !== undefined ? { body: encoded.body } : {}),
    }
  }

  const planned = (): fc.Arbitrary<Planned> =>
    fc
      .constantFrom(...routes)
      .chain((route) =>
        fc.record({
          route: fc.constant(route.name),
          method: fc.oneof(
            { weight: 19, arbitrary: fc.constant(route.method) },
            { weight: 1, arbitrary: fc.constantFrom(...OTHER_METHODS) },
          ),
          path: route.path,
          token: fc.constantFrom<TokenKind>('none', 'anon', 'A', 'A', 'B', 'garbage', 'expired'),
          placement: fc.constantFrom<Planned['placement']>(
            'Bearer',
            'Bearer',
            'Bearer',
            'bearer',
            'Basic',
            'body',
          ),
          body: route.body ?? fc.constant(undefined),
          xml: route.xml ?? fc.constant(undefined),
          encoding: route.body
            ? encodings
            : fc.oneof({ weight: 9, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: encodings }),
          headers: fc
            .tuple(
              route.headers ?? fc.constant({}),
              fc.constantFrom<Record<string, string>>(
                {},
                {},
                {},
                { origin: 'https://evil.example' },
                { 'sec-fetch-site': 'cross-site' },
                { 'x-kanal-reason': 'startup' },
                { 'x-kanal-reason': 'x'.repeat(500) },
                { 'content-type': 'text/xml' },
                { 'x-forwarded-for': '203.0.113.9' },
                { accept: 'application/xml' },
                { 'content-encoding': 'gzip' },
                { expect: '100-continue' },
                { 'x-http-method-override': 'DELETE' },
                { authorization: 'Bearer' },
                { 'accept-version': '9.9' },
              ),
            )
            .map(([a, b]) => ({ ...b, ...a })),
        }),
      )
      .map((r): Planned => ({ ...r, body: r.body as Value, xml: r.xml as string | undefined }))

  /** What any /api caller must still get: the health check and A's own data. */
  const stillAnswers = async (): Promise<void> => {
    expect((await client.get('/api/health')).statusCode).toBe(200)
    const out = await client.call('GetRecordings', {}, tokens.A)
    expect(out.StatusCode).toBe(0)
  }

  const dataChecks = (): void => {
    expect(client.sim.sim.db.pragma('integrity_check', { simple: true })).toBe('ok')
    expect(client.sim.sim.db.pragma('foreign_key_check')).toEqual([])
    expect(snapshotOf(client.sim.sim.db, untouched.userIds, untouched.customerIds)).toEqual(untouched.before)
  }

  /** Puts back what a request may change for everybody: the clock, the config, the faults, the throttle. */
  const restore = async (): Promise<void> => {
    const sim = client.sim.sim
    // What a request left the clock at must still be a date: every session, stamp and date
    // derives from it (a clock of Infinity answers no 5xx, it just signs everybody out).
    const ms = sim.clock.nowMs()
    if (!(Number.isFinite(ms) && ms >= 0 && ms <= 8.64e15))
      throw new Error(`the clock left the dates: ${ms} ms`)
    if (sim.clock.now() !== T0 || sim.clock.speed() !== 0) {
      sim.clock.set(T0)
      sim.clock.setSpeed(0)
    }
    sim.config.licenceProcessingSeconds = 5
    // Wrong passwords from the fuzzer would otherwise lock A's name and the loopback address.
    sim.db.prepare('DELETE FROM login_throttle').run()
    await restoreTokens()
  }

  /** Sends one request and judges its answer; deliberate faults it set up are undone at once. */
  const sendOne = async (p: Planned): Promise<void> => {
    const req = build(p)
    lastServerError = ''
    let res: FuzzResponse
    // The QA corruption is a deliberate fault (the next read is a 500 by design): what it
    // breaks is put back right after, as the faults are.
    const customers = p.route === 'corrupt settings' ? customerRows() : undefined
    try {
      res = await send(agent, client.port, req, TIMEOUT_MS)
    } finally {
      stats.requests++
      stats.routes[p.route] = (stats.routes[p.route] ?? 0) + 1
      if (p.route === 'faults add') await client.qa('DELETE', '/faults')
      if (customers) putBack(customers)
    }
    stats.byStatus[res.status] = (stats.byStatus[res.status] ?? 0) + 1
    if (res.status >= 500) stats.serverErrors++
    const head = res.body.subarray(0, 300).toString('utf8')
    if (res.status >= 500) throw new Error(`HTTP ${res.status} ${head} (server: ${lastServerError})`)
    const problem = problemOf(routeNamed(p.route).style, req.method, res)
    if (problem !== undefined)
      throw new Error(`${problem}: HTTP ${res.status} ${String(res.headers['content-type'])} ${head}`)
  }

  it(`answers ${RUNS} runs of mutated requests below 500, in each route's style, and leaves other users alone`, async () => {
    expect.hasAssertions()
    let runs = 0
    await fc.assert(
      // A run is one request, or two: the second meets what the first left (a clock moved, a
      // session ended, a licence bought) before the shared state is put back.
      fc.asyncProperty(
        fc.oneof(
          { weight: 3, arbitrary: fc.tuple(planned()) },
          { weight: 1, arbitrary: fc.tuple(planned(), planned()) },
        ),
        async (sequence) => {
          try {
            for (const p of sequence) await sendOne(p)
          } finally {
            await restore()
          }
          runs++
          if (runs % CHECK_EVERY === 0) {
            await stillAnswers()
            dataChecks()
          }
        },
      ),
      { seed: SEED, numRuns: RUNS, endOnFailure: false },
    )
    await stillAnswers()
    dataChecks()
    const results = path.join(__dirname, '..', '..', 'test-results')
    fs.mkdirSync(results, { recursive: true })
    const report = {
      seed: SEED,
      runs: RUNS,
      ...stats,
      routesCovered: Object.keys(stats.routes).length,
      routesTotal: routes.length,
    }
    fs.writeFileSync(path.join(results, 'fuzz.json'), `${JSON.stringify(report, null, 2)}\n`)
    console.log(
      `fuzz: ${stats.requests} requests (seed ${SEED}), ${stats.serverErrors} 5xx, ${report.routesCovered}/${routes.length} routes, statuses ${JSON.stringify(stats.byStatus)}`,
    )
    expect(Object.keys(stats.routes).length).toBe(routes.length)
    expect(stats.requests).toBeGreaterThanOrEqual(RUNS)
  })
})
