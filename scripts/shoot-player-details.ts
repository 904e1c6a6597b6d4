/**
 * Screenshots of the player (a locked channel, the OSD, the resume offer), the programme details
 * page (opened from the guide, by deep link, signed out) and the signed-out guide, at 1920x1080
 * and 1280x720, against a throw-away simulator serving build/ (run `npm run build` first).
 * Usage: npx tsx scripts/shoot-player-details.ts <out-dir> <label> [only-prefix]
 * writes <out-dir>/<shot>-<label>-<width>.png.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { createSimulator } from '../simulator/src/server'
import { defaultConfig } from '../simulator/src/config'
import { launchChromium } from '../test/e2e/browser'
import { pathTo, type KeyPosition } from '../src/ui/components/keyboardLayout'

type Json = Record<string, unknown>
interface Hooks {
  route(): string
  screenTexts(): string[]
  settled(): boolean
  pageReady(): boolean
}

const [outDir = '/tmp/shots', label = 'now', only = ''] = process.argv.slice(2)
const SIZES = [
  { width: 1920, height: 1080 },
  { width: 1280, height: 720 },
] as const

const hooks = (page: Page, fn: keyof Hooks): Promise<unknown> =>
  page.evaluate(
    (name) => (window as unknown as { __kanal: Record<string, () => unknown> }).__kanal[name]?.(),
    fn,
  )

/** Waits until the route is `hash` (or, with `leave`, until it is no longer `hash`). */
const waitRoute = (page: Page, hash: string, leave = false): Promise<unknown> =>
  page.waitForFunction(
    ([h, away]) => ((window as unknown as { __kanal?: Hooks }).__kanal?.route() === h) !== away,
    [hash, leave] as const,
    { timeout: 20_000 },
  )

const frame = (page: Page): Promise<unknown> =>
  page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))))

const press = async (page: Page, ...keys: string[]): Promise<void> => {
  for (const k of keys) {
    await page.keyboard.press(k)
    await frame(page)
  }
}

/** Answers in, transitions over, then a moment for textures to upload. */
const settle = async (page: Page): Promise<void> => {
  await page.waitForTimeout(1500)
  await page.waitForFunction(() => (window as unknown as { __kanal: Hooks }).__kanal.settled(), undefined, {
    timeout: 10_000,
  })
  await page.waitForTimeout(300)
}

const go = async (page: Page, hash: string): Promise<void> => {
  await page.evaluate((h) => {
    window.location.hash = h
  }, `#${hash}`)
  await waitRoute(page, hash)
}

const signIn = async (page: Page): Promise<void> => {
  await go(page, 'signin')
  await page.waitForFunction(() => (window as unknown as { __kanal: Hooks }).__kanal.pageReady())
  let at: KeyPosition = { row: 0, column: 0 }
  const typeKey = async (char: string): Promise<void> => {
    const p = pathTo(at, char)
    for (const move of p.moves) await page.keyboard.press(`Arrow${move}`)
    await page.keyboard.press('Enter')
    at = p.at
  }
  for (const c of 'anna') await typeKey(c)
  await typeKey('next')
  for (const c of 'anna') await typeKey(c)
  await typeKey('submit')
  await waitRoute(page, 'signin', true)
}

const main = async (): Promise<void> => {
  fs.mkdirSync(outDir, { recursive: true })
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kanal-shots-'))
  const sim = createSimulator({
    ...defaultConfig({}),
    port: 0,
    appDir: path.resolve(__dirname, '..', 'build'),
    dbPath: path.join(dir, 'kanal.sqlite'),
    settingsOverride: { appSettings: { testHooks: true, pollCollapseSeconds: 0 } },
  })
  const url = await sim.listen()
  const login = (await (
    await fetch(`${url}api/Login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'anna', password: 'anna', deviceId: 'shots' }),
    })
  ).json()) as { Content: { token: string } }
  const call = async (method: string, body: Json = {}): Promise<Json> => {
    const res = await fetch(`${url}api/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${login.Content.token}` },
      body: JSON.stringify(body),
    })
    return ((await res.json()) as { Content: Json }).Content
  }
  const now = ((await (await fetch(`${url}qa/clock`)).json()) as { now: number }).now
  const guide = (await call('GetGuide', { ChannelIDs: ['ch1'], Start: now, End: now + 60 })) as {
    Channels: { Programmes: Json[] }[]
  }
  const onNow = String(guide.Channels[0]?.Programmes[0]?.ID ?? '')
  const resumes = (await call('GetResumes')) as unknown as Json[]
  const recording = String(
    resumes.find((r) => String(r.ContentID).startsWith('recording:'))?.ContentID ?? '',
  ).split(':')[1]

  const browser = await launchChromium()
  const shots: Array<{ name: string; signedIn: boolean; run: (page: Page) => Promise<void> }> = [
    {
      name: '1-player-locked',
      signedIn: true,
      run: async (page) => {
        await go(page, 'play/live/ch150')
      },
    },
    {
      name: '3-details-deeplink',
      signedIn: true,
      run: async (page) => {
        await go(page, `programme/${onNow}`)
      },
    },
    {
      name: '3-details-madeup',
      signedIn: true,
      run: async (page) => {
        await go(page, 'programme/4711999')
      },
    },
    { name: '4-guide-signedout', signedIn: false, run: async () => undefined },
    {
      name: '4-ok-signedout',
      signedIn: false,
      run: async (page) => {
        await settle(page)
        await press(page, 'Enter')
      },
    },
    {
      name: '9-details-onair',
      signedIn: true,
      run: async (page) => {
        await go(page, 'guide')
        await settle(page)
        await press(page, 'Enter')
      },
    },
    {
      name: '9-player-osd',
      signedIn: true,
      run: async (page) => {
        await go(page, 'play/live/ch1')
        await page.waitForTimeout(3000)
        await press(page, 'i')
      },
    },
    {
      name: '9-player-resume',
      signedIn: true,
      run: async (page) => {
        await go(page, `play/recording/${recording ?? ''}`)
      },
    },
  ]
  try {
    for (const size of SIZES) {
      for (const shot of shots.filter((s) => s.name.startsWith(only))) {
        const context = await browser.newContext({ viewport: size })
        const page = await context.newPage()
        await page.goto(url)
        await page.waitForFunction(
          () => {
            const r = (window as unknown as { __kanal?: Hooks }).__kanal?.route() ?? ''
            return r !== '' && r !== '$'
          },
          undefined,
          { timeout: 30_000 },
        )
        if (shot.signedIn) await signIn(page)
        await shot.run(page)
        await settle(page)
        const file = path.join(outDir, `${shot.name}-${label}-${size.width}.png`)
        await page.screenshot({ path: file })
        console.log(file, (await hooks(page, 'route')) as string)
        await context.close()
      }
    }
  } finally {
    await browser.close()
    await sim.close()
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

void main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
