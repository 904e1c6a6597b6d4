import path from 'node:path'
import Database from 'better-sqlite3'
import { openTv, qa, signIn, startTestSimulator, type TestSimulator, type Tv } from './harness'

jest.setTimeout(240_000)

/**
 * What a viewer meets in a series and with a failed recording: episodes named by their episode
 * and date, why a recording failed, "Cancel the series" on the details page, Back onto the
 * folder and Down from the filters onto the first row.
 */
describe('series episodes and failed recordings in Chromium', () => {
  let sim: TestSimulator
  let tv: Tv | undefined
  beforeAll(async () => {
    sim = await startTestSimulator()
  })
  afterAll(async () => {
    await sim.close()
  })
  afterEach(async () => {
    if (tv) expect(tv.errors).toEqual([])
    await tv?.close()
    tv = undefined
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
  const texts = (t: Tv): Promise<string[]> => t.screenTexts()
  const waitFor = async (t: Tv, what: string, test: (texts: string[]) => boolean): Promise<void> => {
    for (let i = 0; i < 300; i++) {
      if (test(await texts(t))) return
      await t.page.evaluate(() => new Promise((r) => requestAnimationFrame(r)))
    }
    throw new Error(`${what}: not on screen (${(await texts(t)).join(' | ')})`)
  }
  const toFilters = async (t: Tv): Promise<void> => {
    for (let i = 0; i < 40 && !(await t.focusPath()).includes('Filters'); i++) await t.press('up')
  }
  const focusRow = async (t: Tv, test: (focused: string[]) => boolean): Promise<void> => {
    await toFilters(t)
    await t.press('down')
    for (let i = 0; i < 30; i++) {
      if (test(await t.focusedTexts())) return
      await t.press('down')
    }
    throw new Error(`no such row; focused: ${(await t.focusedTexts()).join(' | ')}`)
  }
  const annaOnRecordings = async (): Promise<Tv> => {
    const t = await openTv(sim.url)
    await signIn(t, 'anna', 'anna')
    await t.page.evaluate(() => (location.hash = '#recordings'))
    await t.waitForRoute('recordings')
    await waitFor(t, 'the filters', (s) => s.some((x) => /^All \(\d+\)$/.test(x)))
    return t
  }
  const FOLDER = 'Kingdom of Salt  ›'
  const EPISODE = /^Kingdom of Salt · S\d+ E\d+$/

  it('names the episodes of a series folder, and Back lands on the folder', async () => {
    tv = await annaOnRecordings()
    await focusRow(tv, (f) => f.includes(FOLDER))
    await tv.press('ok')
    await tv.waitForText('Recordings › Kingdom of Salt')
    await waitFor(tv, 'the episodes', (s) => s.filter((x) => EPISODE.test(x)).length >= 4)
    expect((await texts(tv)).filter((x) => x === 'Kingdom of Salt')).toEqual([])
    await tv.screenshot('recordings-series-episodes')
    // Deeper into the folder, then Back: the focus is on the folder it came out of.
    await tv.press('down', 'down', 'down')
    await tv.press('back')
    await waitFor(tv, 'the full list', (s) => s.includes('Sort: date'))
    expect(await tv.focusedTexts()).toContain(FOLDER)
  })

  it('names an episode with its episode and date in the delete confirmation', async () => {
    tv = await annaOnRecordings()
    await focusRow(tv, (f) => f.includes(FOLDER))
    await tv.press('ok')
    await tv.waitForText('Recordings › Kingdom of Salt')
    await focusRow(tv, (f) => f.includes('Recorded') && f.some((x) => EPISODE.test(x)))
    await tv.press('ok')
    for (let i = 0; i < 8 && !(await tv.focusedTexts()).includes('Delete'); i++) await tv.press('down')
    await tv.press('ok')
    await waitFor(tv, 'the confirmation', (s) =>
      s.some((x) => /^Delete “Kingdom of Salt, S\d+ E\d+ of \w{3}, \w{3} \d+”\?$/.test(x)),
    )
    await tv.screenshot('recordings-delete-episode')
  })

  it('says why a recording failed', async () => {
    const [failed] = db<{ title: string }>(
      `SELECT title FROM recordings WHERE user_id = '1001' AND failed != 0`,
    )
    if (!failed) throw new Error('no failed demo recording')
    tv = await annaOnRecordings()
    await focusRow(tv, (f) => f.includes('Failed') && f.includes(failed.title))
    expect(await tv.focusedTexts()).toContain('Failed: the channel could not be recorded')
    await tv.screenshot('recordings-failed-reason')
  })

  it('goes Down from the filter bar onto the first row, wherever the focus was before', async () => {
    tv = await annaOnRecordings()
    await toFilters(tv)
    // The sort moves the row that had the focus: by title it is no longer the first one.
    await tv.press('right', 'right', 'right', 'right')
    expect(await tv.focusedTexts()).toEqual(['Sort: date'])
    await tv.press('ok')
    await tv.waitForText('Sort: title')
    await tv.press('down')
    await waitFor(tv, 'the first row', (s) => s.some((x) => /^1 of \d+$/.test(x)))
  })

  it('offers "Cancel the series" on the details page of an episode being recorded as a series', async () => {
    const now = Math.floor(Date.now() / 1000)
    const [episode] = db<{ programme_id: string; start: number; end: number }>(
      `SELECT programme_id, start, end FROM recordings WHERE user_id = '1001' AND series_id = 'ch7-kingdom-of-salt'
       AND failed = 0 AND start > ? ORDER BY start LIMIT 1`,
      now + 600,
    )
    if (!episode) throw new Error('no scheduled episode of the demo series')
    // The clock a minute before that episode: it and the rest of the series are still to come.
    await qa(sim.url, 'clock', { set: episode.start - 60, speed: 0 })
    tv = await openTv(sim.url)
    await signIn(tv, 'anna', 'anna')
    await tv.page.evaluate(() => (location.hash = '#guide'))
    await tv.waitForRoute('guide')
    await tv.page.waitForFunction(() =>
      (window as unknown as { __kanal: { focusPath(): string[] } }).__kanal.focusPath().includes('Grid'),
    )
    await tv.page.keyboard.press('7')
    type Focus = { channel: number; start: number } | null | undefined
    const focused = async (): Promise<Focus> =>
      tv?.page.evaluate(() =>
        (window as unknown as { __kanalGuide?: { focus(): Focus } }).__kanalGuide?.focus(),
      )
    for (let i = 0; i < 600 && (await focused())?.channel !== 7; i++)
      await tv.page.evaluate(() => new Promise((r) => requestAnimationFrame(r)))
    // On channel 7 the programme on air ends as the episode starts: one to the right.
    for (let i = 0; i < 4 && (await focused())?.start !== episode.start; i++) await tv.press('right')
    expect(await focused()).toMatchObject({ channel: 7, start: episode.start })
    await tv.press('ok')
    await tv.waitForRoute(`programme/${episode.programme_id}`)
    await tv.waitForText('Cancel the series')
    expect(await texts(tv)).toContain('Cancel the recording')
    await tv.screenshot('programme-cancel-series')
    for (let i = 0; i < 6 && !(await tv.focusedTexts()).includes('Cancel the series'); i++)
      await tv.press('right')
    await tv.press('ok')
    await tv.page.waitForFunction(() =>
      (window as unknown as { __kanal: { toast(): string } }).__kanal
        .toast()
        .includes('Series recording cancelled'),
    )
    const left = db<{ n: number }>(
      `SELECT COUNT(*) AS n FROM recordings WHERE user_id = '1001' AND series_id = 'ch7-kingdom-of-salt' AND start > ?`,
      episode.start - 60,
    )
    expect(left[0]?.n).toBe(0)
    await tv.waitForText('Record the series')
  })
})
