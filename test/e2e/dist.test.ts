/**
 * The standalone build: `npm run dist`, copied as it is to a plain static web server (node's
 * http and fs here, on a port and host of its own), with its settings.json edited to point at
 * the simulator's absolute /api URL, as an operator would. The API calls are then cross-origin
 * (the simulator answers them with CORS). In Chromium without Firebolt: no Firebolt chunk is
 * requested and no error is logged. At 1920x1080 and at 1280x720 (many TV browsers).
 */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import {
  E2E_APP_SETTINGS,
  ROOT,
  apiCalls,
  openTv,
  signIn,
  startTestSimulator,
  until,
  type TestSimulator,
  type Tv,
  type Viewport,
} from './harness'

jest.setTimeout(240_000)

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
}

/** Any static web server: files by path, index.html for a folder, 404 otherwise. */
const serveStatic = (root: string, requested: string[]): http.Server =>
  http.createServer((req, res) => {
    const urlPath = decodeURIComponent(new URL(req.url ?? '/', 'http://static').pathname)
    requested.push(urlPath)
    const file = path.join(root, urlPath.endsWith('/') ? `${urlPath}index.html` : urlPath)
    if (!file.startsWith(root) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found')
      return
    }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' })
    fs.createReadStream(file).pipe(res)
  })

interface GuideFocus {
  kind: string
  /** The focused row's channel number. */
  channel: number
}

const guideFocus = (tv: Tv): Promise<GuideFocus | null> =>
  tv.page.evaluate(
    () =>
      (window as unknown as { __kanalGuide?: { focus(): GuideFocus | null } }).__kanalGuide?.focus() ?? null,
  )

const onProgramme = async (tv: Tv): Promise<GuideFocus> => {
  await tv.page.waitForFunction(
    () =>
      (window as unknown as { __kanalGuide?: { focus(): { kind: string } | null } }).__kanalGuide?.focus()
        ?.kind === 'programme',
    undefined,
    { timeout: 20_000 },
  )
  return (await guideFocus(tv)) as GuideFocus
}

const canvasSize = (tv: Tv): Promise<{ width: number; height: number }> =>
  tv.page.evaluate(() => {
    const canvas = document.querySelector('canvas')
    return { width: canvas?.width ?? 0, height: canvas?.height ?? 0 }
  })

/**
 * A Firebolt device as its platform presents itself before the app starts: a transport factory
 * in window.__firebolt. The fake answers the SDK's JSON-RPC and records the methods called;
 * window.__fakeFirebolt.emit sends a lifecycle event as the device would.
 */
const FAKE_FIREBOLT_DEVICE = `
(() => {
  const answers = {
    'localization.locale': 'es-ES',
    'device.name': 'Salon TV',
    'accessibility.voiceGuidanceSettings': { enabled: false, navigationHints: false, rate: 1 },
  }
  const listening = {}
  const called = []
  let receiver = null
  const reply = (id, result) => setTimeout(() => receiver && receiver(JSON.stringify({ jsonrpc: '2.0', id, result })))
  const handle = (request) => {
    called.push(request.method)
    const [module, method] = request.method.split('.')
    if (/^on[A-Z]/.test(method) && request.params && request.params.listen) {
      const event = module + '.' + method.charAt(2).toLowerCase() + method.slice(3)
      listening[event] = request.id
      return reply(request.id, { listening: true, event })
    }
    reply(request.id, request.method in answers ? answers[request.method] : null)
  }
  const transport = {
    send(message) {
      const parsed = JSON.parse(message)
      ;(Array.isArray(parsed) ? parsed : [parsed]).forEach(handle)
    },
    receive(callback) { receiver = callback },
  }
  window.__firebolt = { getTransportLayer: () => transport }
  window.__fakeFirebolt = {
    called,
    emit(event, data) {
      if (!(event in listening)) throw new Error('the app does not listen to ' + event)
      reply(listening[event], data)
    },
  }
})()
`

const fireboltCalled = (tv: Tv): Promise<string[]> =>
  tv.page.evaluate(
    () => (window as unknown as { __fakeFirebolt: { called: string[] } }).__fakeFirebolt.called,
  )

