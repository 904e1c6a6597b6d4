import { openTv, signIn, startTestSimulator, TestSimulator, Tv, until } from './harness'

jest.setTimeout(180_000)

interface Json {
  [key: string]: unknown
}

/**
 * Bad streams end in their message, never in a black screen that stays: the simulator's QA
 * stream faults (docs/API.md) break one thing each. The player's patience while reconnecting
 * is 3 s here (streamRetrySeconds). One signed-in page for the whole file.
 */
describe('the player on bad streams', () => {
  let sim: TestSimulator
  let tv: Tv
  let token = ''

  const qa = async (method: string, path: string, body?: Json): Promise<Json> => {
    const res = await fetch(`${sim.url}qa${path}`, {
      method,
      ...(body ? { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) } : {}),
    })
    const out = (await res.json()) as Json
    if (!res.ok) throw new Error(`QA ${method} ${path}: ${JSON.stringify(out)}`)
    return out
  }
  const fault = (kind: string, more: Json = {}): Promise<Json> =>
    qa('POST', '/faults', { route: '/api/streams/*', kind, ...more })
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

  const go = async (hash: string): Promise<void> => {
    // Through another route, so that the same hash twice starts the player afresh.
    await tv.page.evaluate(() => {
      window.location.hash = '#guide'
    })
    await tv.waitForRoute('guide')
    await tv.page.evaluate((h) => {
      window.location.hash = h
    }, `#${hash}`)
    await tv.waitForRoute(hash)
  }
  const waitForPicture = async (): Promise<void> => {
    await tv.page.waitForFunction(
      () => {
        const v = document.querySelector('video')
        return v !== null && v.readyState >= 2 && !v.paused && v.currentTime > 0 && v.style.display !== 'none'
      },
      undefined,
      { timeout: 30_000 },
    )
  }
  /** The message, its Try again focused and Back beside it; the video let go. */
  const expectMessage = async (title: string): Promise<void> => {
    await tv.waitForText(title)
    expect(await tv.focusedTexts()).toEqual(['Try again'])
    expect(await tv.screenTexts()).toContain('Back')
    await until('the video to be let go', async () =>
      tv.page.evaluate(() => (document.querySelector('video')?.getAttribute('src') ?? '') === ''),
    )
  }

  beforeAll(async () => {
    sim = await startTestSimulator({ streamRetrySeconds: 3 })
    const res = await fetch(`${sim.url}api/Login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'anna', password: 'anna', deviceId: 'e2e-helper' }),
    })
    token = ((await res.json()) as { Content: { token: string } }).Content.token
    tv = await openTv(sim.url)
    await signIn(tv, 'anna', 'anna')
  })
  afterAll(async () => {
    await tv.close()
    await sim.close()
  })
  afterEach(async () => {
    await qa('DELETE', '/faults')
  })

  it('a playlist that is not there: its message, and Try again plays once it is back', async () => {
    await fault('playlistMissing')
    await go('play/live/ch1')
    await expectMessage('This stream is not available')
    await tv.screenshot('player-fault-missing')
    await qa('DELETE', '/faults')
    await tv.press('ok')
    await waitForPicture()
  })

  it('a malformed playlist', async () => {
    await fault('playlistMalformed')
    await go('play/live/ch2')
    await expectMessage('The stream could not be read')
  })

  it('a codec the box cannot play', async () => {
    await fault('codecUnsupported')
    await go('play/live/ch3')
    await expectMessage('This box cannot play this stream')
  })

  it('a missing segment', async () => {
    const at = await now()
    const g = (await call('GetGuide', { ChannelIDs: ['ch4'], Start: at - 6 * 3600, End: at - 3 * 3600 })) as {
      Channels: { Programmes: Json[] }[]
    }
    const p = g.Channels[0]?.Programmes.find((x) => (x.End as number) <= at - 3600)
    if (!p) throw new Error('no past programme on ch4')
    // The third segment of the programme is not there.
    await fault('segmentMissing', { at: (p.Start as number) + 5 })
    await go(`play/catchup/${p.ID as string}`)
    await expectMessage('Part of the stream is missing')
  })

  it('a live playlist that stops advancing: "Reconnecting…", then its message', async () => {
    await go('play/live/ch5')
    await waitForPicture()
    await fault('liveStalled')
    await tv.waitForText('Reconnecting…')
    await tv.screenshot('player-fault-reconnecting')
    await expectMessage('The channel stopped')
  })

  it('a 403 mid-stream (rights withdrawn)', async () => {
    await go('play/live/ch6')
    await waitForPicture()
    await fault('streamForbidden')
    await tv.waitForText('Playback stopped')
    expect(await tv.focusedTexts()).toEqual(['Back'])
  })
})
