import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Browser, Page, Request } from 'playwright-core'
import { createSimulator, Simulator } from '../../simulator/src/server'
import { defaultConfig } from '../../simulator/src/config'
import { launchChromium } from './browser'
import { pathTo, type KeyPosition } from '../../src/ui/components/keyboardLayout'

export const ROOT = path.resolve(__dirname, '..', '..')
export const RESULTS = path.join(ROOT, 'test-results')

/** The remote's keys as Playwright presses them on the desktop key map (README). */
export const REMOTE = {
  up: 'ArrowUp',
  down: 'ArrowDown',
  left: 'ArrowLeft',
  right: 'ArrowRight',
  ok: 'Enter',
  back: 'Escape',
  backspace: 'Backspace',
  menu: 'm',
  channelUp: 'PageUp',
  channelDown: 'PageDown',
  red: 'F1',
  green: 'F2',
  yellow: 'F3',
  blue: 'F4',
  info: 'i',
} as const
export type RemoteButton = keyof typeof REMOTE

/**
 * The app settings every e2e simulator serves: the test hooks on, no collapse window for the
 * checks a viewer triggers, so that opening a screen again is "the next poll" at once (the
 * collapse itself is the poller's unit tests' business), and the player's grant renewed every
 * 3 s, so that a right withdrawn while watching shows within seconds.
 */
export const E2E_APP_SETTINGS = { testHooks: true, pollCollapseSeconds: 0, playbackCheckSeconds: 3 } as const

/**
 * Polls `check` until it holds (a request in the simulator's log, a row in its database) and
 * throws after `timeoutMs`; for what the page cannot be asked about with waitForFunction.
 */
