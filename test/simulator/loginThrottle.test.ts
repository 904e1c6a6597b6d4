import fs from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import { startClient, type Client } from './harness'

interface Envelope {
  StatusCode: number
  StatusMessage: string
  Content: { LockedUntil?: number; token?: string } | null
}

/**
 * A Login sent from a chosen loopback address (127.0.0.x all reach the simulator on Linux), so
 * that each test has its own client address and the address count of one does not touch another.
 */
const loginFrom = (client: Client, address: string, username: string, password: string): Promise<Envelope> =>
  new Promise((resolve, reject) => {
    const body = JSON.stringify({ username, password, deviceId: `${username}-throttle` })
    const req = http.request(
      {
        host: '127.0.0.1',
        port: client.port,
        path: '/api/Login',
        method: 'POST',
        localAddress: address,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        let text = ''
        res.setEncoding('utf8')
        res.on('data', (chunk: string) => (text += chunk))
        res.on('end', () => resolve(JSON.parse(text) as Envelope))
      },
    )
    req.on('error', reject)
    req.end(body)
  })

const wrongTimes = async (
  client: Client,
  address: string,
  username: string,
  n: number,
): Promise<Envelope[]> => {
  const out: Envelope[] = []
  for (let i = 0; i < n; i++) out.push(await loginFrom(client, address, username, `wrong-${i}`))
  return out
}

describe('Login throttling: wrong passwords slow down, then lock the name or the address', () => {
  let client: Client
  const now = async (): Promise<number> => (await client.qa<{ now: number }>('GET', '/clock')).now

  beforeAll(async () => {
    client = await startClient()
  })
  afterAll(async () => client.sim.close())

  it('locks after five wrong passwords: the right one is refused with the lock and its time, then works once it passes', async () => {
    const at = await now()
    const started = Date.now()
    const answers = await wrongTimes(client, '127.0.0.2', 'anna', 5)
    expect(answers.slice(0, 4).map((a) => a.StatusCode)).toEqual([30, 30, 30, 30])
    // The third and fourth were answered late (250 ms, 500 ms): a guessing loop slows down.
    expect(Date.now() - started).toBeGreaterThanOrEqual(700)
    expect(answers[4]).toMatchObject({ StatusCode: 47, Content: { LockedUntil: at + 30 } })

    const right = await loginFrom(client, '127.0.0.2', 'anna', 'anna')
    expect(right).toMatchObject({ StatusCode: 47, Content: { LockedUntil: at + 30 } })
    expect(right.Content?.token).toBeUndefined()
    // From another address too: the name is locked, not only the address.
    expect((await loginFrom(client, '127.0.0.3', 'anna', 'anna')).StatusCode).toBe(47)

    await client.advance(29)
    expect((await loginFrom(client, '127.0.0.2', 'anna', 'anna')).StatusCode).toBe(47)
    await client.advance(1)
    const after = await loginFrom(client, '127.0.0.2', 'anna', 'anna')
    expect(after.StatusCode).toBe(0)
    expect(typeof after.Content?.token).toBe('string')
  })

  it('doubles the lock each time: 30 s, 60 s, 120 s', async () => {
    const locks: number[] = []
    for (let round = 0; round < 3; round++) {
      const at = await now()
      const answers = await wrongTimes(client, '127.0.0.4', 'ben', 5)
      const until = answers[4]?.Content?.LockedUntil
      expect(typeof until).toBe('number')
      locks.push((until ?? 0) - at)
      expect((await loginFrom(client, '127.0.0.4', 'ben', 'ben')).StatusCode).toBe(47)
      await client.advance((until ?? 0) - at)
    }
    expect(locks).toEqual([30, 60, 120])
    expect((await loginFrom(client, '127.0.0.4', 'ben', 'ben')).StatusCode).toBe(0)
  })

  it('a right password starts the count over', async () => {
    await wrongTimes(client, '127.0.0.5', 'dora', 4)
    expect((await loginFrom(client, '127.0.0.5', 'dora', 'dora')).StatusCode).toBe(0)
    const again = await wrongTimes(client, '127.0.0.5', 'dora', 4)
    expect(again.map((a) => a.StatusCode)).toEqual([30, 30, 30, 30])
    expect((await loginFrom(client, '127.0.0.5', 'dora', 'dora')).StatusCode).toBe(0)
  })

  it("one user's lock does not block another user, from another address or the same one", async () => {
    const answers = await wrongTimes(client, '127.0.0.6', 'carl', 5)
    expect(answers[4]?.StatusCode).toBe(47)
    expect((await loginFrom(client, '127.0.0.6', 'carl', 'carl')).StatusCode).toBe(47)
    expect((await loginFrom(client, '127.0.0.7', 'reseller', 'reseller')).StatusCode).toBe(0)
    expect((await loginFrom(client, '127.0.0.6', 'admin', 'admin')).StatusCode).toBe(0)
  })

  it('locks an address that tries many names, whatever names exist, and only that address', async () => {
    const at = await now()
    const answers: Envelope[] = []
    // Two tries each on ten names: no name reaches its own limit; the address reaches 20.
    for (let i = 0; i < 20; i++) answers.push(await loginFrom(client, '127.0.0.8', `guess${i % 10}`, 'x'))
    expect(answers.slice(0, 19).every((a) => a.StatusCode === 30)).toBe(true)
    expect(answers[19]).toMatchObject({ StatusCode: 47, Content: { LockedUntil: at + 30 } })
    expect((await loginFrom(client, '127.0.0.8', 'reseller', 'reseller')).StatusCode).toBe(47)
    expect((await loginFrom(client, '127.0.0.9', 'reseller', 'reseller')).StatusCode).toBe(0)
  })
})

describe('Login throttling across a restart', () => {
  it('keeps a lock: restarting the simulator does not lift it', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kanal-throttle-'))
    const dbPath = path.join(dir, 'kanal.sqlite')
    try {
      const first = await startClient({ dbPath })
      const answers = await wrongTimes(first, '127.0.0.10', 'anna', 5)
      expect(answers[4]?.StatusCode).toBe(47)
      await first.sim.close()
      const second = await startClient({ dbPath })
      try {
        expect(await loginFrom(second, '127.0.0.10', 'anna', 'anna')).toMatchObject({
          StatusCode: 47,
          Content: { LockedUntil: answers[4]?.Content?.LockedUntil },
        })
      } finally {
        await second.sim.close()
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })
})
