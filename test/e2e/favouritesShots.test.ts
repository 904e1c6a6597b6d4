import fs from 'node:fs'
import path from 'node:path'
import { openTv, signIn, startTestSimulator, until, type TestSimulator, type Tv } from './harness'

/**
 * Pictures of the channel-list picker, a favourites guide and the genre colours at 1920x1080 and
 * 1280x720, for a person to look at. Runs only with SHOTS_DIR set:
 *   SHOTS_DIR=/tmp/shots npx jest --selectProjects e2e --testPathPatterns favouritesShots
 */
const DIR = process.env.SHOTS_DIR
const run = DIR ? describe : describe.skip

jest.setTimeout(300_000)

interface ListHook {
  id: string | undefined
  numbers: number[]
  picking: boolean
}
const listOf = (tv: Tv): Promise<ListHook> =>
  tv.page.evaluate(() => (window as unknown as { __kanalGuide: { list(): ListHook } }).__kanalGuide.list())

const key = async (tv: Tv, ...keys: string[]): Promise<void> => {
  for (const k of keys) {
    await tv.page.keyboard.press(k)
    await tv.page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))))
  }
}

run('favourites and channel lists, pictures', () => {
  let sim: TestSimulator
  beforeAll(async () => {
    sim = await startTestSimulator()
    const login = await fetch(`${sim.url}api/Login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'anna', password: 'anna', deviceId: 'shots-phone' }),
    })
    const token = ((await login.json()) as { Content: { token: string } }).Content.token
    for (const id of ['ch1', 'ch3', 'ch4', 'ch5', 'ch6'])
      await fetch(`${sim.url}api/TagItem`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ ItemType: 'Channel', ItemID: id, Tag: 'favourite' }),
      })
  })
  afterAll(async () => {
    await sim.close()
  })

  for (const viewport of [
    { width: 1920, height: 1080 },
    { width: 1280, height: 720 },
  ]) {
    it(`at ${viewport.width}x${viewport.height}`, async () => {
      const dir = DIR as string
      fs.mkdirSync(dir, { recursive: true })
      const tv = await openTv(sim.url, '', { viewport })
      const shot = (name: string) =>
        tv.page.screenshot({ path: path.join(dir, `${name}-${viewport.height}.png`) })
      await signIn(tv, 'anna', 'anna')
      await tv.waitForRoute('guide')
      await tv.waitForText('Catch-up · Start-over · Recording')
      await tv.page.waitForFunction(() => document.fonts.status === 'loaded')
      // The "Signed in" toast gone, so that it covers nothing.
      await until('the toast gone', async () => (await tv.toast()) === '', 20_000)
      await tv.quiet(1000)
      await shot('all-channels')
      await key(tv, 'F4')
      await until('the picker', async () => (await listOf(tv)).picking)
      await tv.quiet(300)
      await shot('picker')
      await key(tv, 'ArrowDown', 'Enter')
      await until('the favourites', async () => (await listOf(tv)).numbers.length === 5)
      await tv.quiet(1000)
      await shot('favourites-guide')
      await key(tv, 'F4')
      for (let i = 0; i < 4; i++) await key(tv, 'ArrowDown')
      await key(tv, 'Enter')
      await until('a genre list', async () => (await listOf(tv)).id?.startsWith('genre:') === true)
      await tv.quiet(1000)
      await shot('genre-list')
      await tv.close()
    })
  }
})