export const until = async (
  what: string,
  check: () => boolean | Promise<boolean>,
  timeoutMs = 15_000,
): Promise<void> => {
  const deadline = Date.now() + timeoutMs
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms`)
    await new Promise((r) => setTimeout(r, 50))
  }
}

export interface TestSimulator {
  url: string
  dir: string
  close(): Promise<void>
}

/**
 * The e2e simulators' configuration. `KANAL_CLOCK_START` (Unix seconds) starts their clock at a
 * chosen time, to run a test at the time of day it once failed at; by default, real time.
 */
const e2eConfig = () => defaultConfig({ KANAL_CLOCK_START: process.env.KANAL_CLOCK_START })

/**
 * A simulator on a free loopback port with a throw-away database and the test hooks on;
 * `appSettings` adds to E2E_APP_SETTINGS (voice guidance on, for one).
 */
export const startTestSimulator = async (
  appSettings: Record<string, unknown> = {},
): Promise<TestSimulator> => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kanal-e2e-'))
  const appDir = path.join(ROOT, process.env.LNG_BUILD_FOLDER ?? 'build')
  if (!fs.existsSync(path.join(appDir, 'appBundle.js'))) {
    throw new Error('build/appBundle.js is missing: run "npm run build" before the e2e tests')
  }
  const simulator: Simulator = createSimulator({
    ...e2eConfig(),
    port: 0,
    appDir,
    dbPath: path.join(dir, 'kanal.sqlite'),
    settingsOverride: { appSettings: { ...E2E_APP_SETTINGS, ...appSettings } },
  })
  const url = await simulator.listen()
  return {
    url,
    dir,
    close: async () => {
      await simulator.close()
      fs.rmSync(dir, { recursive: true, force: true })
    },
  }
}

export interface Tv {
  browser: Browser
  page: Page
  /** Console errors and page errors seen so far. */
  errors: string[]
  press(...buttons: RemoteButton[]): Promise<void>
  route(): Promise<string>
  focusPath(): Promise<string[]>
  focusedTexts(): Promise<string[]>
  screenTexts(): Promise<string[]>
  toast(): Promise<string>
  waitForRoute(route: string): Promise<void>
  waitForText(text: string): Promise<void>
  /**
   * Resolves once no operator call of the page has been in flight for `quietMs`: the answers
   * the screen asked for are in. The only way to say that a call did NOT follow.
   */
  quiet(quietMs?: number): Promise<void>
  /** Resolves when an operator call that starts after this call has been answered. */
  nextAnswer(): Promise<void>
  screenshot(name: string): Promise<string>
  close(): Promise<void>
}

const hook = <T>(page: Page, name: string): Promise<T> =>
  page.evaluate((fn) => {
    const hooks = (window as unknown as { __kanal?: Record<string, () => unknown> }).__kanal
    if (!hooks) throw new Error('window.__kanal is missing: is testHooks on?')
    const f = hooks[fn]
    if (!f) throw new Error(`no test hook ${fn}`)
    return f()
  }, name) as Promise<T>

/**
 * One Chromium per test file (jest loads this module once per file), closed after the file;
 * each Tv is a context of its own, so nothing (storage, IndexedDB, routes) is shared.
 */
let sharedBrowser: Promise<Browser> | undefined
const browserOfFile = (): Promise<Browser> => (sharedBrowser ??= launchChromium())
afterAll(async () => {
  const browser = sharedBrowser
  sharedBrowser = undefined
  await (await browser)?.close()
})

/** The app's calls to the operator (not its files, not the video it plays). */
const isOperatorCall = (request: Request): boolean =>
  ['fetch', 'xhr'].includes(request.resourceType()) && !/\/api\/streams\//.test(request.url())

export interface Viewport {
  width: number
  height: number
}

export interface TvOptions {
  /** 1920x1080 unless told (many TV browsers run at 1280x720). */
  viewport?: Viewport
  /** Runs in the page before the app's scripts, as a TV platform's injected globals do. */
  initScript?: string
  /** Runs first on the new tab (an init script that replaces a browser API). */
  beforeLoad?: (page: Page) => Promise<void>
}

/** Opens the app at `hash` in a Chromium tab and waits for the first page. */
export const openTv = async (baseUrl: string, hash = '', options: TvOptions = {}): Promise<Tv> => {
  const browser = await browserOfFile()
  const context = await browser.newContext({ viewport: options.viewport ?? { width: 1920, height: 1080 } })
  if (options.initScript !== undefined) await context.addInitScript({ content: options.initScript })
  const page = await context.newPage()
  if (options.beforeLoad) await options.beforeLoad(page)
  const inFlight = new Set<Request>()
  let lastActivity = Date.now()
  const started = new Set<(request: Request) => void>()
  page.on('request', (r) => {
    if (!isOperatorCall(r)) return
    inFlight.add(r)
    lastActivity = Date.now()
    for (const f of started) f(r)
  })
  const ended = (r: Request): void => {
    if (inFlight.delete(r)) lastActivity = Date.now()
  }
  page.on('requestfinished', ended)
  page.on('requestfailed', ended)
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`))
  page.on('console', (m) => {
    // Chromium asks for /favicon.ico by itself; that 404 is not the app's.
    if (m.type() === 'error' && !m.location().url.endsWith('/favicon.ico')) {
      errors.push(`console: ${m.text()} (${m.location().url})`)
    }
  })
  await page.goto(`${baseUrl}${hash ? `#${hash}` : ''}`)
  await page.waitForFunction(
    () => {
      const k = (window as unknown as { __kanal?: { route(): string } }).__kanal
      return k !== undefined && k.route() !== '' && k.route() !== '$'
    },
    undefined,
    { timeout: 30000 },
  )

  const tv: Tv = {
    browser,
    page,
    errors,
    async press(...buttons) {
      for (const b of buttons) {
        await page.keyboard.press(REMOTE[b])
        // One frame or two for Lightning to process the key and move focus.
        await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))))
      }
    },
    route: () => hook<string>(page, 'route'),
    focusPath: () => hook<string[]>(page, 'focusPath'),
    focusedTexts: () => hook<string[]>(page, 'focusedTexts'),
    screenTexts: () => hook<string[]>(page, 'screenTexts'),
    toast: () => hook<string>(page, 'toast'),
    async waitForRoute(route) {
      await page.waitForFunction(
        (r) => (window as unknown as { __kanal: { route(): string } }).__kanal.route() === r,
        route,
        { timeout: 15000 },
      )
    },
    async waitForText(text) {
      try {
        await page.waitForFunction(
          (t) =>
            (window as unknown as { __kanal: { screenTexts(): string[] } }).__kanal.screenTexts().includes(t),
          text,
          { timeout: 15000 },
        )
      } catch (error: unknown) {
        // A text that never came is only understood with what the screen showed instead.
        const shown = await page
          .evaluate(() =>
            (window as unknown as { __kanal: { screenTexts(): string[] } }).__kanal.screenTexts(),
          )
          .catch(() => [] as string[])
        fs.mkdirSync(RESULTS, { recursive: true })
        const file = path.join(RESULTS, `missing-${text.replace(/[^\w]+/g, '-').slice(0, 40)}.png`)
        await page.screenshot({ path: file }).catch(() => undefined)
        throw new Error(
          `"${text}" not on screen within 15 s (route ${await page
            .evaluate(() => (window as unknown as { __kanal: { route(): string } }).__kanal.route())
            .catch(
              () => '?',
            )}; screenshot ${path.relative(ROOT, file)}); the screen showed: ${JSON.stringify(shown.slice(0, 40))}`,
          { cause: error },
        )
      }
    },
    async quiet(quietMs = 400) {
      await until(
        'the operator calls to end',
        () => inFlight.size === 0 && Date.now() - lastActivity >= quietMs,
        20_000,
      )
    },
    nextAnswer() {
      return new Promise<void>((resolve) => {
        const watch = (request: Request): void => {
          started.delete(watch)
          void request
            .response()
            .then((response) => response?.finished())
            .then(
              () => resolve(),
              () => resolve(),
            )
        }
        started.add(watch)
      })
    },
    async screenshot(name) {
      fs.mkdirSync(RESULTS, { recursive: true })
      const file = path.join(RESULTS, `${name}.png`)
      // Transitions end first, so that the picture shows the final state.
      await page.waitForFunction(
        () => (window as unknown as { __kanal: { settled(): boolean } }).__kanal.settled(),
        undefined,
        { timeout: 10_000 },
      )
      await page.screenshot({ path: file })
      return file
    },
    close: () => context.close(),
  }
  return tv
}

