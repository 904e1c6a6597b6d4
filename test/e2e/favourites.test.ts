import fs from 'node:fs'
import path from 'node:path'
import {
  apiCalls,
  clearApiCalls,
  openTv,
  qa,
  reloadTv,
  signIn,
  startTestSimulator,
  until,
  type TestSimulator,
  type Tv,
} from './harness'

jest.setTimeout(180_000)

/**
 * Favourites, channel lists and the previous-channel key, end to end: one sign-in for the file,
 * one page shared by the tests (each starts where the one before left it, in order), and a
 * second device of the same user that logs in on the API, as a phone app would.
 */
interface ListHook {
  id: string | undefined
  numbers: number[]
  favourites: string[]
  picking: boolean
}
type Json = Record<string, unknown>

/** Where the screenshots are copied too, when set (they are in test-results/ anyway). */
const SHOTS = process.env.FAV_SHOTS_DIR

const listOf = (tv: Tv): Promise<ListHook> =>
  tv.page.evaluate(() => (window as unknown as { __kanalGuide: { list(): ListHook } }).__kanalGuide.list())

const waitForList = (tv: Tv, what: string, check: (l: ListHook) => boolean): Promise<void> =>
  until(what, async () => check(await listOf(tv)))

const key = async (tv: Tv, ...keys: string[]): Promise<void> => {
  for (const k of keys) {
    await tv.page.keyboard.press(k)
    await tv.page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))))
  }
}

/** The picture plays: the player has told the guide the channel (the recall's memory). */
const waitForPicture = (tv: Tv): Promise<unknown> =>
  tv.page.waitForFunction(
    () => {
      const v = document.querySelector('video')
      return v !== null && v.readyState >= 2 && !v.paused && v.currentTime > 0 && v.style.display !== 'none'
    },
    undefined,
    { timeout: 20000 },
  )

const go = async (tv: Tv, hash: string): Promise<void> => {
  await tv.page.evaluate((h) => {
    window.location.hash = h
  }, `#${hash}`)
  await tv.waitForRoute(hash)
}

