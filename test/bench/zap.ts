import type { Browser, Page } from 'playwright-core'
import { pathTo, type KeyPosition } from '../../src/ui/components/keyboardLayout'
import { median } from './results'
import type { BenchFigures, Row } from './results'

const ZAPS = Number(process.env.BENCH_ZAPS ?? 20)
const BUDGET = { zapRatio: 1.2 }
const USER = { username: 'anna', password: 'anna' }

/**
 * Runs in both pages before their scripts: Channel Up (PageUp) starts a clock; the first video
 * frame of the stream that replaces the one playing stops it. A new stream is a new source on
 * the <video> (hls.js attaches a fresh MediaSource for each); requestVideoFrameCallback fires
 * when its first frame is handed to the compositor.
 */
const INSTRUMENT = `
(() => {
  window.__zaps = []
  window.__masters = []
  window.__grants = []
  let start = 0
  // Where the time goes: from the key to the request for the new stream's master playlist.
  new PerformanceObserver((list) => {
    for (const e of list.getEntries())
      if (e.startTime < start) continue
      else if (/master[.]m3u8/.test(e.name)) window.__masters.push(e.startTime - start)
      else if (/GetPlayback/.test(e.name)) window.__grants.push([e.startTime - start, e.responseEnd - start])
  }).observe({ type: 'resource' })
  addEventListener('keydown', (e) => {
    if (e.key !== 'PageUp') return
    start = performance.now()
    const before = document.querySelector('video')?.getAttribute('src') ?? ''
    const watch = () => {
      const v = document.querySelector('video')
      const src = v?.getAttribute('src') ?? ''
      if (v && src !== '' && src !== before) {
        v.requestVideoFrameCallback(() => window.__zaps.push(performance.now() - start))
        return
      }
      setTimeout(watch, 0)
    }
    watch()
  }, true)
})()
`

/** The bare page: one <video>, the same hls.js file and settings as Kanal, PageUp to the next stream. */
const barePage = (streams: readonly string[]): string => `<!DOCTYPE html>
<html><head><meta charset="UTF-8"><style>html,body{margin:0;background:#000}video{width:1920px;height:1080px}</style></head>
<body><video muted autoplay playsinline></video>
<script src="./lib/hls.js"></script>
<script>
  const streams = ${JSON.stringify(streams)}
  const video = document.querySelector('video')
  let at = 0
  let hls = null
  const open = () => {
    if (hls) hls.destroy()
    hls = new Hls({ renderTextTracksNatively: false, liveMaxUnchangedPlaylistRefresh: 3, enableWorker: false })
    hls.attachMedia(video)
    hls.loadSource(streams[at % streams.length])
    video.play().catch(() => {})
  }
  addEventListener('keydown', (e) => { if (e.key === 'PageUp') { at += 1; open() } })
  open()
  window.__bareReady = true
</script></body></html>`

/** Waits `n` animation frames (a string: tsx's helpers do not exist in the page). */
const frames = (page: Page, n: number): Promise<unknown> =>
  page.evaluate(
    `new Promise((resolve) => { let left = ${n}; const step = () => (--left <= 0 ? resolve() : requestAnimationFrame(step)); requestAnimationFrame(step) })`,
  )

const zapsSoFar = (page: Page): Promise<number> => page.evaluate('window.__zaps.length') as Promise<number>

/** Presses Channel Up and waits for the new stream's first frame. */
const zap = async (page: Page): Promise<void> => {
  const before = await zapsSoFar(page)
  await page.keyboard.press('PageUp')
  await page
    .waitForFunction(`window.__zaps.length > ${before}`, undefined, { timeout: 30_000 })
    .catch(async (error: unknown) => {
      // Say what the page showed instead of the new channel.
      const seen = await page.evaluate(
        `JSON.stringify({ route: window.__kanal?.route(), hash: location.hash, src: document.querySelector('video')?.getAttribute('src'), toast: window.__kanal?.toast?.() })`,
      )
      throw new Error(`no new stream after Channel Up (zap ${before + 1}): ${String(seen)}`, { cause: error })
    })
  // Let the new channel play a moment, as a viewer would see it before zapping on.
  await frames(page, 30)
}

/** The app's own sign-in page, typed with the arrows and OK (as test/e2e/harness.ts does). */
const signIn = async (page: Page): Promise<void> => {
  await page.evaluate(() => {
    window.location.hash = '#signin'
  })
  await page.waitForFunction(
    () => {
      const k = (window as unknown as { __kanal?: { route(): string; pageReady(): boolean } }).__kanal
      return k?.route() === 'signin' && k.pageReady()
    },
    undefined,
    { timeout: 30_000 },
  )
  const keys: Record<string, string> = {
    Up: 'ArrowUp',
    Down: 'ArrowDown',
    Left: 'ArrowLeft',
    Right: 'ArrowRight',
  }
  let at: KeyPosition = { row: 0, column: 0 }
  const typeKey = async (char: string): Promise<void> => {
    const path = pathTo(at, char)
    for (const move of path.moves) await page.keyboard.press(keys[move] ?? move)
    await page.keyboard.press('Enter')
    at = path.at
  }
  for (const char of USER.username) await typeKey(char)
  await typeKey('next')
  for (const char of USER.password) await typeKey(char)
  await typeKey('submit')
  await page.waitForFunction(
    () => (window as unknown as { __kanal: { route(): string } }).__kanal.route() !== 'signin',
    undefined,
    { timeout: 30_000 },
  )
}