/**
 * Signs in the way a viewer does: the sign-in page, the on-screen keyboard driven with the
 * arrows and OK (src/ui/components/keyboardLayout.ts says where each key is), then back to the
 * page the viewer came from. Resolves once the sign-in page has closed.
 */
export const signIn = async (tv: Tv, username: string, password: string): Promise<void> => {
  await tv.page.evaluate(() => {
    window.location.hash = '#signin'
  })
  await tv.waitForRoute('signin')
  await tv.page.waitForFunction(() =>
    (window as unknown as { __kanal: { pageReady(): boolean } }).__kanal.pageReady(),
  )
  let at: KeyPosition = { row: 0, column: 0 }
  // Lightning handles each key as it arrives, so typing does not wait for a frame between keys
  // (a quick viewer); what counts is where the page goes after the last one.
  const key = (button: RemoteButton): Promise<void> => tv.page.keyboard.press(REMOTE[button])
  const typeKey = async (char: string): Promise<void> => {
    const path = pathTo(at, char)
    for (const move of path.moves) await key(move.toLowerCase() as RemoteButton)
    await key('ok')
    at = path.at
  }
  for (const char of username) await typeKey(char)
  await typeKey('next')
  for (const char of password) await typeKey(char)
  await typeKey('submit')
  await tv.page.waitForFunction(
    () => (window as unknown as { __kanal: { route(): string } }).__kanal.route() !== 'signin',
    undefined,
    { timeout: 15000 },
  )
}

/**
 * A simulator that can be stopped and started again on the same database and the same port, as
 * when the operator goes away and comes back: the browser's session, cache and IndexedDB stay
 * valid across it. `close` stops it for good and removes the database.
 */
export interface RestartableSimulator extends TestSimulator {
  /** Stops answering (connections are refused); the database is kept. */
  stop(): Promise<void>
  /** Answers again on the same URL with the same data (its clock starts again, as at first). */
  start(): Promise<void>
}

