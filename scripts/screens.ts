/**
 * Screenshots of the app as a viewer sees it, for looking at a change before and after:
 *
 *   npx tsx scripts/screens.ts OUT_DIR SHOT...
 *
 * Each SHOT is `name=user@hash:keys`: sign in as `user` (or `-` for signed out), open `#hash`,
 * press the comma-separated remote keys (up, down, left, right, ok, back, wait = a second),
 * and save OUT_DIR/<name>-1920.png and OUT_DIR/<name>-1280.png. Needs `npm run build` first
 * (LNG_BUILD_FOLDER names another build); runs its own simulator on a throw-away database.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { chromium, type Page } from 'playwright-core'
import { createSimulator } from '../simulator/src/server'
import { defaultConfig } from '../simulator/src/config'
import { pathTo, type KeyPosition } from '../src/ui/components/keyboardLayout'

const KEYS: Record<string, string> = {
  up: 'ArrowUp',
  down: 'ArrowDown',
  left: 'ArrowLeft',
  right: 'ArrowRight',
  ok: 'Enter',
  back: 'Escape',
  menu: 'm',
  red: 'F1',
  green: 'F2',
  yellow: 'F3',
  blue: 'F4',
}
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run']

const kanal = (page: Page, expression: string): Promise<unknown> =>
  page.evaluate((e) => {
    const k = (window as unknown as { __kanal?: Record<string, () => unknown> }).__kanal
    return k ? (new Function('k', `return ${e}`) as (k: unknown) => unknown)(k) : undefined
  }, expression)

const frames = (page: Page): Promise<unknown> =>
  page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))))

const signIn = async (page: Page, user: string): Promise<void> => {
  await page.evaluate(() => (window.location.hash = '#signin'))
  await page.waitForFunction(() => {
    const k = (window as unknown as { __kanal?: { route(): string; pageReady(): boolean } }).__kanal
    return k?.route() === 'signin' && k.pageReady()
  })
  let at: KeyPosition = { row: 0, column: 0 }
  const typeKey = async (char: string): Promise<void> => {
    const p = pathTo(at, char)
    for (const move of p.moves) await page.keyboard.press(KEYS[move.toLowerCase()] ?? '')
    await page.keyboard.press('Enter')
    at = p.at
  }
  for (const c of user) await typeKey(c)
  await typeKey('next')
  for (const c of user) await typeKey(c)
  await typeKey('submit')
  await page.waitForFunction(
    () => (window as unknown as { __kanal: { route(): string } }).__kanal.route() !== 'signin',
  )
}

const main = async (): Promise<void> => {
  const [out, ...shots] = process.argv.slice(2)
  if (!out || shots.length === 0)
    throw new Error('usage: tsx scripts/screens.ts OUT_DIR name=user@hash:keys ...')
  fs.mkdirSync(out, { recursive: true })
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kanal-shots-'))
  const simulator = createSimulator({
    ...defaultConfig({}),
    port: 0,
    appDir: path.resolve(__dirname, '..', process.env.LNG_BUILD_FOLDER ?? 'build'),
    dbPath: path.join(dir, 'kanal.sqlite'),
    settingsOverride: { appSettings: { testHooks: true } },
  })
  const url = await simulator.listen()
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ARGS, headless: true })
  try {
    for (const shot of shots) {
      const m = /^([^=]+)=([^@]+)@([^:]*):?(.*)$/.exec(shot)
      if (!m) throw new Error(`not a shot: ${shot}`)
      const [, name = '', user = '-', hash = '', keys = ''] = m
      for (const [width, height] of [
        [1920, 1080],
        [1280, 720],
      ] as const) {
        const context = await browser.newContext({ viewport: { width, height } })
        const page = await context.newPage()
        await page.goto(url)
        await page.waitForFunction(
          () => ((window as unknown as { __kanal?: { route(): string } }).__kanal?.route() ?? '') !== '',
          undefined,
          { timeout: 30000 },
        )
        if (user !== '-') await signIn(page, user)
        await page.evaluate((h) => (window.location.hash = `#${h}`), hash)
        // A page whose lower rows are off screen may never draw their text: a picture anyway.
        await page
          .waitForFunction(
            () => (window as unknown as { __kanal: { pageReady(): boolean } }).__kanal.pageReady(),
            undefined,
            { timeout: 10_000 },
          )
          .catch(() => undefined)
        await page.waitForTimeout(1500)
        for (const key of keys.split(',').filter((k) => k !== '')) {
          if (key === 'wait') await page.waitForTimeout(1000)
          else {
            await page.keyboard.press(KEYS[key] ?? key)
            await frames(page)
            await page.waitForTimeout(150)
          }
        }
        await page.waitForTimeout(800)
        await kanal(page, 'k.settled()')
        const file = path.join(out, `${name}-${width}.png`)
        await page.screenshot({ path: file })
        console.log(file)
        await context.close()
      }
    }
  } finally {
    await browser.close()
    await simulator.close()
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

main().catch((e: unknown) => {
  console.error(e)
  process.exit(1)
})