/** Live stream URLs of ch<from>..ch<to>: the channels Channel Up walks through from ch1. */
const liveStreams = async (simUrl: string, from: number, to: number): Promise<string[]> => {
  const login = await fetch(`${simUrl}api/Login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ ...USER, deviceId: 'bench-zap' }),
  })
  const token = ((await login.json()) as { Content: { token: string } }).Content.token
  const out: string[] = []
  for (let i = from; i <= to; i++) {
    const res = await fetch(`${simUrl}api/GetPlayback`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ Kind: 'live', ID: `ch${i}` }),
    })
    const body = (await res.json()) as { StatusCode: number; Content: { HlsURL?: string; URL: string } }
    if (body.StatusCode !== 0) throw new Error(`GetPlayback live ch${i}: ${JSON.stringify(body)}`)
    out.push(new URL(body.Content.HlsURL ?? body.Content.URL, simUrl).toString())
  }
  return out
}

/**
 * Zap time: Channel Up to the first frame of the new channel's video, over `ZAPS` zaps from
 * ch1 up, in Kanal and in a bare page that switches one <video> with the same hls.js between
 * the same streams, alternating the two so that drift on the machine hits both alike.
 */
export const benchZap = async (
  browser: Browser,
  simUrl: string,
): Promise<{ figures: BenchFigures; rows: Row[] }> => {
  const kanalContext = await browser.newContext({ viewport: { width: 1920, height: 1080 } })
  const bareContext = await browser.newContext({ viewport: { width: 1920, height: 1080 } })
  try {
    // The parental lock off for the zapping user: a programme above the age limit (the demo has
    // one on ch10) shows the lock screen and asks for no stream, which the bare page does not.
    const unlocked = await fetch(`${simUrl}qa/another-device`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        userId: USER.username,
        action: 'setParentalControl',
        enabled: false,
        maxRating: 18,
      }),
    })
    if (!unlocked.ok)
      throw new Error(`qa/another-device setParentalControl: ${unlocked.status} ${await unlocked.text()}`)
    const kanal = await kanalContext.newPage()
    await kanal.addInitScript(INSTRUMENT)
    await kanal.goto(simUrl)
    await kanal.waitForFunction(
      () => {
        const k = (window as unknown as { __kanal?: { route(): string } }).__kanal
        return k !== undefined && k.route() !== '' && k.route() !== '$'
      },
      undefined,
      { timeout: 60_000 },
    )
    await signIn(kanal)
    await kanal.evaluate(() => {
      window.location.hash = '#play/live/ch1'
    })
    await kanal.waitForFunction(
      () => {
        const v = document.querySelector('video')
        return v !== null && v.readyState >= 2 && !v.paused && v.currentTime > 0
      },
      undefined,
      { timeout: 60_000 },
    )

    const bare = await bareContext.newPage()
    await bare.addInitScript(INSTRUMENT)
    const bareUrl = `${simUrl}bench-zap.html`
    const html = barePage(await liveStreams(simUrl, 1, ZAPS + 1))
    await bare.route(bareUrl, (route) => route.fulfill({ contentType: 'text/html', body: html }))
    await bare.goto(bareUrl)
    await bare.waitForFunction(
      () => {
        const v = document.querySelector('video')
        return v !== null && v.readyState >= 2 && !v.paused && v.currentTime > 0
      },
      undefined,
      { timeout: 60_000 },
    )

    for (let i = 0; i < ZAPS; i++) {
      await zap(kanal)
      await zap(bare)
    }
    const k = (await kanal.evaluate('window.__zaps')) as number[]
    const b = (await bare.evaluate('window.__zaps')) as number[]
    const kMaster = median((await kanal.evaluate('window.__masters')) as number[])
    const bMaster = median((await bare.evaluate('window.__masters')) as number[])
    const grants = (await kanal.evaluate('window.__grants')) as [number, number][]
    const grantAsked = median(grants.map((g) => g[0]))
    const grantAnswered = median(grants.map((g) => g[1]))
    const sorted = [...k].sort((x, y) => x - y)
    const p95 = sorted[Math.min(sorted.length - 1, Math.ceil(0.95 * sorted.length) - 1)] ?? Number.NaN
    const p50 = median(k)
    const bareP50 = median(b)
    const ratio = Number((p50 / bareP50).toFixed(3))
    const figures: BenchFigures = {
      zapP50Ms: Math.round(p50),
      zapP95Ms: Math.round(p95),
      zapBareP50Ms: Math.round(bareP50),
      zapRatio: ratio,
      zapToStreamRequestP50Ms: Math.round(kMaster),
      zapToStreamRequestBareP50Ms: Math.round(bMaster),
      zapToGetPlaybackP50Ms: Math.round(grantAsked),
      zapToGetPlaybackAnsweredP50Ms: Math.round(grantAnswered),
    }
    const rows: Row[] = [
      {
        figure: `zap: Channel Up to the new channel's first video frame (${k.length} zaps, HLS live)`,
        value: `Kanal p50 ${Math.round(p50)} ms, p95 ${Math.round(p95)} ms / bare hls.js page p50 ${Math.round(bareP50)} ms = ${ratio}x`,
        budget: `<= ${BUDGET.zapRatio}x`,
        verdict: ratio <= BUDGET.zapRatio ? 'met' : 'NOT MET',
      },
      {
        figure: 'zap: Channel Up to the request for the new stream (p50; Kanal asks GetPlayback first)',
        value: `Kanal ${Math.round(kMaster)} ms (GetPlayback asked at ${Math.round(grantAsked)} ms, answered at ${Math.round(grantAnswered)} ms) / bare ${Math.round(bMaster)} ms`,
        budget: 'information',
        verdict: '',
      },
    ]
    return { figures, rows }
  } finally {
    await kanalContext.close()
    await bareContext.close()
  }
}