describe('favourites and channel lists', () => {
  let sim: TestSimulator
  let tv: Tv
  let other = ''

  /** The same user on another device, straight on the operator's API. */
  const otherDevice = async (method: string, body: Json): Promise<Json> => {
    const res = await fetch(`${sim.url}api/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${other}` },
      body: JSON.stringify(body),
    })
    const json = (await res.json()) as { StatusCode: number; Content: Json }
    if (json.StatusCode !== 0) throw new Error(`${method}: ${JSON.stringify(json)}`)
    return json.Content
  }

  const shot = async (name: string): Promise<void> => {
    const file = await tv.screenshot(`${name}-1080`)
    if (SHOTS === undefined) return
    fs.mkdirSync(SHOTS, { recursive: true })
    fs.copyFileSync(file, path.join(SHOTS, `${name}-1080.png`))
  }

  /** Picks a list in the picker: its line (the picker opens on the list shown, then goes to the top). */
  const pick = async (line: number): Promise<void> => {
    await key(tv, 'F4')
    await waitForList(tv, 'the picker open', (l) => l.picking)
    for (let i = 0; i < 20; i++) await key(tv, 'ArrowUp')
    for (let i = 0; i < line; i++) await key(tv, 'ArrowDown')
    await key(tv, 'Enter')
    await waitForList(tv, 'the picker closed', (l) => !l.picking)
  }

  beforeAll(async () => {
    sim = await startTestSimulator()
    const res = await fetch(`${sim.url}api/Login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'anna', password: 'anna', deviceId: 'e2e-phone' }),
    })
    other = ((await res.json()) as { Content: { token: string } }).Content.token
    tv = await openTv(sim.url)
    await signIn(tv, 'anna', 'anna')
    await tv.waitForRoute('guide')
    await tv.waitForText('Catch-up · Start-over · Recording')
  })
  afterAll(async () => {
    expect(tv.errors.filter((e) => !/Failed to load resource/.test(e))).toEqual([])
    await tv.close()
    await sim.close()
  })

  it('hold OK favourites a channel, and the Favourites list shows it alone', async () => {
    // The second channel: held OK adds it (the toast comes while the key is still down).
    await key(tv, 'ArrowDown')
    await tv.page.keyboard.down('Enter')
    await tv.waitForText('Kanal 2 added to favourites')
    await tv.page.keyboard.up('Enter')
    // Let go after a long OK: the details page did not open.
    expect(await tv.route()).toBe('guide')
    await waitForList(tv, 'the heart on channel 2', (l) => l.favourites.includes('ch2'))

    await key(tv, 'F4')
    await waitForList(tv, 'the picker open', (l) => l.picking)
    await tv.waitForText('Recently watched')
    await shot('picker')
    await key(tv, 'ArrowDown', 'Enter')
    await waitForList(tv, 'the favourites list', (l) => l.id === 'favourites' && l.numbers.join() === '2')
    await tv.waitForText('Favourites')
    await shot('favourites-guide')
    const tags = await otherDevice('GetUserTags', {})
    expect((tags.Tags as Json[]).map((t) => t.ItemID)).toEqual(['ch2'])
  })

  it("another device's favourite appears after the next poll, not before", async () => {
    // The QA console's "another device" (the envelope method's own code, moving the same stamps).
    await qa(sim.url, 'another-device', { userId: 'anna', action: 'addFavourite', channelId: 'ch4' })
    await clearApiCalls(sim.url)
    // Nothing asks the stamps meanwhile: the list is what it was.
    await tv.quiet(1000)
    expect((await listOf(tv)).numbers).toEqual([2])
    expect(await apiCalls(sim.url)).not.toContain('GetUserTags')
    // Opening the guide again is the next poll (the e2e settings collapse no checks).
    await go(tv, 'recordings')
    await go(tv, 'guide')
    await waitForList(tv, 'channel 4 in the favourites', (l) => l.numbers.join() === '2,4')
    expect(await apiCalls(sim.url)).toContain('GetUserTags')
  })

  it('a second opening with the Tags stamp unchanged makes no GetUserTags request', async () => {
    await clearApiCalls(sim.url)
    await reloadTv(tv)
    await tv.waitForRoute('guide')
    // The list chosen is kept on the box, its channels from the cached tags.
    await waitForList(tv, 'the favourites after the restart', (l) => l.numbers.join() === '2,4')
    // The second opening of the guide checks the stamps; the Tags stamp has not moved.
    await go(tv, 'recordings')
    await go(tv, 'guide')
    await until('the stamps asked', async () => (await apiCalls(sim.url)).includes('GetUserTimestamps'))
    await tv.quiet(1000)
    const calls = await apiCalls(sim.url)
    expect(calls).toContain('GetUserTimestamps')
    expect(calls).not.toContain('GetUserTags')
  })

  it('the genre list shows only that genre; a number not in it goes back to all channels', async () => {
    const channels = (await otherDevice('GetChannels', {})) as unknown as Json[]
    const news = channels.filter((c) => c.Genre === 'News').map((c) => c.Number as number)
    expect(news.length).toBeGreaterThan(0)
    // All, Favourites, Recently watched, then the genres in alphabetical order.
    const genres = [...new Set(channels.map((c) => c.Genre as string))].sort((a, b) =>
      a.localeCompare(b, 'en'),
    )
    await pick(3 + genres.indexOf('News'))
    await waitForList(tv, 'the News list', (l) => l.id === 'genre:News')
    expect((await listOf(tv)).numbers).toEqual(news)
    await tv.waitForText('News')
    await shot('genre-colours')

    const outside = channels.map((c) => c.Number as number).find((n) => !news.includes(n) && n < 10)
    expect(outside).toBeDefined()
    await key(tv, String(outside))
    await tv.waitForText(`Channel ${outside} is not in News: showing all channels`)
    await waitForList(tv, 'all channels', (l) => l.id === 'all')
    await until('the focus on the channel typed', async () => {
      const f = await tv.page.evaluate(() =>
        (window as unknown as { __kanalGuide: { focus(): { channel: number } | null } }).__kanalGuide.focus(),
      )
      return f?.channel === outside
    })
  })

  it('the previous-channel key returns to the channel watched before', async () => {
    await go(tv, 'play/live/ch1')
    await waitForPicture(tv)
    await key(tv, 'PageUp')
    await tv.waitForRoute('play/live/ch2')
    await waitForPicture(tv)
    await key(tv, 'l')
    await tv.waitForRoute('play/live/ch1')
    await waitForPicture(tv)
    await key(tv, 'l')
    await tv.waitForRoute('play/live/ch2')
    await waitForPicture(tv)
    // The guide's recall goes to the one before the last watched too.
    await go(tv, 'guide')
    await key(tv, 'l')
    await tv.waitForRoute('play/live/ch1')
  })
})
