import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import { T0 } from './harness'

/**
 * A `kill -9` of the simulator in the middle of a stream of writes loses no write it had
 * acknowledged: each SetResume answered OK is there after a restart on the same database, and
 * the database passes its integrity check. (WAL with synchronous=NORMAL: see db/connection.ts.)
 */

jest.setTimeout(90_000)

const ROOT = path.resolve(__dirname, '..', '..')
const WRITERS = 8
/** Acknowledged writes to wait for before the kill: the kill lands with WRITERS more in flight. */
const KILL_AFTER = 200

interface Running {
  child: ChildProcess
  url: string
  exited: Promise<NodeJS.Signals | number | null>
}

/** Starts `simulator/src/main.ts` as its own process (one process: no tsx wrapper to outlive). */
const start = (dir: string): Promise<Running> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join('simulator', 'src', 'main.ts')], {
      cwd: ROOT,
      env: {
        ...process.env,
        PORT: '0',
        HOST: '127.0.0.1',
        KANAL_DB: path.join(dir, 'kanal.sqlite'),
        KANAL_APP_DIR: dir,
        KANAL_SCENARIO: 'demo',
        // The same frozen clock on both starts: the guide still covers "today", so the restart
        // does not seed again.
        KANAL_CLOCK_START: String(T0),
        KANAL_CLOCK_SPEED: '0',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    const exited = new Promise<NodeJS.Signals | number | null>((done) =>
      child.once('exit', (code, signal) => done(signal ?? code)),
    )
    let out = ''
    let err = ''
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`the simulator did not start within 45 s: ${out} ${err}`))
    }, 45_000)
    child.stderr?.on('data', (c: Buffer) => {
      err += c.toString()
    })
    child.stdout?.on('data', (c: Buffer) => {
      out += c.toString()
      const m = /Open (http:\/\/\S+?)\/?\s/.exec(out)
      if (m?.[1]) {
        clearTimeout(timer)
        resolve({ child, url: m[1].replace('localhost', '127.0.0.1'), exited })
      }
    })
    child.once('exit', (code, signal) => {
      clearTimeout(timer)
      reject(new Error(`the simulator exited (${signal ?? code}) before it listened: ${out} ${err}`))
    })
  })

const call = async (
  url: string,
  method: string,
  body: unknown,
  token?: string,
): Promise<Record<string, unknown>> => {
  const res = await fetch(`${url}/api/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  })
  return (await res.json()) as Record<string, unknown>
}

const login = async (url: string, username: string): Promise<string> => {
  const out = await call(url, 'Login', { username, password: username, deviceId: `${username}-durability` })
  if (out.StatusCode !== 0) throw new Error(`Login ${username}: ${JSON.stringify(out)}`)
  return (out.Content as { token: string }).token
}

describe('durability: kill -9 during a stream of writes', () => {
  let dir: string
  const children: ChildProcess[] = []

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kanal-durability-'))
  })
  afterAll(() => {
    for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL')
    fs.rmSync(dir, { recursive: true, force: true })
  })

  it('keeps every acknowledged write, and the database is intact', async () => {
    const first = await start(dir)
    children.push(first.child)
    const tokens = { anna: await login(first.url, 'anna'), ben: await login(first.url, 'ben') }

    /** ContentID -> Position of each SetResume the simulator answered OK. */
    const acknowledged = new Map<string, { user: 'anna' | 'ben'; position: number }>()
    let sent = 0
    let killed = false
    let reachedKill: () => void = () => undefined
    const killPoint = new Promise<void>((resolve) => {
      reachedKill = resolve
    })

    const writer = async (w: number): Promise<void> => {
      for (let n = 0; !killed; n++) {
        const user = w % 2 === 0 ? 'anna' : 'ben'
        const contentId = `durability-${w}-${n}`
        const position = (w * 1000 + n) % 7200
        sent++
        try {
          const out = await call(
            first.url,
            'SetResume',
            { ContentID: contentId, Position: position },
            tokens[user],
          )
          if (out.StatusCode !== 0) throw new Error(`SetResume: ${JSON.stringify(out)}`)
          acknowledged.set(contentId, { user, position })
          if (acknowledged.size >= KILL_AFTER) reachedKill()
        } catch (e) {
          // After the kill a write fails (refused, reset): it was never acknowledged.
          if (killed) return
          throw e
        }
      }
    }
    const writers = Array.from({ length: WRITERS }, (_, w) => writer(w))
    await Promise.race([killPoint, Promise.all(writers)])
    killed = true
    first.child.kill('SIGKILL')
    expect(await first.exited).toBe('SIGKILL')
    await Promise.all(writers)
    const acked = acknowledged.size
    expect(acked).toBeGreaterThanOrEqual(KILL_AFTER)

    const second = await start(dir)
    children.push(second.child)
    try {
      const found = new Map<string, number>()
      for (const user of ['anna', 'ben'] as const) {
        // The sessions were written too: the tokens from before the kill still sign in.
        const out = await call(second.url, 'GetResumes', {}, tokens[user])
        expect(out.StatusCode).toBe(0)
        for (const r of out.Content as { ContentID: string; Position: number }[])
          found.set(r.ContentID, r.Position)
      }
      const lost = [...acknowledged]
        .filter(([id, { position }]) => found.get(id) !== position)
        .map(([id]) => id)
      const db = new Database(path.join(dir, 'kanal.sqlite'), { readonly: true })
      try {
        expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
      } finally {
        db.close()
      }
      const ours = [...found.keys()].filter((id) => id.startsWith('durability-'))
      const inDb = ours.filter((id) => acknowledged.has(id)).length
      console.log(
        `durability: ${sent} writes sent, ${acked} acknowledged before kill -9, ${inDb} of them found after the restart (${ours.length - inDb} more found that were in flight, unacknowledged)`,
      )
      expect(lost).toEqual([])
    } finally {
      second.child.kill('SIGTERM')
      await second.exited
    }
  })
})
