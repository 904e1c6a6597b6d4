import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import type { BrowserContext, Locator, Page } from 'playwright-core'
import {
  openTv,
  reloadTv,
  RESULTS,
  ROOT,
  signIn,
  startTestSimulator,
  until,
  type TestSimulator,
  type Tv,
} from './harness'

jest.setTimeout(240_000)

/**
 * The QA console (/qa/) beside the TV page in one Chromium: what QA do with curl today, done
 * with the console's buttons, and seen on the TV. Every wait is on a condition: a row in the
 * console's log, a text on the TV, a value in the simulator's database.
 */

interface Programme {
  id: number
  title: string
  start: number
  end: number
}

describe('the QA console beside the TV', () => {
  let sim: TestSimulator
  let tv: Tv
  let context: BrowserContext
  let page: Page
  const consoleErrors: string[] = []

  const db = <T>(sql: string, ...params: unknown[]): T[] => {
    const conn = new Database(path.join(sim.dir, 'kanal.sqlite'), { readonly: true })
    try {
      return conn.prepare(sql).all(...params) as T[]
    } finally {
      conn.close()
    }
  }
  const simClock = async (): Promise<{ now: number; speed: number }> =>
    (await (await fetch(`${sim.url}qa/clock`)).json()) as { now: number; speed: number }

  /** A console element by its data-qa handle. */
  const q = (name: string): Locator => page.locator(`[data-qa="${name}"]`)
  const attr = (name: string, attribute: string): Promise<string | null> =>
    page.evaluate(
      ([n, a]) => document.querySelector(`[data-qa="${n}"]`)?.getAttribute(a as string) ?? null,
      [name, attribute],
    )
  const waitForAttr = async (
    name: string,
    attribute: string,
    check: (v: string) => boolean,
  ): Promise<string> => {
    let last: string | null = null
    await until(`${name} ${attribute}`, async () => {
      last = await attr(name, attribute)
      return last !== null && check(last)
    })
    return last ?? ''
  }
  const shot = async (name: string, target: Locator | Page): Promise<void> => {
    fs.mkdirSync(RESULTS, { recursive: true })
    await target.screenshot({ path: path.join(RESULTS, `qa-console-${name}.png`) })
  }
  /** Pauses the operator's clock from the console, so that what follows is decided by the test. */
  const pause = async (): Promise<void> => {
    if ((await attr('panel-clock', 'data-speed')) !== '0') await q('clock-pause').click()
    await waitForAttr('panel-clock', 'data-speed', (v) => v === '0')
  }

  const go = async (hash: string): Promise<void> => {
    await tv.page.evaluate((h) => (location.hash = `#${h}`), hash)
    await tv.waitForRoute(hash)
  }
  /** With the e2e settings, opening the recordings screen again is the next poll. */
  const reopenRecordings = async (): Promise<void> => {
    await go('guide')
    await go('recordings')
  }
  /** Waits until the TV's recordings list labels the row `title` with `label`. */
  const waitForRowLabel = async (title: string, label: string): Promise<void> => {
    for (let i = 0; i < 40 && !(await tv.focusPath()).includes('Filters'); i++) await tv.press('up')
    await tv.press('down')
    for (let i = 0; i < 30 && !(await tv.focusedTexts()).includes(title); i++) await tv.press('down')
    await tv.page.waitForFunction(
      ([t, expected]) => {
        const texts = (window as unknown as { __kanal: { screenTexts(): string[] } }).__kanal.screenTexts()
        return texts[texts.indexOf(t as string) - 1] === expected
      },
      [title, label],
      { timeout: 20_000 },
    )
  }
  /** A programme anna has not recorded, whose title is none of her recordings' (so that it is told apart). */
  const unrecorded = (where: string, ...params: unknown[]): Programme => {
    const [p] = db<Programme>(
      `SELECT id, title, start, end FROM programmes WHERE series_id IS NULL
       AND channel_id IN ('ch1', 'ch2', 'ch4', 'ch8')
       AND title NOT IN (SELECT title FROM recordings WHERE user_id = '1001')
       AND ${where}`,
      ...params,
    )
    if (!p) throw new Error(`no programme for ${where}`)
    return p
  }

  /** Adds a recording for anna from the console's "Another device"; resolves with the stamps it moved. */
  const addRecordingFromConsole = async (programmeId: number): Promise<string> => {
    const seq = Number((await attr('ad-result', 'data-seq')) ?? '0')
    await q('ad-programme').fill(String(programmeId))
    await q('ad-add-recording').click()
    await until(
      'the console to answer',
      async () =>
        Number((await attr('ad-result', 'data-seq')) ?? '0') > seq || (await q('ad-error').isVisible()),
    )
    if (await q('ad-error').isVisible())
      throw new Error(`Another device: ${await q('ad-error').textContent()}`)
    return (await attr('ad-result', 'data-moved')) ?? ''
  }

  beforeAll(async () => {
    sim = await startTestSimulator()
    tv = await openTv(sim.url)
    await signIn(tv, 'anna', 'anna')
    context = await tv.browser.newContext({ viewport: { width: 1920, height: 1080 } })
    page = await context.newPage()
    page.on('pageerror', (e) => consoleErrors.push(`pageerror: ${e.message}`))
    page.on('console', (m) => {
      if (m.type() === 'error' && !m.location().url.endsWith('/favicon.ico')) consoleErrors.push(m.text())
    })
    await page.goto(`${sim.url}qa/`)
    await page.waitForFunction(
      () => document.querySelector('[data-qa="events-status"]')?.textContent === 'live',
      undefined,
      { timeout: 15_000 },
    )
    // The first customer is picked: anna.
    await until('anna picked', async () => (await q('user-select').inputValue()) === '1001')
    // The TV's sign-in is in the log that was loaded when the console opened.
    await page.locator('[data-qa="log-row"][data-operation="Login"]').first().waitFor()
  })
  afterAll(async () => {
    await context?.close()
    await tv?.close()
    await sim?.close()
  })

  it('moves the clock: a recording on the TV goes from scheduled to recording now', async () => {
    await pause()
    const now = (await simClock()).now
    // A programme with none of anna's recordings starting in the 15 minutes before it, so that
    // "next recording start" from there finds the one added here.
    const programme = unrecorded(
      `start > ? AND start < ? AND NOT EXISTS (SELECT 1 FROM recordings r WHERE r.user_id = '1001'
       AND r.start BETWEEN programmes.start - 900 AND programmes.start) AND end - start >= 1200
       ORDER BY start LIMIT 1`,
      now + 3600,
      now + 2 * 86400,
    )
    // The jump is typed in the browser's local time, as QA would.
    const local = await page.evaluate((at) => {
      const d = new Date(at * 1000)
      const pad = (n: number): string => String(n).padStart(2, '0')
      // Chromium normalises the value: no seconds when they are zero.
      const seconds = d.getSeconds() ? `:${pad(d.getSeconds())}` : ''
      return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}${seconds}`
    }, programme.start - 900)
    await q('clock-jump-input').fill(local)
    await q('clock-jump').click()
    await until('the jump', async () => (await simClock()).now === programme.start - 900)

    expect(await addRecordingFromConsole(programme.id)).toContain('Recordings')

    // Five minutes before its start: the TV's own clock, which runs on, cannot get there first.
    await q('clock-before').fill('300')
    await q('clock-next-recording').click()
    expect(await waitForAttr('clock-target', 'data-title', (v) => v !== '')).toBe(programme.title)
    expect((await simClock()).now).toBe(programme.start - 300)
    await shot('clock', q('panel-clock'))

    await reopenRecordings()
    await waitForRowLabel(programme.title, 'Scheduled')

    // 600x: five minutes in half a second, watched on the console's clock, then paused there.
    await q('clock-speed-600').click()
    await waitForAttr('clock-now', 'data-now', (v) => Number(v) >= programme.start + 30)
    await pause()
    expect((await simClock()).now).toBeGreaterThan(programme.start)
    expect((await simClock()).now).toBeLessThan(programme.end)

    await reopenRecordings()
    await waitForRowLabel(programme.title, 'Recording now')
    await tv.screenshot('qa-console-tv-recording-now')
  })

  it('injects 503 on GetUserTimestamps: the log shows the box retrying', async () => {
    await q('fault-route').selectOption('/api/GetUserTimestamps')
    await q('fault-kind').selectOption('status')
    await q('fault-status').fill('503')
    await q('fault-add').click()
    await page.locator('[data-qa="fault-item"][data-route="/api/GetUserTimestamps"]').waitFor()

    await q('log-status').selectOption('failed')
    await reopenRecordings()
    // A check the viewer waits on gets one quick retry (within 1 s), then the box waits its
    // period (the retry budget); the log shows the retry live.
    const retries = page.locator(
      '[data-qa="log-row"][data-operation="GetUserTimestamps"][data-reason="retry"][data-status="503"]',
    )
    await until('a retry answered 503', async () => (await retries.count()) >= 1, 30_000)
    // The filter keeps the failures only.
    expect(await page.locator('[data-qa="log-row"][data-status="200"]').count()).toBe(0)
    await shot('faults', q('panel-faults'))
    await shot('log-retries', q('panel-log'))
    // On the last minute of real time, the retry shows beside the check it repeats.
    await q('polls-window').selectOption('60')
    await page.locator('[data-qa="polls-chart"] circle[data-reason="retry"]').first().waitFor()
    await shot('polls-retries', q('panel-polls'))

    await q('fault-clear').click()
    await q('fault-none').waitFor()
    await q('log-status').selectOption('all')
    expect((await (await fetch(`${sim.url}qa/faults`)).json()) as unknown).toEqual({ faults: [] })
  })

  it("shows another device's recording on the TV after the next poll", async () => {
    const now = (await simClock()).now
    const programme = unrecorded('start > ? ORDER BY start DESC LIMIT 1', now + 3 * 86400)
    const stampBefore = await page
      .locator('[data-qa="stamp-row"][data-stamp="Recordings"]')
      .getAttribute('data-value')

    expect(await addRecordingFromConsole(programme.id)).toContain('Recordings')
    // The stamps of the picked user are read again: Recordings has moved.
    await until(
      'the Recordings stamp to move',
      async () =>
        (await page.locator('[data-qa="stamp-row"][data-stamp="Recordings"]').getAttribute('data-value')) !==
        stampBefore,
    )
    await shot('another-device', q('panel-another-device'))

    await reopenRecordings()
    await tv.waitForText(programme.title)
  })

  it('imports an XMLTV file: its report shows, and the new channel is in the TV guide; a broken one changes nothing', async () => {
    const file = path.join(ROOT, 'test', 'fixtures', 'xmltv', 'x1co.com.br.xml')
    const channelsBefore = db<{ n: number }>('SELECT COUNT(*) AS n FROM channels')[0]?.n

    // A truncated copy: an error in the Data panel, nothing written.
    await q('data-file').setInputFiles({
      name: 'broken.xml',
      mimeType: 'application/xml',
      buffer: fs.readFileSync(file).subarray(0, 5000),
    })
    await q('data-import').click()
    await q('data-error').waitFor()
    expect(await q('data-error').textContent()).toMatch(/broken\.xml: .*nothing was imported/i)
    expect(db<{ n: number }>('SELECT COUNT(*) AS n FROM channels')[0]?.n).toBe(channelsBefore)

    await q('data-file').setInputFiles(file)
    await q('data-import').click()
    await q('data-report').waitFor()
    expect(await q('data-report').textContent()).toContain('1 channel, 91 of 91 programmes imported')
    await expect(q('data-error').isHidden()).resolves.toBe(true)
    await shot('data', q('panel-data'))

    const [channel] = db<{ number: number; name: string }>(
      "SELECT number, name FROM channels WHERE xmltv_id = 'nickonline.br'",
    )
    if (!channel) throw new Error('the channel was not imported')
    // The box reads the line-up at start: restarted, it has the new channel.
    await reloadTv(tv, 'guide')
    await tv.page.waitForFunction(
      () => (window as unknown as { __kanalGuide?: { focus(): unknown } }).__kanalGuide?.focus() != null,
      undefined,
      { timeout: 20_000 },
    )
    for (const d of String(channel.number)) await tv.page.keyboard.press(d)
    await tv.page.waitForFunction(
      (want) =>
        (window as unknown as { __kanalGuide: { focus(): { channel: number } | null } }).__kanalGuide.focus()
          ?.channel === want,
      channel.number,
      { timeout: 10_000 },
    )
    await tv.waitForText(channel.name)
    await tv.screenshot('qa-console-tv-imported-channel')
  })

  it('refuses state changes from another origin', async () => {
    const faultsNow = async (): Promise<unknown> =>
      (await (await fetch(`${sim.url}qa/faults`)).json()) as unknown
    // A request that says it comes from another site's page: refused by the simulator.
    const foreign = await fetch(`${sim.url}qa/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'http://evil.example' },
      body: JSON.stringify({ route: '/api/*', kind: 'drop' }),
    })
    expect(foreign.status).toBe(403)
    expect(await faultsNow()).toEqual({ faults: [] })

    // A page on another origin (127.0.0.1 is not localhost) tries it from the browser.
    const other = await context.newPage()
    try {
      await other.goto(`${sim.url.replace('localhost', '127.0.0.1')}settings.json`)
      const outcome = await other.evaluate(async (target) => {
        try {
          const r = await fetch(`${target}qa/faults`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ route: '/api/*', kind: 'drop' }),
          })
          return `answered ${r.status}`
        } catch {
          return 'blocked'
        }
      }, sim.url)
      expect(outcome).not.toBe('answered 201')
    } finally {
      await other.close()
    }
    expect(await faultsNow()).toEqual({ faults: [] })
  })

  it('has every panel readable at 1920x1080', async () => {
    await q('log-status').selectOption('all')
    for (const name of ['sessions', 'polls', 'log']) await shot(name, q(`panel-${name}`))
    // A fault that nothing meets now, so that the full page shows one in the list.
    await q('fault-route').selectOption('/api/GetGuide')
    await q('fault-kind').selectOption('latency')
    await q('fault-latency').fill('800')
    await q('fault-rate').fill('0.5')
    await q('fault-count').fill('5')
    await q('fault-add').click()
    await page.locator('[data-qa="fault-item"][data-route="/api/GetGuide"]').waitFor()
    await shot('full', page)
    await q('fault-clear').click()
    await q('fault-none').waitFor()
    expect(await q('session-row').count()).toBeGreaterThan(0)
    // The broken file's upload is refused with a 400, which Chromium reports as a failed load.
    expect(consoleErrors.filter((e) => !/status of 400/.test(e))).toEqual([])
    expect(tv.errors.filter((e) => !/Failed to load resource/.test(e))).toEqual([])
  })
})
