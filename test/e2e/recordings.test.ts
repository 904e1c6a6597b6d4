import path from 'node:path'
import Database from 'better-sqlite3'
import {
  apiCalls,
  clearApiCalls,
  keepAppFiles,
  openTv,
  qa,
  reloadTv,
  signIn,
  startRestartableSimulator,
  RestartableSimulator,
  Tv,
  until,
  waitForCall as waitForCallOn,
} from './harness'

jest.setTimeout(240_000)

/**
 * The recordings screen against the simulator, driven by the remote keys.
 *
 * Polling is >= 300 s with jitter, so these tests never wait for a scheduled poll. The next
 * check is triggered the way a viewer does: opening the screen calls check('recordings-opened'),
 * which asks GetUserTimestamps at once. The e2e settings turn off the poller's collapse window
 * (pollCollapseSeconds 0), so `reopen` is "the next poll", deterministically and at once.
 */

interface Row {
  id: number
  title: string
  start: number
  end: number
}

describe('the recordings screen in Chromium', () => {
  let sim: RestartableSimulator
  let tv: Tv | undefined
  beforeAll(async () => {
    sim = await startRestartableSimulator()
  })
  afterAll(async () => {
    await sim.close()
  })
  afterEach(async () => {
    if (tv)
      expect(tv.errors.filter((e) => !/Failed to load resource|ERR_CONNECTION_REFUSED/.test(e))).toEqual([])
    await tv?.close()
    tv = undefined
    // A test that stopped the operator and failed must not leave it stopped for the next one.
    await sim.start()
    // Nor the operator's clock stopped.
    await qa(sim.url, 'clock', { speed: 1 })
  })

  const db = <T>(sql: string, ...params: unknown[]): T[] => {
    const conn = new Database(path.join(sim.dir, 'kanal.sqlite'), { readonly: true })
    try {
      return conn.prepare(sql).all(...params) as T[]
    } finally {
      conn.close()
    }
  }
  const recordingsOf = (userId: string): Row[] =>
    db<Row>('SELECT id, title, start, end FROM recordings WHERE user_id = ? ORDER BY start', userId)
  const simNow = async (): Promise<number> =>
    ((await (await fetch(`${sim.url}qa/clock`)).json()) as { now: number }).now

  const go = async (t: Tv, hash: string): Promise<void> => {
    await t.page.evaluate((h) => (location.hash = `#${h}`), hash)
    await t.waitForRoute(hash)
  }
  /** Opens the recordings screen from elsewhere: the next check of the stamps. */
  const reopen = async (t: Tv): Promise<void> => {
    await go(t, 'guide')
    await go(t, 'recordings')
  }
  const waitForCall = (name: string): Promise<void> => waitForCallOn(sim.url, name)
  /** The recordings the box has cached for `userKey` (localforage's IndexedDB "kanal"/"cache"). */
  const cachedRecordingIds = (t: Tv, userKey: string): Promise<string[] | undefined> =>
    t.page.evaluate(
      (key) =>
        new Promise<string[] | undefined>((resolve, reject) => {
          const open = indexedDB.open('kanal')
          open.onerror = () => reject(open.error)
          open.onsuccess = () => {
            const db = open.result
            const get = db.transaction('cache', 'readonly').objectStore('cache').get(key)
            get.onerror = () => reject(get.error)
            get.onsuccess = () => {
              const entry = get.result as { data?: { recordings?: { id: string }[] } } | undefined
              db.close()
              resolve(entry?.data?.recordings?.map((r) => r.id))
            }
          }
        }),
      `${userKey}:recordings`,
    )
  const waitForNoText = async (t: Tv, text: string): Promise<void> => {
    await t.page.waitForFunction(
      (s) =>
        !(window as unknown as { __kanal: { screenTexts(): string[] } }).__kanal.screenTexts().includes(s),
      text,
      { timeout: 15000 },
    )
  }
  const waitForToast = async (t: Tv, part: string): Promise<string> => {
    await t.page.waitForFunction(
      (s) => (window as unknown as { __kanal: { toast(): string } }).__kanal.toast().includes(s),
      part,
      { timeout: 15000 },
    )
    return t.toast()
  }
  /** Moves the focus down the list until the focused row shows `title`. */
  const focusRow = async (t: Tv, title: string): Promise<void> => {
    // From the top of the list: Up until the filter bar has the focus, then Down onto row 1.
    for (let i = 0; i < 40 && !(await t.focusPath()).includes('Filters'); i++) await t.press('up')
    await t.press('down')
    for (let i = 0; i < 30; i++) {
      if ((await t.focusedTexts()).includes(title)) return
      await t.press('down')
    }
    throw new Error(`no row ${title}; focused: ${(await t.focusedTexts()).join(' | ')}`)
  }
  const chooseAction = async (t: Tv, label: string): Promise<void> => {
    await t.press('ok')
    for (let i = 0; i < 8; i++) {
      if ((await t.focusedTexts()).includes(label)) {
        await t.press('ok')
        return
      }
      await t.press('down')
    }
    throw new Error(`no action ${label}`)
  }
  const openAsAnna = async (): Promise<Tv> => {
    const t = await openTv(sim.url)
    await keepAppFiles(t)
    // Loaded again, so that the box keeps its copy of the app's files.
    await reloadTv(t)
    await signIn(t, 'anna', 'anna')
    await go(t, 'recordings')
    await t.page.waitForFunction(
      () =>
        (window as unknown as { __kanal: { screenTexts(): string[] } }).__kanal
          .screenTexts()
          .some((s) => /^All \(\d+\)$/.test(s)),
      undefined,
      { timeout: 20_000 },
    )
    return t
  }
  const CHIPS = ['All', 'Scheduled', 'Recording now', 'Recorded', 'Sort']
  /** Up to the filter bar, then Left/Right to the chip that starts with `label`, and OK. */
  const selectFilter = async (t: Tv, label: string): Promise<void> => {
    // Up walks the list to its top, then leaves it for the filter bar.
    for (let i = 0; i < 40 && !(await t.focusPath()).includes('Filters'); i++) await t.press('up')
    const focused = (await t.focusedTexts())[0] ?? ''
    const from = CHIPS.findIndex((c) => focused.startsWith(c))
    const to = CHIPS.indexOf(label)
    if (from < 0 || to < 0) throw new Error(`filter bar not focused (${focused})`)
    for (let i = from; i < to; i++) await t.press('right')
    for (let i = from; i > to; i--) await t.press('left')
    await t.press('ok')
  }
  /** The number in "All (n)". */
  const allCount = async (t: Tv): Promise<number> => {
    const all = (await t.screenTexts()).find((s) => /^All \(\d+\)$/.test(s))
    return Number(all?.slice(5, -1))
  }

  it('asks to sign in when nobody is signed in', async () => {
    tv = await openTv(sim.url, 'recordings')
    await tv.waitForText('Sign in to see your recordings')
    expect(await tv.focusedTexts()).toEqual(['Sign in'])
    await tv.screenshot('recordings-signed-out')
    await tv.press('ok')
    await tv.waitForRoute('signin')
  })

  it('shows each filter, the sort and an opened series; a second opening under the same stamp fetches nothing', async () => {
    // The demo's recordings sit around the time the simulator started, and a recording that
    // starts or ends moves the Recordings stamp (document 000): with the clock running, one
    // ending during this test would rightly make the second opening fetch. The operator's clock
    // is held in the middle of the demo's ongoing recording, so every state has a recording
    // and the stamp only moves if something else moves it.
    const now = await simNow()
    const [ongoing] = db<Row>(
      `SELECT id, title, start, end FROM recordings WHERE user_id = '1001' AND series_id IS NULL
       AND failed = 0 ORDER BY MAX(start - ?, ? - end, 0), start DESC LIMIT 1`,
      now,
      now,
    )
    if (!ongoing) throw new Error('no demo recording outside a series')
    await qa(sim.url, 'clock', { set: Math.floor((ongoing.start + ongoing.end) / 2), speed: 0 })
    tv = await openAsAnna()
    const texts = await tv.screenTexts()
    // The demo's recordings sit around the real time, so how many are in each state depends on
    // the hour: each filter counts some, and together they count them all.
    const count = (label: string): number => {
      const m = texts.map((s) => new RegExp(`^${label} \\((\\d+)\\)$`).exec(s)).find((x) => x !== null)
      return m ? Number(m[1]) : -1
    }
    const [all, nScheduled, nOngoing, nRecorded] = ['All', 'Scheduled', 'Recording now', 'Recorded'].map(
      count,
    )
    for (const n of [nScheduled, nOngoing, nRecorded]) expect(n).toBeGreaterThan(0)
    expect(nScheduled! + nOngoing! + nRecorded!).toBe(all)
    expect(texts).toContain('Sort: date')
    expect(texts.some((s) => /^Updated at \d\d:\d\d$/.test(s))).toBe(true)
    expect(texts.some((s) => s.startsWith('Deleted automatically on '))).toBe(true)
    expect(texts).toContain('● Protected')
    await tv.screenshot('recordings-filter-all')

    for (const [label, file] of [
      ['Scheduled', 'recordings-filter-scheduled'],
      ['Recording now', 'recordings-filter-ongoing'],
      ['Recorded', 'recordings-filter-recorded'],
    ] as const) {
      await selectFilter(tv, label)
      await tv.screenshot(file)
    }
    const recorded = await tv.screenTexts()
    expect(recorded).not.toContain('Scheduled')
    expect(recorded).toContain('Recorded')
    // A resume point shows as progress on the recording it belongs to.
    expect(recorded.some((s) => /% watched$/.test(s))).toBe(true)

    await selectFilter(tv, 'All')
    await tv.press('right', 'right', 'right', 'right', 'ok')
    await tv.waitForText('Sort: title')
    await tv.screenshot('recordings-sort-title')
    await tv.press('ok')
    await tv.waitForText('Sort: date')

    await tv.press('down')
    await focusRow(tv, 'Kingdom of Salt  ›')
    await tv.press('ok')
    await tv.waitForText('Recordings › Kingdom of Salt')
    expect(await tv.screenTexts()).toContain('Cancel series')
    await tv.screenshot('recordings-series-open')
    await tv.press('back')
    await tv.waitForText('Recordings')
    await tv.waitForText('Sort: date')

    // Same stamp: opening again asks for the stamps and fetches no recordings.
    await clearApiCalls(sim.url)
    await reopen(tv)
    await waitForCall('GetUserTimestamps')
    // The stamps are answered and nothing follows them.
    await tv.quiet()
    expect(await apiCalls(sim.url)).not.toContain('GetRecordings')
  })

  it('shows a recording added by another device after the next poll, and not before', async () => {
    tv = await openAsAnna()
    const now = await simNow()
    const [programme] = db<Row>(
      `SELECT id, title, start, end FROM programmes WHERE channel_id = 'ch2' AND start > ?
       AND id NOT IN (SELECT CAST(programme_id AS INTEGER) FROM recordings) ORDER BY start DESC LIMIT 1`,
      now + 3 * 86400,
    )
    if (!programme) throw new Error('no programme to record')
    await clearApiCalls(sim.url)
    await qa(sim.url, 'another-device', {
      userId: 'anna',
      action: 'addRecording',
      programmeId: String(programme.id),
    })
    // No check is due (polls are >= 300 s): the box asks nothing and shows nothing new.
    await tv.quiet()
    expect(await tv.screenTexts()).not.toContain(programme.title)
    expect(await apiCalls(sim.url)).not.toContain('GetRecordings')

    await reopen(tv)
    await waitForCall('GetRecordings')
    // Newest first: the programme furthest ahead is the first row.
    await tv.waitForText(programme.title)
    expect(await allCount(tv)).toBe(16)
  })

  it('protects, deletes and cancels, refuses to delete a protected one, and all of it survives a restart', async () => {
    tv = await openAsAnna()
    const count = await allCount(tv)
    const now = await simNow()
    const rows = recordingsOf('1001')
    const finished = db<Row & { protected: number }>(
      'SELECT id, title, start, end, protected FROM recordings WHERE user_id = ? AND end < ? AND failed = 0 ORDER BY start DESC',
      '1001',
      now,
    )
    const toProtect = finished.find((r) => r.protected === 0 && !r.title.includes('Kingdom'))
    const toDelete = finished.find(
      (r) => r.protected === 0 && r !== toProtect && !r.title.includes('Kingdom'),
    )
    const toCancel = rows.find((r) => r.start > now + 3600 && !r.title.includes('Kingdom'))
    if (!toProtect || !toDelete || !toCancel) throw new Error('the demo data changed')

    await selectFilter(tv, 'Recorded')
    await tv.press('down')
    await focusRow(tv, toProtect.title)
    await chooseAction(tv, 'Protect')
    // At once, before the operator answers.
    await waitForToast(tv, 'is protected')
    expect(await tv.focusedTexts()).toContain('● Protected')

    // A protected recording must be unprotected first.
    await chooseAction(tv, 'Delete')
    expect(await waitForToast(tv, 'unprotect it first')).toContain(toProtect.title)

    await selectFilter(tv, 'Recorded')
    await tv.press('down')
    await focusRow(tv, toDelete.title)
    await chooseAction(tv, 'Delete')
    await tv.waitForText(`Delete “${toDelete.title}”?`)
    expect(await tv.focusedTexts()).toEqual(['Keep it'])
    await tv.screenshot('recordings-delete-confirm')
    await tv.press('right', 'ok')
    await waitForNoText(tv, toDelete.title)
    await waitForToast(tv, 'deleted')

    await selectFilter(tv, 'Scheduled')
    await tv.press('down')
    await focusRow(tv, toCancel.title)
    await chooseAction(tv, 'Cancel recording')
    await tv.waitForText(`Cancel the recording of “${toCancel.title}”?`)
    await clearApiCalls(sim.url)
    await tv.press('right', 'ok')
    await waitForNoText(tv, toCancel.title)

    // The operator has them, and the box has cached the list it fetched after them.
    const after = recordingsOf('1001').map((r) => r.id)
    expect(after).not.toContain(toDelete.id)
    expect(after).not.toContain(toCancel.id)
    // Our own write moved the stamp: the list is fetched (and cached) again at once.
    await waitForCall('GetRecordings')
    await until('the list without them in the cache', async () => {
      const ids = await cachedRecordingIds(tv!, 'user-1001')
      return ids !== undefined && !ids.includes(String(toDelete.id)) && !ids.includes(String(toCancel.id))
    })

    // The box restarts while the operator is gone: the list shows from the cache, flagged.
    await sim.stop()
    await reloadTv(tv, 'recordings')
    await tv.waitForText(`All (${count - 2})`)
    await tv.page.waitForFunction(
      () =>
        (window as unknown as { __kanal: { screenTexts(): string[] } }).__kanal
          .screenTexts()
          .some((s) => s.startsWith('Offline: showing the recordings saved at')),
      undefined,
      { timeout: 20_000 },
    )
    await selectFilter(tv, 'Recorded')
    await tv.screenshot('recordings-offline')
    let texts = await tv.screenTexts()
    expect(texts).not.toContain(toDelete.title)
    await tv.press('down')
    await focusRow(tv, toProtect.title)
    expect(await tv.focusedTexts()).toContain('● Protected')

    // An action while the operator is gone is taken back and says why.
    await chooseAction(tv, 'Unprotect')
    expect(await waitForToast(tv, 'Could not unprotect')).toContain('cannot be reached')
    expect(await tv.focusedTexts()).toContain('● Protected')

    // The operator is back: same data after a restart with it.
    await sim.start()
    await reloadTv(tv, 'recordings')
    await tv.waitForText(`All (${count - 2})`)
    await tv.page.waitForFunction(
      () =>
        (window as unknown as { __kanal: { screenTexts(): string[] } }).__kanal
          .screenTexts()
          .some((s) => s.startsWith('Updated at')),
      undefined,
      { timeout: 20_000 },
    )
    texts = await tv.screenTexts()
    expect(texts).not.toContain(toCancel.title)
  })

  it('takes a refused action back and says why', async () => {
    tv = await openAsAnna()
    await qa(sim.url, 'faults', {
      route: '/api/ProtectRecording',
      kind: 'envelope',
      statusCode: 42,
      count: 1,
    })
    const now = await simNow()
    const [target] = db<Row>(
      `SELECT id, title, start, end FROM recordings WHERE user_id = '1001' AND end < ? AND failed = 0
       AND series_id IS NULL ORDER BY start DESC LIMIT 1`,
      now,
    )
    if (!target) throw new Error('nothing recorded')
    await selectFilter(tv, 'Recorded')
    await tv.press('down')
    await focusRow(tv, target.title)
    const before = await tv.focusedTexts()
    const wasProtected = before.includes('● Protected')
    await chooseAction(tv, wasProtected ? 'Unprotect' : 'Protect')
    const message = await waitForToast(tv, 'Could not')
    expect(message).toContain('the operator does not allow it')
    await tv.screenshot('recordings-refused')
    expect((await tv.focusedTexts()).includes('● Protected')).toBe(wasProtected)
  })

  it('moves a recording from scheduled to recording to recorded as the operator clock passes, without a call', async () => {
    tv = await openAsAnna()
    const now = await simNow()
    const [next] = db<Row>(
      `SELECT id, title, start, end FROM recordings WHERE user_id = '1001' AND start > ? AND failed = 0
       AND series_id IS NULL ORDER BY start LIMIT 1`,
      now + 600,
    )
    if (!next) throw new Error('nothing scheduled')
    const row = async (): Promise<string[]> => {
      const texts = await tv!.screenTexts()
      const i = texts.indexOf(next.title)
      return i < 1 ? [] : [texts[i - 1] ?? '']
    }
    await selectFilter(tv, 'All')
    await tv.press('down')
    await focusRow(tv, next.title)
    expect(await row()).toEqual(['Scheduled'])

    // 8 s before a change, the app learns the operator's time from the next answer; the label
    // then changes with the app's own clock, without asking for the recordings again.
    const passTo = async (at: number, label: string, screenshot?: string): Promise<void> => {
      await qa(sim.url, 'clock', { set: at - 8 })
      await reopen(tv!)
      await waitForCall('GetUserTimestamps')
      // The answer (and the operator's time in it) is in before the log is cleared.
      await tv!.quiet()
      await clearApiCalls(sim.url)
      await tv!.press('down')
      await focusRow(tv!, next.title)
      await tv!.page.waitForFunction(
        ([title, expected]) => {
          const texts = (window as unknown as { __kanal: { screenTexts(): string[] } }).__kanal.screenTexts()
          return texts[texts.indexOf(title as string) - 1] === expected
        },
        [next.title, label],
        { timeout: 20_000 },
      )
      if (screenshot) await tv!.screenshot(screenshot)
      expect(await apiCalls(sim.url)).not.toContain('GetRecordings')
    }
    await passTo(next.start, 'Recording now', 'recordings-clock-started')
    await passTo(next.end, 'Recorded')
    await qa(sim.url, 'clock', { set: now + 60 })
  })

  it('warns when a scheduled series will not fit in the storage', async () => {
    tv = await openAsAnna()
    const now = await simNow()
    const committed = db<{ length: number }>(
      "SELECT end - start AS length FROM recordings WHERE user_id = '1001' AND failed = 0 AND start < ?",
      now,
    ).reduce((sum, r) => sum + r.length, 0)
    await qa(sim.url, 'another-device', {
      userId: 'anna',
      action: 'changeSettings',
      // Just what is recorded already, rounded up: the series' scheduled episodes find it full.
      settings: { nPvr: { override: true, enabled: true, storage: Math.ceil(committed / 3600) } },
    })
    await clearApiCalls(sim.url)
    await reopen(tv)
    await waitForCall('GetRecordings')
    await tv.page.waitForFunction(
      () =>
        (window as unknown as { __kanal: { screenTexts(): string[] } }).__kanal
          .screenTexts()
          .some((s) => s.includes('will not fit')),
      undefined,
      { timeout: 20_000 },
    )
    expect(await tv.screenTexts()).toContain('Will not fit')
    await tv.screenshot('recordings-quota-will-not-fit')
  })

  it('says what to buy when nPVR is not in the package', async () => {
    tv = await openTv(sim.url)
    await signIn(tv, 'ben', 'ben')
    await go(tv, 'recordings')
    await tv.waitForText('Cloud recording is not in your package')
    // The products that would add it come with the catalogue, which may arrive a moment later.
    await tv.page.waitForFunction(
      () =>
        (window as unknown as { __kanal: { screenTexts(): string[] } }).__kanal
          .screenTexts()
          .some((s) => s.includes('Cloud recorder')),
      undefined,
      { timeout: 20_000 },
    )
    expect(await tv.focusedTexts()).toEqual(['Open the Store'])
    await tv.screenshot('recordings-no-npvr')
    await tv.press('ok')
    await tv.waitForRoute('store')
  })

  it('tells a user with no recordings how to record from the guide', async () => {
    tv = await openTv(sim.url)
    await signIn(tv, 'dora', 'dora')
    await go(tv, 'recordings')
    await tv.waitForText('No recordings yet')
    expect(await tv.focusedTexts()).toEqual(['Go to the guide'])
    await tv.screenshot('recordings-empty')
    await tv.press('ok')
    await tv.waitForRoute('guide')
  })
})
