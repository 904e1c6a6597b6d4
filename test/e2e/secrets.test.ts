import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process'
import fs from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import { hashSecret, verifySecret } from '../../simulator/src/model/secrets'
import { E2E_APP_SETTINGS, openTv, ROOT, signIn, type Tv } from './harness'

jest.setTimeout(120_000)

/**
 * Secrets stay where they belong. A known, greppable password and PIN are seeded for anna; the
 * viewer signs in (typing the password on the on-screen keyboard), buys with the PIN and changes
 * the PIN. Then the browser console, the simulator's request log (KANAL_LOG_REQUESTS=1, its own
 * process) and QA request log, every request URL, localStorage, every IndexedDB entry and every
 * text the page drew are searched: the password and both PINs appear nowhere, the session token
 * only in its one storage entry. A page on another origin cannot reset the operator.
 */
const PASSWORD = 'vq9.zk_'
const PIN = '8053'
const NEW_PIN = '6917'

interface Started {
  child: ChildProcessWithoutNullStreams
  url: string
  output: () => string
}

const startLoggingSimulator = (dbPath: string): Promise<Started> =>
  new Promise((resolve, reject) => {
    const child = spawn(
      path.join(ROOT, 'node_modules', '.bin', 'tsx'),
      ['test/e2e/secrets/loggingSimulator.ts'],
      {
        cwd: ROOT,
        env: {
          ...process.env,
          PORT: '0',
          KANAL_DB: dbPath,
          KANAL_LOG_REQUESTS: '1',
          KANAL_TEST_SETTINGS: JSON.stringify({ appSettings: E2E_APP_SETTINGS }),
        },
      },
    )
    let out = ''
    const timer = setTimeout(() => reject(new Error(`no URL within 60 s:\n${out}`)), 60_000)
    const onData = (chunk: Buffer): void => {
      out += chunk.toString()
      const match = /listening at (http:\/\/\S+\/)/.exec(out)
      if (match?.[1]) {
        clearTimeout(timer)
        resolve({ child, url: match[1], output: () => out })
      }
    }
    child.stdout.on('data', onData)
    child.stderr.on('data', onData)
    child.on('exit', (code) => reject(new Error(`exited with ${code}:\n${out}`)))
  })

/** Every IndexedDB entry of the page as "db/store/key: value" lines. */
const dumpIndexedDb = (tv: Tv): Promise<string[]> =>
  tv.page.evaluate(async () => {
    const out: string[] = []
    for (const info of await indexedDB.databases()) {
      if (!info.name) continue
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open(info.name as string)
        open.onsuccess = () => resolve(open.result)
        open.onerror = () => reject(open.error)
      })
      for (const storeName of Array.from(db.objectStoreNames)) {
        const entries = await new Promise<[IDBValidKey, unknown][]>((resolve, reject) => {
          const store = db.transaction(storeName, 'readonly').objectStore(storeName)
          const keys = store.getAllKeys()
          const values = store.getAll()
          values.onsuccess = () => resolve(keys.result.map((k, i) => [k, values.result[i]]))
          values.onerror = () => reject(values.error)
        })
        for (const [key, value] of entries)
          out.push(`${info.name}/${storeName}/${String(key)}: ${JSON.stringify(value)}`)
      }
      db.close()
    }
    return out
  })

/** A PIN as a value of its own: four digits not inside a longer number (a time stamp, an id). */
const pinPattern = (pin: string): RegExp => new RegExp(`(?<!\\d)${pin}(?!\\d)`)