/** `appSettings` is merged over the e2e settings (the chaos run draws with canvas2d, say). */
export const startRestartableSimulator = async (
  appSettings: Record<string, unknown> = {},
): Promise<RestartableSimulator> => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kanal-e2e-'))
  const appDir = path.join(ROOT, process.env.LNG_BUILD_FOLDER ?? 'build')
  if (!fs.existsSync(path.join(appDir, 'appBundle.js'))) {
    throw new Error('build/appBundle.js is missing: run "npm run build" before the e2e tests')
  }
  const make = (port: number): Simulator =>
    createSimulator({
      ...e2eConfig(),
      port,
      appDir,
      dbPath: path.join(dir, 'kanal.sqlite'),
      settingsOverride: { appSettings: { ...E2E_APP_SETTINGS, ...appSettings } },
    })
  let simulator: Simulator | undefined = make(0)
  const url = await simulator.listen()
  const port = Number(new URL(url).port)
  return {
    url,
    dir,
    async stop() {
      await simulator?.close()
      simulator = undefined
    },
    async start() {
      if (simulator) return
      simulator = make(port)
      await simulator.listen()
    },
    async close() {
      await simulator?.close()
      simulator = undefined
      fs.rmSync(dir, { recursive: true, force: true })
    },
  }
}

/**
 * Keeps a copy of the app's own files (bundle, settings, fonts, translations) as they load, and
 * serves that copy when the server does not answer: a set-top box has its app installed, so a
 * restart without the operator still starts the app. Operator calls (/api, /qa) are never kept.
 * Call it before the first load whose files should be kept.
 */
export const keepAppFiles = async (tv: Tv): Promise<void> => {
  const kept = new Map<string, { status: number; headers: Record<string, string>; body: Buffer }>()
  await tv.page.context().route('**/*', async (route) => {
    const url = new URL(route.request().url())
    if (url.pathname.startsWith('/api/') || url.pathname.startsWith('/qa/')) return route.continue()
    const key = url.origin + url.pathname
    try {
      const response = await route.fetch()
      const body = await response.body()
      if (response.ok()) kept.set(key, { status: response.status(), headers: response.headers(), body })
      return route.fulfill({ response, body })
    } catch {
      const copy = kept.get(key)
      if (copy) return route.fulfill(copy)
      return route.abort()
    }
  })
}

/**
 * Restarts the app in the same browser context, as a box that is switched off and on keeps its
 * IndexedDB and saved session; resolves once the first page is shown again.
 */
export const reloadTv = async (tv: Tv, hash?: string): Promise<void> => {
  if (hash !== undefined) {
    await tv.page.goto(`${new URL(tv.page.url()).origin}/#${hash}`)
    await tv.page.reload()
  } else await tv.page.reload()
  await tv.page.waitForFunction(
    () => {
      const k = (window as unknown as { __kanal?: { route(): string } }).__kanal
      return k !== undefined && k.route() !== '' && k.route() !== '$'
    },
    undefined,
    { timeout: 30000 },
  )
}

/** The operator calls the simulator logged (GET /qa/requests), by method name: "GetRecordings". */
export const apiCalls = async (simUrl: string): Promise<string[]> => {
  const log = (await (await fetch(`${simUrl}qa/requests`)).json()) as { requests: { path: string }[] }
  return log.requests.map((r) => r.path.replace(/^\/api\//, ''))
}

/** Waits until the simulator has logged a call to `name` ("GetRecordings"). */
export const waitForCall = (simUrl: string, name: string, timeoutMs = 15_000): Promise<void> =>
  until(`a call to ${name}`, async () => (await apiCalls(simUrl)).includes(name), timeoutMs)

/** Forgets the request log, so that what follows can be counted from zero. */
export const clearApiCalls = async (simUrl: string): Promise<void> => {
  await fetch(`${simUrl}qa/requests`, { method: 'DELETE' })
}

/** POSTs a QA control (/qa/another-device, /qa/clock, /qa/faults...) and returns its JSON. */
export const qa = async (simUrl: string, control: string, body: unknown): Promise<unknown> => {
  const response = await fetch(`${simUrl}qa/${control}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
  const json: unknown = await response.json()
  if (!response.ok) throw new Error(`qa/${control} answered ${response.status}: ${JSON.stringify(json)}`)
  return json
}
