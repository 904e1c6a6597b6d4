/**
 * A screenshot series of the app's start: every frame Chromium paints (CDP screencast) from
 * navigation until the guide shows programme titles with the focus on one, for a cold start
 * (fresh profile) and a second start (same profile), at 1920x1080 and 1280x720, against a
 * throw-away simulator serving the build (run `npm run build` first). For checking by eye
 * that the first screen never flashes unstyled text or an empty grid once drawn.
 * Usage: npx tsx scripts/shoot-startup.ts <out-dir> [cpu-rate]
 * writes <out-dir>/<cold|warm>-<width>-<ms since navigation>.png.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { BrowserContext } from 'playwright-core'
import { createSimulator } from '../simulator/src/server'
import { defaultConfig } from '../simulator/src/config'
import { launchChromium } from '../test/e2e/browser'

const [outDir = '/tmp/shots/startup', rateArg = '1'] = process.argv.slice(2)
const CPU_RATE = Number(rateArg)
const SIZES = [
  { width: 1920, height: 1080 },
  { width: 1280, height: 720 },
] as const
const GUIDE_SHOWN =
  'window.__kanal !== undefined && window.__kanal.route() === "guide" && window.__kanal.pageReady() && window.__kanalGuide !== undefined && (window.__kanalGuide.focus() || {}).kind === "programme"'

const series = async (context: BrowserContext, label: string): Promise<number> => {
  const page = await context.newPage()
  const cdp = await context.newCDPSession(page)
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_RATE })
  const frames: Array<{ at: number; data: string }> = []
  let navigatedAt = 0
  cdp.on(
    'Page.screencastFrame',
    (f: { data: string; sessionId: number; metadata: { timestamp?: number } }) => {
      frames.push({ at: (f.metadata.timestamp ?? 0) * 1000, data: f.data })
      void cdp.send('Page.screencastFrameAck', { sessionId: f.sessionId }).catch(() => undefined)
    },
  )
  await cdp.send('Page.startScreencast', { format: 'png', everyNthFrame: 1 })
  navigatedAt = Date.now()
  await page.goto(url)
  await page.waitForFunction(GUIDE_SHOWN, undefined, { timeout: 60_000 })
  // A moment after, to see that nothing jumps once the titles are in.
  await page.waitForTimeout(500)
  await cdp.send('Page.stopScreencast')
  await page.close()
  const viewport = page.viewportSize()
  for (const f of frames) {
    const ms = Math.max(0, Math.round(f.at - navigatedAt))
    fs.writeFileSync(
      path.join(outDir, `${label}-${viewport?.width ?? 0}-${String(ms).padStart(5, '0')}.png`),
      Buffer.from(f.data, 'base64'),
    )
  }
  return frames.length
}

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kanal-shoot-'))
const simulator = createSimulator({
  ...defaultConfig({}),
  port: 0,
  appDir: path.resolve(process.env.LNG_BUILD_FOLDER ?? 'build'),
  dbPath: path.join(dataDir, 'shoot.sqlite'),
  settingsOverride: { appSettings: { testHooks: true } },
})
let url = ''

const main = async (): Promise<void> => {
  fs.mkdirSync(outDir, { recursive: true })
  url = await simulator.listen()
  const browser = await launchChromium()
  try {
    for (const size of SIZES) {
      const context = await browser.newContext({ viewport: size })
      try {
        const cold = await series(context, 'cold')
        const warm = await series(context, 'warm')
        process.stdout.write(`${size.width}x${size.height}: ${cold} frames cold, ${warm} warm\n`)
      } finally {
        await context.close()
      }
    }
  } finally {
    await browser.close()
    await simulator.close()
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`shoot-startup failed: ${String(error)}\n`)
  process.exit(1)
})
