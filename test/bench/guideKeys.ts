import type { Browser, Page } from 'playwright-core'
import type { SizedLineup } from '../../simulator/src/db/seed/sized'
import { startSizedGuideSimulator } from './sizedGuideSimulator'
import { measureHeap, type HeapFigures } from './heap'

/**
 * The guide's figures: key press to the frame that shows the new focus, Lightning elements
 * alive, and the JS heap after many page flips, with a small and a huge lineup. Latency is
 * measured in the page: from the keydown event's timestamp to the first animation frame after
 * the guide moved its focus (window.__kanalGuide.focusMoves), in 60 Hz frames.
 */

const FRAME_MS = 1000 / 60

export interface GuideCaseFigures {
  channels: number
  days: number
  programmes: number
  keyLatencyP95Frames: number
  keyLatencyP50Ms: number
  keyLatencyP95Ms: number
  presses: number
  stageElements: number
  gridElements: number
  /** The heap after a forced GC once the key presses are done (before any page flips). */
  heap: HeapFigures
  heapAfter10Flips?: HeapFigures
  heapAfter100Flips?: HeapFigures
  heapAfter500Flips?: HeapFigures
  /** Twice as many flips again: a leak keeps growing, a cache warming up does not. */
  heapAfterDoubleFlips?: HeapFigures
  texturesAfter10Flips?: TextureFigures
  texturesAfter500Flips?: TextureFigures
}

/** Lightning's texture manager, read through the test hooks (src/ui/shell/testHooks.ts). */
export interface TextureFigures {
  uploaded: number
  uploadedPixels: number
  inUse: number
  inUsePixels: number
}

const textures = (page: Page): Promise<TextureFigures> =>
  page.evaluate('window.__kanal.textures()') as Promise<TextureFigures>

export const percentile = (values: number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN
}

/** Records, in the page, each keydown's time and the frame at which the focus changed. */
const INSTRUMENT = `
  (() => {
    window.__lat = []
    let pending = null
    window.addEventListener('keydown', (e) => {
      const g = window.__kanalGuide
      pending = { at: e.timeStamp, moves: g ? g.focusMoves() : 0 }
    }, true)
    const tick = () => {
      const g = window.__kanalGuide
      if (pending && g && g.focusMoves() !== pending.moves) {
        window.__lat.push(performance.now() - pending.at)
        pending = null
      }
      requestAnimationFrame(tick)
    }
    requestAnimationFrame(tick)
  })()
`

/** The same listener in the plain app: keydown to the next frame (nothing to move there). */
const INSTRUMENT_PLAIN = `
  (() => {
    window.__lat = []
    window.addEventListener('keydown', (e) => {
      const at = e.timeStamp
      requestAnimationFrame(() => window.__lat.push(performance.now() - at))
    }, true)
  })()
`

const settle = (page: Page): Promise<unknown> =>
  page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))))

/** A walk that moves the focus every press and never sticks at an edge for long. */
const WALK = [
  ...Array<string>(6).fill('ArrowDown'),
  ...Array<string>(3).fill('ArrowRight'),
  ...Array<string>(6).fill('ArrowUp'),
  ...Array<string>(3).fill('ArrowLeft'),
  'PageDown',
  'ArrowDown',
  'PageUp',
  'ArrowUp',
]

const latencies = async (page: Page): Promise<number[]> => (await page.evaluate('window.__lat')) as number[]

export const measurePlainKeys = async (browser: Browser, url: string, presses: number): Promise<number[]> => {
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } })
  const page = await context.newPage()
  await page.addInitScript(INSTRUMENT_PLAIN)
  await page.goto(url)
  await page.waitForFunction('window.__plainReady === true', undefined, { timeout: 60_000 })
  for (let i = 0; i < presses; i++) {
    await page.keyboard.press(WALK[i % WALK.length] as string)
    await settle(page)
  }
  const out = await latencies(page)
  await context.close()
  return out
}

/**
 * One lineup: a simulator seeded with it, the app opened on the guide (canvas2d, as the rest
 * of the bench), `presses` focus moves measured, elements counted, then page flips with the
 * heap read after a forced GC at 10 and at `flips`.
 */
export const measureGuideCase = async (
  browser: Browser,
  appDir: string,
  size: SizedLineup,
  options: { presses: number; flips?: number; canvas2d: boolean },
): Promise<GuideCaseFigures> => {
  const { url, seeded, close } = await startSizedGuideSimulator(appDir, size, options.canvas2d)
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } })
  try {
    const page = await context.newPage()
    await page.addInitScript(INSTRUMENT)
    await page.goto(url)
    await page.waitForFunction(
      () => {
        const g = (window as unknown as { __kanalGuide?: { focus(): { kind: string } | null } }).__kanalGuide
        return g?.focus()?.kind === 'programme'
      },
      undefined,
      { timeout: 60_000 },
    )
    // Warm-up: the first presses fill the caches of both the app and the browser.
    for (let i = 0; i < 20; i++) {
      await page.keyboard.press(WALK[i % WALK.length] as string)
      await settle(page)
    }
    await page.evaluate('window.__lat = []')
    for (let i = 0; i < options.presses; i++) {
      await page.keyboard.press(WALK[i % WALK.length] as string)
      await settle(page)
    }
    const lat = await latencies(page)
    const stageElements = (await page.evaluate('window.__kanalGuide.stageElements()')) as number
    const gridElements = (await page.evaluate('window.__kanalGuide.gridElements()')) as number
    const figures: GuideCaseFigures = {
      channels: seeded.channels,
      days: size.days,
      programmes: seeded.programmes,
      presses: lat.length,
      keyLatencyP95Frames: Math.ceil(percentile(lat, 95) / FRAME_MS - 1e-9),
      keyLatencyP50Ms: Number(percentile(lat, 50).toFixed(2)),
      keyLatencyP95Ms: Number(percentile(lat, 95).toFixed(2)),
      stageElements,
      gridElements,
      heap: await measureHeap(page),
    }
    if (options.flips !== undefined) {
      // Page flips down the lineup and back up at its ends, as a viewer browsing channels.
      let direction = 'PageDown'
      let lastRow = -1
      const flip = async (): Promise<void> => {
        await page.keyboard.press(direction)
        await settle(page)
        const row = (await page.evaluate('window.__kanalGuide.focus()?.row ?? -1')) as number
        if (row === lastRow) direction = direction === 'PageDown' ? 'PageUp' : 'PageDown'
        lastRow = row
      }
      for (let i = 0; i < 10; i++) await flip()
      await page.waitForTimeout(500)
      figures.heapAfter10Flips = await measureHeap(page)
      figures.texturesAfter10Flips = await textures(page)
      for (let i = 10; i < 100; i++) await flip()
      await page.waitForTimeout(500)
      figures.heapAfter100Flips = await measureHeap(page)
      for (let i = 100; i < options.flips; i++) await flip()
      await page.waitForTimeout(500)
      figures.heapAfter500Flips = await measureHeap(page)
      figures.texturesAfter500Flips = await textures(page)
      for (let i = options.flips; i < 2 * options.flips; i++) await flip()
      await page.waitForTimeout(500)
      figures.heapAfterDoubleFlips = await measureHeap(page)
    }
    return figures
  } finally {
    await context.close()
    await close()
  }
}
