import type { Browser } from 'playwright-core'
import { summarise, type CpuProfile, type RequestSpan, type TraceSummary } from './traceSummary'

const GUIDE_SHOWN =
  'window.__kanal !== undefined && window.__kanal.route() === "guide" && window.__kanal.pageReady() && window.__kanalGuide !== undefined && (window.__kanalGuide.focus() || {}).kind === "programme"'

export interface ColdStartTrace {
  cpuRate: number
  /** Navigation start to the guide with titles and focus, in the traced run (profiler on). */
  guideShownMs: number
  summary: TraceSummary
}

/**
 * Kanal's cold start under the CDP profiler (samples every 100 µs) with the network requests
 * of the same load, from navigation to the guide shown with titles and focus, summarised by
 * category (traceSummary.ts). The profiler slows the page a little: the split is what counts.
 */
export const traceColdStart = async (
  browser: Browser,
  url: string,
  cpuRate: number,
): Promise<ColdStartTrace> => {
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } })
  try {
    const page = await context.newPage()
    const cdp = await context.newCDPSession(page)
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuRate })
    const open = new Map<string, number>()
    const spans: RequestSpan[] = []
    let navigationStart: number | undefined
    cdp.on('Network.requestWillBeSent', (e: { requestId: string; timestamp: number; type?: string }) => {
      const at = e.timestamp * 1e6
      if (navigationStart === undefined && e.type === 'Document') navigationStart = at
      open.set(e.requestId, at)
    })
    const end = (e: { requestId: string; timestamp: number }): void => {
      const start = open.get(e.requestId)
      if (start === undefined) return
      open.delete(e.requestId)
      spans.push({ start, end: e.timestamp * 1e6 })
    }
    cdp.on('Network.loadingFinished', end)
    cdp.on('Network.loadingFailed', end)
    await cdp.send('Network.enable')
    await cdp.send('Profiler.enable')
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 })
    await cdp.send('Profiler.start')
    await page.addInitScript(`
      (() => {
        const tick = () => {
          let ready = false
          try { ready = ${GUIDE_SHOWN} } catch (e) { ready = false }
          if (ready) window.__guideShownAt = performance.now()
          else requestAnimationFrame(tick)
        }
        requestAnimationFrame(tick)
      })()
    `)
    await page.goto(url)
    await page.waitForFunction('window.__guideShownAt !== undefined', undefined, { timeout: 60_000 })
    const { profile } = (await cdp.send('Profiler.stop')) as { profile: CpuProfile }
    const guideShownMs = (await page.evaluate('window.__guideShownAt')) as number
    // Requests still open at the end (a long poll) wait until then.
    for (const start of open.values()) spans.push({ start, end: profile.endTime })
    const from = navigationStart ?? profile.startTime
    return {
      cpuRate,
      guideShownMs: Math.round(guideShownMs),
      summary: summarise(profile, spans, { from, to: from + guideShownMs * 1000 }),
    }
  } finally {
    await context.close()
  }
}