describe('npm run dist, served by a plain static server', () => {
  let sim: TestSimulator
  let server: http.Server
  let dir: string
  let appUrl: string
  const requested: string[] = []
  let tv: Tv | undefined

  beforeAll(async () => {
    execFileSync('npm', ['run', '--silent', 'dist'], { cwd: ROOT, stdio: 'pipe' })
    sim = await startTestSimulator()
    // The dist folder as an operator would deploy it, its settings.json edited by hand.
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kanal-dist-'))
    fs.cpSync(path.join(ROOT, 'dist'), dir, { recursive: true })
    const settingsFile = path.join(dir, 'settings.json')
    const settings = JSON.parse(fs.readFileSync(settingsFile, 'utf8')) as { appSettings: object }
    settings.appSettings = {
      ...settings.appSettings,
      ...E2E_APP_SETTINGS,
      apiBaseUrl: new URL('api', sim.url).toString(),
    }
    fs.writeFileSync(settingsFile, JSON.stringify(settings, null, 2))
    server = serveStatic(dir, requested)
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    appUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`
  })
  afterAll(async () => {
    await new Promise((resolve) => server?.close(resolve))
    await sim?.close()
    if (dir) fs.rmSync(dir, { recursive: true, force: true })
  })
  afterEach(async () => {
    if (tv) expect(tv.errors).toEqual([])
    await tv?.close()
    tv = undefined
  })

  it('holds only what index.html loads, and what the app loads on demand (its later chunk, Firebolt, hls.js)', () => {
    const files = fs.readdirSync(path.join(ROOT, 'dist')).sort()
    expect(files).toEqual([
      'appBundle.js',
      'chunks',
      'index.html',
      'lib',
      'metadata.json',
      'settings.json',
      'static',
    ])
    const chunks = fs.readdirSync(path.join(ROOT, 'dist', 'chunks'))
    expect(chunks.filter((c) => !/^(chunk|later)-[0-9A-Z]+\.js$/.test(c))).toEqual([])
    expect(chunks.filter((c) => c.startsWith('later-'))).toHaveLength(1)
    expect(fs.readdirSync(path.join(ROOT, 'dist', 'lib')).sort()).toEqual([
      'firebolt.js',
      'hls.js',
      'lightning-inspect.js',
      'lightning.js',
    ])
  })

  it.each<[string, Viewport]>([
    ['1920x1080', { width: 1920, height: 1080 }],
    ['1280x720', { width: 1280, height: 720 }],
  ])(
    'boots at %s: the guide from the operator of settings.json, one key moves the focus',
    async (name, viewport) => {
      requested.length = 0
      tv = await openTv(appUrl, '', { viewport })
      await tv.waitForRoute('guide')
      const before = await onProgramme(tv)
      await tv.press('down')
      await until('the focus to move to the next channel', async () => {
        const now = await guideFocus(tv as Tv)
        return now !== null && now.channel !== before.channel
      })
      // The stage fills the window, whatever its size.
      expect(await canvasSize(tv)).toEqual(viewport)
      // The guide came from the simulator, across origins.
      expect(await apiCalls(sim.url)).toContain('GetGuide')
      // A plain browser: the Firebolt SDK is never even downloaded.
      expect(requested).toContain('/appBundle.js')
      expect(requested.some((r) => /^\/chunks\/later-\w+\.js$/.test(r))).toBe(true)
      expect(requested).not.toContain('/lib/firebolt.js')
      await tv.screenshot(`dist-${name}-guide`)
    },
  )

  it('at 1280x720: store, recordings, account and player for a signed-in viewer; the player stops in background', async () => {
    tv = await openTv(appUrl, '', { viewport: { width: 1280, height: 720 } })
    await signIn(tv, 'anna', 'anna')
    await tv.waitForRoute('guide')
    await onProgramme(tv)
    await tv.screenshot('dist-1280x720-guide-anna')
    for (const route of ['store', 'recordings', 'account']) {
      await tv.page.evaluate((h) => {
        window.location.hash = h
      }, `#${route}`)
      await tv.waitForRoute(route)
      await tv.quiet()
      await tv.screenshot(`dist-1280x720-${route}`)
    }
    await tv.page.evaluate(() => {
      window.location.hash = '#play/live/ch1'
    })
    await tv.waitForRoute('play/live/ch1')
    await tv.page.waitForFunction(() => {
      const video = document.querySelector('video')
      return video !== null && video.currentTime > 0
    })
    await tv.screenshot('dist-1280x720-player')

    // Sent to the background (the page hidden; on Firebolt, its lifecycle): the video is let go.
    const setHidden = (hidden: boolean) =>
      (tv as Tv).page.evaluate((h) => {
        Object.defineProperty(document, 'visibilityState', {
          value: h ? 'hidden' : 'visible',
          configurable: true,
        })
        document.dispatchEvent(new Event('visibilitychange'))
      }, hidden)
    await setHidden(true)
    await tv.page.waitForFunction(() => !document.querySelector('video')?.getAttribute('src'))
    // Back in front: playing again.
    await setHidden(false)
    await tv.page.waitForFunction(() => {
      const video = document.querySelector('video')
      return video !== null && !!video.getAttribute('src') && !video.paused && video.currentTime > 0
    })
  })

  it('on a Firebolt device: the SDK chunk loaded, Lifecycle.ready, its language, its name at sign-in, its lifecycle', async () => {
    requested.length = 0
    tv = await openTv(appUrl, '', { initScript: FAKE_FIREBOLT_DEVICE })
    await tv.waitForRoute('guide')
    expect(requested).toContain('/lib/firebolt.js')
    await until('Lifecycle.ready', async () => (await fireboltCalled(tv as Tv)).includes('lifecycle.ready'))
    // The device's locale, es-ES, while the viewer has chosen no language.
    await tv.waitForText('Guía')
    await signIn(tv, 'anna', 'anna')
    const sessions = (await (await fetch(`${sim.url}qa/sessions`)).json()) as {
      sessions: { userName: string | null; deviceName: string | null }[]
    }
    expect(sessions.sessions.map((s) => s.deviceName)).toContain('Salon TV')
    await tv.page.evaluate(() => {
      window.location.hash = '#play/live/ch1'
    })
    await tv.waitForRoute('play/live/ch1')
    const playing = () =>
      (tv as Tv).page.waitForFunction(() => {
        const video = document.querySelector('video')
        return video !== null && !!video.getAttribute('src') && !video.paused && video.currentTime > 0
      })
    await playing()
    const emit = (state: string, previous: string) =>
      (tv as Tv).page.evaluate(
        ([s, p]) =>
          (
            window as unknown as { __fakeFirebolt: { emit(e: string, d: unknown): void } }
          ).__fakeFirebolt.emit(`lifecycle.${s}`, { state: s, previous: p }),
        [state, previous] as const,
      )
    await emit('background', 'foreground')
    await tv.page.waitForFunction(() => !document.querySelector('video')?.getAttribute('src'))
    await emit('foreground', 'background')
    await playing()
  })
})
