import { openTv, signIn, startTestSimulator, TestSimulator, Tv } from './harness'

jest.setTimeout(180_000)

interface Json {
  [key: string]: unknown
}

interface Hooks {
  route(): string
  screenTexts(): string[]
  focusedTexts(): string[]
}

/**
 * What a new viewer meets on the way through the player and the programme details: a locked
 * channel in the player stays a player with a way to the store, deep links to real programmes
 * open, OK on a programme opens its details signed in or out, the details and the OSD say what
 * is on, for how long, and what comes next.
 */
describe('a viewer on the way through the player and the details', () => {
  let sim: TestSimulator
  let tv: Tv | undefined
  let annaToken = ''

  const call = async (method: string, body: Json = {}): Promise<Json> => {
    const res = await fetch(`${sim.url}api/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${annaToken}` },
      body: JSON.stringify(body),
    })
    const out = (await res.json()) as { StatusCode: number; Content: Json }
    if (out.StatusCode !== 0) throw new Error(`${method}: ${JSON.stringify(out)}`)
    return out.Content
  }
  const now = async (): Promise<number> =>
    ((await (await fetch(`${sim.url}qa/clock`)).json()) as { now: number }).now
  const onNow = async (channel: string): Promise<Json> => {
    const t = await now()
    const g = (await call('GetGuide', { ChannelIDs: [channel], Start: t, End: t + 60 })) as {
      Channels: { Programmes: Json[] }[]
    }
    const p = g.Channels[0]?.Programmes[0]
    if (!p) throw new Error(`nothing on ${channel}`)
    return p
  }
  const channelName = async (id: string): Promise<string> => {
    const lineup = (await call('GetChannels')) as unknown as Json[]
    return String(lineup.find((c) => c.ID === id)?.Name)
  }

  const go = async (t: Tv, hash: string): Promise<void> => {
    await t.page.evaluate((h) => {
      window.location.hash = h
    }, `#${hash}`)
    await t.waitForRoute(hash)
  }
  const key = async (t: Tv, ...keys: string[]): Promise<void> => {
    for (const k of keys) {
      await t.page.keyboard.press(k)
      await t.page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))))
    }
  }
  const waitForRouteMatching = (t: Tv, pattern: RegExp): Promise<unknown> =>
    t.page.waitForFunction(
      (source) => new RegExp(source).test((window as unknown as { __kanal: Hooks }).__kanal.route()),
      pattern.source,
      { timeout: 15_000 },
    )
  const waitForTextMatching = (t: Tv, pattern: RegExp): Promise<unknown> =>
    t.page.waitForFunction(
      (source) =>
        (window as unknown as { __kanal: Hooks }).__kanal
          .screenTexts()
          .some((s) => new RegExp(source).test(s)),
      pattern.source,
      { timeout: 15_000 },
    )
  const guideFocusChannel = (t: Tv): Promise<number | undefined> =>
    t.page.evaluate(
      () =>
        (
          window as unknown as { __kanalGuide?: { focus(): { channel: number } | null } }
        ).__kanalGuide?.focus()?.channel,
    )

  beforeAll(async () => {
    sim = await startTestSimulator()
    const res = await fetch(`${sim.url}api/Login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'anna', password: 'anna', deviceId: 'e2e-helper' }),
    })
    annaToken = ((await res.json()) as { Content: { token: string } }).Content.token
  })
  afterAll(async () => {
    await sim.close()
  })
  afterEach(async () => {
    if (tv) expect(tv.errors.filter((e) => !/Failed to load resource/.test(e))).toEqual([])
    await tv?.close()
    tv = undefined
  })

  it('zapping onto a locked channel names it and what is on, offers the product, and zapping goes on', async () => {
    const name = await channelName('ch150')
    const programme = await onNow('ch150')
    tv = await openTv(sim.url)
    await signIn(tv, 'anna', 'anna')
    await tv.waitForRoute('guide')
    await go(tv, 'play/live/ch1')
    await key(tv, '1', '5', '0')
    await tv.waitForRoute('play/live/ch150')
    await waitForTextMatching(tv, new RegExp(`^150  ${name}`))
    await waitForTextMatching(tv, new RegExp(String(programme.Title)))
    // The offer takes the focus: the smallest product that grants the channel.
    await tv.page.waitForFunction(() =>
      (window as unknown as { __kanal: Hooks }).__kanal.focusedTexts().some((s) => s.startsWith('Get ')),
    )
    // The mini guide opens over it, and Back closes it again.
    await tv.press('down')
    await tv.waitForText('Channels')
    await tv.press('back')
    expect(await tv.route()).toBe('play/live/ch150')
    // Channel up and down keep working.
    await tv.press('channelDown')
    await tv.waitForRoute('play/live/ch149')
    await tv.press('channelUp')
    await tv.waitForRoute('play/live/ch150')
    await tv.page.waitForFunction(() =>
      (window as unknown as { __kanal: Hooks }).__kanal.focusedTexts().some((s) => s.startsWith('Get ')),
    )
    // Back leads to the guide, which is not parked on the locked channel.
    await tv.press('back')
    await tv.waitForRoute('guide')
    await tv.page.waitForFunction(
      () =>
        (window as unknown as { __kanalGuide?: { focus(): { kind: string } | null } }).__kanalGuide?.focus()
          ?.kind === 'programme',
    )
    expect(await guideFocusChannel(tv)).toBe(1)
    // And the offer leads to the product's page.
    await go(tv, 'play/live/ch150')
    await tv.page.waitForFunction(() =>
      (window as unknown as { __kanal: Hooks }).__kanal.focusedTexts().some((s) => s.startsWith('Get ')),
    )
    await tv.press('ok')
    await waitForRouteMatching(tv, /^store\/(product|channel)\//)
  })

  it('a deep link to a programme on now or recorded earlier opens it; a made-up one says it is not there', async () => {
    const programme = await onNow('ch3')
    const recordings = (await call('GetRecordings')) as { Recordings: Json[] }
    const recorded = recordings.Recordings.find((r) => r.State === 'Finished')
    if (!recorded) throw new Error('anna has no finished recording')
    tv = await openTv(sim.url, `programme/${String(programme.ID)}`)
    await tv.waitForText(String(programme.Title))
    // The first way on has the focus, not the "Back" of the wait for the operator.
    expect(await tv.focusedTexts()).toEqual(['Sign in'])
    expect((await tv.screenTexts()).some((s) => /not in the guide/.test(s))).toBe(false)
    await signIn(tv, 'anna', 'anna')
    await go(tv, `programme/${String(recorded.ProgrammeID)}`)
    await tv.waitForText(String(recorded.Title))
    await go(tv, 'programme/4711999')
    await waitForTextMatching(tv, /not in the guide/)
  })

  it('signed out, OK on a programme opens its details, which offer to get the channel', async () => {
    tv = await openTv(sim.url)
    await tv.page.waitForFunction(
      () =>
        (window as unknown as { __kanalGuide?: { focus(): { kind: string } | null } }).__kanalGuide?.focus()
          ?.kind === 'programme',
    )
    await tv.press('ok')
    await waitForRouteMatching(tv, /^programme\//)
    await tv.waitForText('Get this channel')
    await tv.waitForText('Sign in')
  })

  it('the details of a programme on air show its progress, the next airing; the OSD the next programme and times', async () => {
    tv = await openTv(sim.url)
    await signIn(tv, 'anna', 'anna')
    await tv.waitForRoute('guide')
    await tv.page.waitForFunction(
      () =>
        (window as unknown as { __kanalGuide?: { focus(): { kind: string } | null } }).__kanalGuide?.focus()
          ?.kind === 'programme',
    )
    await tv.press('ok')
    await waitForRouteMatching(tv, /^programme\//)
    await waitForTextMatching(tv, / left$/)
    await waitForTextMatching(tv, /^(Next airing|No other airing)/)
    await go(tv, 'play/live/ch1')
    const next = await call('GetGuide', {
      ChannelIDs: ['ch1'],
      Start: await now(),
      End: (await now()) + 6 * 3600,
    })
    const following = (next as { Channels: { Programmes: Json[] }[] }).Channels[0]?.Programmes[1]
    await key(tv, 'i')
    await tv.waitForText(`Next: ${String(following?.Title)}`)
    await waitForTextMatching(tv, / left$/)
    await waitForTextMatching(tv, /^\d\d:\d\d$/)
  })
})