describe('secrets', () => {
  let dir: string
  let sim: Started
  let tv: Tv | undefined
  let other: http.Server | undefined
  const consoleLines: string[] = []
  const urls: string[] = []
  const db = (): Database.Database => new Database(path.join(dir, 'kanal.sqlite'))

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kanal-secrets-'))
    sim = await startLoggingSimulator(path.join(dir, 'kanal.sqlite'))
    const conn = db()
    conn
      .prepare("UPDATE users SET password_hash = ?, pin_hash = ? WHERE username = 'anna'")
      .run(hashSecret(PASSWORD), hashSecret(PIN))
    conn.close()
  })
  afterAll(async () => {
    await tv?.close()
    await new Promise<void>((resolve) => (other ? other.close(() => resolve()) : resolve()))
    const exited = new Promise((resolve) => sim.child.on('exit', resolve))
    sim.child.kill('SIGTERM')
    await exited
    fs.rmSync(dir, { recursive: true, force: true })
  })

  it('never shows the password or PIN anywhere, and the token only in its storage entry', async () => {
    tv = await openTv(sim.url)
    const page = tv.page
    page.on('console', (m) => consoleLines.push(m.text()))
    page.on('request', (r) => urls.push(r.url()))
    // Every text the app draws, sampled from the first frame on (a PIN digit shown for a moment counts).
    await page.evaluate(() => {
      const seen = new Set<string>()
      ;(window as unknown as { __seenTexts: Set<string> }).__seenTexts = seen
      setInterval(() => {
        const k = (window as unknown as { __kanal?: { screenTexts(): string[]; toast(): string } }).__kanal
        if (!k) return
        for (const s of k.screenTexts()) seen.add(s)
        seen.add(k.toast())
      }, 60)
    })
    const key = async (k: string): Promise<void> => {
      await page.keyboard.press(k)
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))))
    }
    const type = async (digits: string): Promise<void> => {
      for (const d of digits) await key(d)
    }
    const go = async (hash: string): Promise<void> => {
      await page.evaluate((h) => (location.hash = `#${h}`), hash)
      await tv!.waitForRoute(hash)
    }
    const waitForSaid = (text: string): Promise<unknown> =>
      page.waitForFunction(
        (t) => {
          const k = (window as unknown as { __kanal: { screenTexts(): string[]; toast(): string } }).__kanal
          return k.screenTexts().includes(t) || k.toast().includes(t)
        },
        text,
        { timeout: 20_000 },
      )

    // Sign-in, typing the password with the remote.
    await signIn(tv, 'anna', PASSWORD)
    await waitForSaid('Signed in as Anna Berg')

    // A purchase with the PIN.
    await go('store/product/5')
    await tv.waitForText('Kids pack')
    await page.waitForFunction(() =>
      (window as unknown as { __kanal: { focusedTexts(): string[] } }).__kanal.focusedTexts().includes('Buy'),
    )
    await tv.press('ok')
    await tv.waitForText('Enter your purchase PIN')
    await type(PIN)
    await tv.waitForText('It is yours')
    await tv.press('ok')

    // The PIN changed from the account's preferences.
    await go('account')
    await tv.waitForText('Preferences')
    await tv.press('right', 'right', 'right', 'right', 'down')
    for (let i = 0; i < 8 && !(await tv.focusedTexts()).includes('Parental and purchase PIN'); i++)
      await tv.press('down')
    expect(await tv.focusedTexts()).toContain('Parental and purchase PIN')
    await tv.press('ok')
    await tv.waitForText('Change PIN: current PIN')
    await type(PIN)
    await tv.waitForText('Change PIN: new PIN')
    await type(NEW_PIN)
    await tv.waitForText('Change PIN: once more')
    await type(NEW_PIN)
    await waitForSaid('Your PIN was changed.')
    await tv.quiet()
    const conn = db()
    const anna = conn.prepare("SELECT pin_hash FROM users WHERE username = 'anna'").get() as {
      pin_hash: string
    }
    conn.close()
    expect(verifySecret(NEW_PIN, anna.pin_hash)).toBe(true)

    // Everything the walk left behind.
    const idb = await dumpIndexedDb(tv)
    const local = await page.evaluate(() => JSON.stringify({ ...localStorage }))
    const texts = await page.evaluate(() => [
      ...(window as unknown as { __seenTexts: Set<string> }).__seenTexts,
    ])
    const qaLog = await (await fetch(`${sim.url}qa/requests`)).text()
    const simLog = sim.output()
    const session = idb.find((e) => e.startsWith('kanal/cache/session: '))
    const token = (JSON.parse(session?.slice('kanal/cache/session: '.length) ?? '{}') as { token?: string })
      .token
    expect(token).toMatch(/^\S{16,}$/)
    // The walk did reach the places searched.
    expect(simLog).toContain('/api/Login')
    expect(simLog).toContain('/api/ChangePin')
    expect(urls.some((u) => u.endsWith('/api/Purchase'))).toBe(true)
    expect(texts).toContain('Kids pack')
    expect(idb.length).toBeGreaterThan(3)

    const places: Record<string, string> = {
      console: consoleLines.join('\n'),
      'simulator request log': simLog,
      'QA request log': qaLog,
      'request URLs': urls.join('\n'),
      localStorage: local,
      IndexedDB: idb.join('\n'),
      'page text': texts.join('\n'),
    }
    const leaks: string[] = []
    for (const [where, text] of Object.entries(places)) {
      if (text.includes(PASSWORD)) leaks.push(`password in ${where}`)
      if (pinPattern(PIN).test(text)) leaks.push(`PIN in ${where}`)
      if (pinPattern(NEW_PIN).test(text)) leaks.push(`new PIN in ${where}`)
      const tokenIn = where === 'IndexedDB' ? idb.filter((e) => e.includes(token as string)).length : 0
      if (where !== 'IndexedDB' && text.includes(token as string)) leaks.push(`token in ${where}`)
      if (where === 'IndexedDB' && tokenIn !== 1) leaks.push(`token in ${tokenIn} IndexedDB entries`)
    }
    expect(leaks).toEqual([])
  })

  it('refuses a reset of the operator from a web page on another origin', async () => {
    const page = `<!doctype html><title>elsewhere</title><p>another site</p>`
    other = http.createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(page))
    await new Promise<void>((resolve) => other!.listen(0, '127.0.0.1', resolve))
    const address = other.address()
    if (address === null || typeof address === 'string') throw new Error('no port')
    const elsewhere = await tv!.page.context().newPage()
    await elsewhere.goto(`http://127.0.0.1:${address.port}/`)
    const before = db()
    const hash = (
      before.prepare("SELECT password_hash FROM users WHERE username = 'anna'").get() as {
        password_hash: string
      }
    ).password_hash
    const licences = (
      before.prepare("SELECT COUNT(*) AS n FROM licences WHERE source = 'purchase'").get() as {
        n: number
      }
    ).n
    before.close()
    expect(licences).toBeGreaterThan(0)

    // A "simple" request (no preflight), as any page's script or form may send.
    const outcome = await elsewhere.evaluate(async (target) => {
      try {
        const r = await fetch(target, {
          method: 'POST',
          headers: { 'content-type': 'text/plain' },
          body: JSON.stringify({ scenario: 'empty' }),
        })
        return `status ${r.status}`
      } catch (e) {
        return `blocked: ${String(e)}`
      }
    }, `${sim.url}qa/reset`)
    // The browser hides the answer from the page (no CORS); what counts is that nothing was reset.
    expect(outcome).toMatch(/^(blocked|status 403)/)
    // The same request with the headers that page's browser sent is refused by the simulator.
    const direct = await fetch(`${sim.url}qa/reset`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        origin: `http://127.0.0.1:${address.port}`,
        'sec-fetch-site': 'same-site',
      },
      body: JSON.stringify({ scenario: 'empty' }),
    })
    expect(direct.status).toBe(403)
    const after = db()
    const hashAfter = (
      after.prepare("SELECT password_hash FROM users WHERE username = 'anna'").get() as {
        password_hash: string
      }
    ).password_hash
    const licencesAfter = (
      after.prepare("SELECT COUNT(*) AS n FROM licences WHERE source = 'purchase'").get() as {
        n: number
      }
    ).n
    after.close()
    expect(hashAfter).toBe(hash)
    expect(licencesAfter).toBe(licences)
    await elsewhere.close()
  })
})
