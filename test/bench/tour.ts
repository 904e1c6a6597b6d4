import type { Browser, Page } from 'playwright-core'
import Database from 'better-sqlite3'
import { pathTo, type KeyPosition } from '../../src/ui/components/keyboardLayout'
import { measureHeap, type HeapFigures } from './heap'
import type { TextureFigures } from './guideKeys'

/**
 * The heap across an evening of use: tours of every screen (the guide, a programme's details,
 * recordings, the store, a product, each section of the account, the player and back) by their
 * routes, as the menu and the guide's OK take a viewer there, the heap read after a forced GC
 * after a few tours and after many. Pages the router keeps but never releases, listeners left
 * on a store, textures kept by detached elements: all grow with the tours.
 */

const KEY = { up: 'ArrowUp', down: 'ArrowDown', left: 'ArrowLeft', right: 'ArrowRight', ok: 'Enter' } as const

const ready = async (page: Page, route: string): Promise<void> => {
  try {
    await page.waitForFunction(
      (r) => {
        const k = (
          window as unknown as {
            __kanal?: { route(): string; pageReady(): boolean; focusedTexts(): string[] }
          }
        ).__kanal
        // Drawn, or (a page with texts out of view, which Lightning never draws) focused on a text.
        return k !== undefined && k.route() === r && (k.pageReady() || k.focusedTexts().length > 0)
      },
      route,
      { timeout: 30_000 },
    )
  } catch (error: unknown) {
    // Which page did not come, and what was there instead.
    const shown = await page
      .evaluate(() => {
        const k = (
          window as unknown as {
            __kanal?: { route(): string; pageReady(): boolean; screenTexts(): string[] }
          }
        ).__kanal
        return k
          ? `${k.route()} (ready ${String(k.pageReady())}): ${k.screenTexts().slice(0, 20).join(' | ')}`
          : '-'
      })
      .catch(() => '?')
    throw new Error(`the tour's ${route} was not shown; the screen: ${shown}`, { cause: error })
  }
}

const go = async (page: Page, route: string): Promise<void> => {
  await page.evaluate((r) => {
    window.location.hash = `#${r}`
  }, route)
  await ready(page, route)
}

/** Signs in with the on-screen keyboard (the only way in), as the e2e harness does. */
const signIn = async (page: Page, username: string, password: string): Promise<void> => {
  await go(page, 'signin')
  let at: KeyPosition = { row: 0, column: 0 }
  const typeKey = async (char: string): Promise<void> => {
    const path = pathTo(at, char)
    for (const move of path.moves) await page.keyboard.press(KEY[move.toLowerCase() as keyof typeof KEY])
    await page.keyboard.press(KEY.ok)
    at = path.at
  }
  for (const char of username) await typeKey(char)
  await typeKey('next')
  for (const char of password) await typeKey(char)
  await typeKey('submit')
  await page.waitForFunction(
    () => (window as unknown as { __kanal: { route(): string } }).__kanal.route() !== 'signin',
    undefined,
    { timeout: 15_000 },
  )
}

export interface TourFigures {
  tours: [number, number]
  heapAfterFew: HeapFigures
  heapAfterMany: HeapFigures
  /** JS objects (heap without compiled code), many tours vs few. */
  ratio: number
  /** V8's used heap, compiled code included. */
  ratioWithCode: number
  /** Lightning's textures (window.__kanal.textures()) at both counts. */
  texturesAfterFew: TextureFigures
  texturesAfterMany: TextureFigures
  steps: number
  /** Every script the page loaded on the way (a player library loaded on demand). */
  scripts: string[]
}

/** The routes of one tour, from the simulator's own database (a programme, a product, a channel). */
export const tourRoutes = (dbPath: string, sections: readonly string[]): string[] => {
  const db = new Database(dbPath, { readonly: true })
  try {
    const programme = db.prepare('SELECT id FROM programmes ORDER BY start LIMIT 1 OFFSET 40').get() as
      | { id: number }
      | undefined
    const product = db.prepare('SELECT id FROM products ORDER BY id LIMIT 1').get() as
      | { id: string }
      | undefined
    const channel = db.prepare('SELECT id FROM channels ORDER BY number LIMIT 1').get() as
      | { id: string }
      | undefined
    if (!programme || !product || !channel) throw new Error(`${dbPath} has no programme, product or channel`)
    return [
      'guide',
      `programme/${programme.id}`,
      'recordings',
      'store',
      `store/product/${encodeURIComponent(product.id)}`,
      ...sections.map((s) => `account/${s}`),
      `play/live/${encodeURIComponent(channel.id)}`,
    ]
  } finally {
    db.close()
  }
}

/**
 * Signs in, then tours the routes, calling `checkpoint` on the guide after each count of tours
 * in `checkpoints` (ascending). Returns every script the page loaded on the way.
 */
export const runTours = async (
  browser: Browser,
  url: string,
  routes: string[],
  user: { username: string; password: string },
  checkpoints: number[],
  checkpoint: (page: Page, tours: number) => Promise<void>,
): Promise<string[]> => {
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } })
  try {
    const page = await context.newPage()
    const scripts = new Set<string>()
    page.on('request', (r) => {
      if (r.resourceType() === 'script') scripts.add(r.url())
    })
    await page.goto(url)
    await page.waitForFunction(
      () => {
        const k = (window as unknown as { __kanal?: { route(): string } }).__kanal
        return k !== undefined && k.route() !== '' && k.route() !== '$'
      },
      undefined,
      { timeout: 30_000 },
    )
    await signIn(page, user.username, user.password)
    const tour = async (): Promise<void> => {
      for (const route of routes) await go(page, route)
      // Back from the player, as the viewer leaves it, to the page before it.
      await page.keyboard.press('Escape')
      await page.waitForFunction(
        () => !(window as unknown as { __kanal: { route(): string } }).__kanal.route().startsWith('play/'),
        undefined,
        { timeout: 15_000 },
      )
    }
    let done = 0
    for (const n of checkpoints) {
      for (; done < n; done++) await tour()
      await go(page, 'guide')
      await checkpoint(page, n)
    }
    return [...scripts]
  } finally {
    await context.close()
  }
}

export const measureTours = async (
  browser: Browser,
  url: string,
  routes: string[],
  user: { username: string; password: string },
  tours: [few: number, many: number],
): Promise<TourFigures> => {
  const heaps: HeapFigures[] = []
  const textures: TextureFigures[] = []
  const scripts = await runTours(browser, url, routes, user, tours, async (page) => {
    heaps.push(await measureHeap(page))
    textures.push((await page.evaluate('window.__kanal.textures()')) as TextureFigures)
  })
  const [few, many] = heaps as [HeapFigures, HeapFigures]
  const [texturesAfterFew, texturesAfterMany] = textures as [TextureFigures, TextureFigures]
  return {
    scripts,
    tours,
    heapAfterFew: few,
    heapAfterMany: many,
    ratio: Number((many.objectsBytes / few.objectsBytes).toFixed(3)),
    ratioWithCode: Number((many.usedBytes / few.usedBytes).toFixed(3)),
    texturesAfterFew,
    texturesAfterMany,
    steps: routes.length + 1,
  }
}
