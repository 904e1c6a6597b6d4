import { openTv, signIn, startTestSimulator, TestSimulator, Tv, until } from './harness'

jest.setTimeout(180_000)

interface Json {
  [key: string]: unknown
}

/**
 * The player on the operator's HLS streams, in Chromium against the simulator: live where the
 * operator clock says, start-over from the programme's start, catch-up going on into the next
 * programme. One signed-in page for the whole file; each test sends it to its route.
 */
describe('the player on HLS', () => {
  let sim: TestSimulator
  let tv: Tv
  let token = ''
  /** Two past programmes back to back on ch1, the first with a resume point 40 s before its end. */
  let catchup: { first: Json; next: Json } | undefined

  const qa = async (method: string, path: string, body?: Json): Promise<Json> => {
    const res = await fetch(`${sim.url}qa${path}`, {
      method,
      ...(body ? { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) } : {}),
    })
    return (await res.json()) as Json
  }
  const call = async (method: string, body: Json = {}): Promise<Json> => {
    const res = await fetch(`${sim.url}api/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(body),
    })
    const out = (await res.json()) as { StatusCode: number; Content: Json }
    if (out.StatusCode !== 0) throw new Error(`${method}: ${JSON.stringify(out)}`)
    return out.Content
  }
  const now = async (): Promise<number> => (await qa('GET', '/clock')).now as number
  const programmes = async (channel: string, from: number, to: number): Promise<Json[]> => {
    const g = (await call('GetGuide', { ChannelIDs: [channel], Start: from, End: to })) as {
      Channels: { Programmes: Json[] }[]
    }
    return g.Channels[0]?.Programmes ?? []
  }
  /** HH:MM as the app shows it (English, the box's time zone). */
  const hhmm = (unix: number): string =>
    new Intl.DateTimeFormat('en', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(
      unix * 1000,
    )

  const go = async (hash: string): Promise<void> => {
    await tv.page.evaluate((h) => {
      window.location.hash = h
    }, `#${hash}`)
    await tv.waitForRoute(hash)
  }
  /** hls.js plays: a MediaSource behind the element, frames decoded, the clock moving. */
  const waitForPicture = async (): Promise<void> => {
    await tv.page.waitForFunction(
      () => {
        const v = document.querySelector('video')
        return (
          v !== null &&
          (v.getAttribute('src') ?? '').startsWith('blob:') &&
          v.readyState >= 2 &&
          !v.paused &&
          v.currentTime > 0 &&
          v.style.display !== 'none'
        )
      },
      undefined,
      { timeout: 30_000 },
    )
  }
  /** Waits until the texts on screen pass `test`; says what the screen showed when they never do. */
  const waitForTexts = async (test: (texts: string[]) => boolean, what: string): Promise<string[]> => {
    let texts: string[] = []
    try {
      await until(what, async () => test((texts = await tv.screenTexts())), 30_000)
    } catch (error: unknown) {
      throw new Error(`${what}: not on screen; it showed ${JSON.stringify(texts)}`, { cause: error })
    }
    return texts
  }

  beforeAll(async () => {
    sim = await startTestSimulator()
    const res = await fetch(`${sim.url}api/Login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'anna', password: 'anna', deviceId: 'e2e-helper' }),
    })
    token = ((await res.json()) as { Content: { token: string } }).Content.token
    // Saved before the box signs in, so that the box knows it from the start.
    const at = await now()
    const past = await programmes('ch1', at - 8 * 3600, at - 2 * 3600)
    const i = past.findIndex((x, k) => (x.End as number) <= at - 3 * 3600 && past[k + 1]?.Start === x.End)
    const first = past[i]
    const next = past[i + 1]
    if (!first || !next) throw new Error('no two past programmes back to back on ch1')
    const length = (first.End as number) - (first.Start as number)
    await call('SetResume', { ContentID: `programme:${first.ID as string}`, Position: length - 40 })
    catchup = { first, next }
    tv = await openTv(sim.url)
    await signIn(tv, 'anna', 'anna')
  })
  afterAll(async () => {
    await tv.close()
    await sim.close()
  })
  afterEach(() => {
    expect(tv.errors.filter((e) => !/Failed to load resource/.test(e))).toEqual([])
  })

  it('loads hls.js only when the player first needs it, not with the first script', async () => {
    const before = await tv.page.evaluate(() => typeof (window as unknown as { Hls?: unknown }).Hls)
    expect(before).toBe('undefined')
    await go('play/live/ch1')
    await waitForPicture()
    const after = await tv.page.evaluate(() => typeof (window as unknown as { Hls?: unknown }).Hls)
    expect(after).toBe('function')
  })

  it('plays live, the OSD time matching the operator clock', async () => {
    await go('play/live/ch3')
    await waitForPicture()
    await tv.page.keyboard.press('i')
    await tv.waitForText('LIVE')
    const clock = await now()
    // The OSD's position is the stream's EXT-X-PROGRAM-DATE-TIME: live plays a few segments
    // behind the newest, so the minute shown is the clock's, or the one before just after it turns.
    const accepted = [hhmm(clock), hhmm(clock - 15)]
    const texts = await tv.screenTexts()
    const times = texts.filter((s) => /^\d\d:\d\d$/.test(s))
    expect(times.length).toBeGreaterThan(0)
    // Two of them: the position (the stream's clock) and the clock; the third is the next programme's start.
    expect(times.filter((s) => accepted.includes(s)).length).toBeGreaterThanOrEqual(2)
    await tv.screenshot('player-hls-live-osd')
  })

  it('starts over the programme on now from its start', async () => {
    const at = await now()
    // Well inside its span whatever the time of day: channels change programmes at different times.
    let p: Json | undefined
    for (const channel of ['ch2', 'ch3', 'ch4', 'ch5']) {
      p ??= (await programmes(channel, at - 6 * 3600, at + 60)).find(
        (x) => (x.Start as number) <= at - 180 && (x.End as number) > at + 120,
      )
    }
    if (!p) throw new Error('no programme on ch2-ch5 that began at least 3 minutes ago')
    await go(`play/startover/${p.ID as string}`)
    await waitForPicture()
    await tv.page.keyboard.press('i')
    const start = p.Start as number
    // The OSD's position: the programme's first minute (the stream's own clock), not live.
    const texts = await waitForTexts(
      (t) => t.includes(hhmm(start)) || t.includes(hhmm(start + 60)),
      `the start-over position ${hhmm(start)}`,
    )
    expect(texts.some((s) => /behind live/.test(s))).toBe(true)
  })

  it('plays a past programme on catch-up and goes on into the next one', async () => {
    if (!catchup) throw new Error('no catch-up pair')
    const { first: p, next } = catchup
    // Resume 40 s before its end (the offer), then Right: the end comes within seconds.
    await go(`play/catchup/${p.ID as string}`)
    // The offer names the programme (the OSD's title may have hidden by now).
    await waitForTexts(
      (t) => t.some((s) => s.startsWith('Resume from')) && t.some((s) => s.includes(p.Title as string)),
      'the resume offer for it',
    )
    await tv.press('ok')
    await waitForPicture()
    await tv.press('right')
    await tv.waitForText(`Now: ${next.Title as string}`)
    await waitForPicture()
    await tv.page.keyboard.press('i')
    await waitForTexts(
      (t) => t.includes(next.Title as string) && t.includes(hhmm(next.Start as number)),
      'the next programme in the OSD, at its start',
    )
    await tv.screenshot('player-hls-catchup-next')
  })
})
