import type { Browser, BrowserContext } from 'playwright-core'

export type Milestone = 'plain' | 'kanalFirstFrame' | 'kanalGuide' | 'kanalGuideTitles'

// Sampled every animation frame. The plain app's only screen; Kanal's first screen (whatever
// page it is: the boot page while it boots); Kanal's guide drawn with the focus on it (a
// programme or its placeholder); the guide with programme titles and the focus on a programme.
const READY: Record<Milestone, string> = {
  plain: 'window.__plainReady === true',
  kanalFirstFrame: 'window.__kanal !== undefined && window.__kanal.pageReady()',
  kanalGuide:
    'window.__kanal !== undefined && window.__kanal.route() === "guide" && window.__kanal.pageReady() && window.__kanal.focusedTexts().length > 0',
  kanalGuideTitles:
    'window.__kanal !== undefined && window.__kanal.route() === "guide" && window.__kanal.pageReady() && window.__kanalGuide !== undefined && (window.__kanalGuide.focus() || {}).kind === "programme"',
}

export interface MilestoneRun<M extends Milestone> {
  /** Milliseconds from navigation start to the first frame at which each milestone held. */
  times: Record<M, number>
  /** The scripts the page had loaded (absolute URLs) when each milestone was first seen. */
  scripts: Record<M, string[]>
  /** Every script the page loaded until the last milestone and a moment after it. */
  allScripts: string[]
}

// Resource timing entries of scripts: those of <script> tags and of scripts added later.
const SCRIPTS_NOW = `performance.getEntriesByType('resource').filter((e) => e.initiatorType === 'script' || /\\.m?js([?#]|$)/.test(e.name)).map((e) => e.name)`

const instrument = (milestones: Milestone[]): string => {
  const checks = milestones.map((m) => `[${JSON.stringify(m)}, () => ${READY[m]}]`).join(', ')
  return `
    (() => {
      const pending = [${checks}]
      window.__milestones = {}
      window.__milestoneScripts = {}
      const tick = () => {
        for (let i = pending.length - 1; i >= 0; i--) {
          let ready = false
          try { ready = pending[i][1]() } catch (e) { ready = false }
          if (ready) {
            window.__milestones[pending[i][0]] = performance.now()
            window.__milestoneScripts[pending[i][0]] = ${SCRIPTS_NOW}
            pending.splice(i, 1)
          }
        }
        if (pending.length) requestAnimationFrame(tick)
      }
      requestAnimationFrame(tick)
    })()
  `
}

/** One page load in `context` at the CPU throttling rate, until every milestone has held. */
const run = async <M extends Milestone>(
  context: BrowserContext,
  url: string,
  milestones: M[],
  cpuRate: number,
): Promise<MilestoneRun<M>> => {
  const page = await context.newPage()
  const cdp = await context.newCDPSession(page)
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuRate })
  await page.addInitScript(instrument(milestones))
  await page.goto(url)
  await page.waitForFunction(`Object.keys(window.__milestones).length === ${milestones.length}`, undefined, {
    timeout: 60_000,
  })
  const times = (await page.evaluate('window.__milestones')) as Record<M, number>
  const scripts = (await page.evaluate('window.__milestoneScripts')) as Record<M, string[]>
  const allScripts = (await page.evaluate(SCRIPTS_NOW)) as string[]
  await cdp.detach()
  await page.close()
  return { times, scripts, allScripts }
}

/**
 * Milliseconds from navigation start to the first animation frame at which each milestone
 * holds, in a fresh browser context (cold cache) at the given CPU throttling rate.
 */
export const measureMilestones = async <M extends Milestone>(
  browser: Browser,
  url: string,
  milestones: M[],
  cpuRate: number,
): Promise<MilestoneRun<M>> => {
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } })
  try {
    return await run(context, url, milestones, cpuRate)
  } finally {
    await context.close()
  }
}

/**
 * A second start on a box that has run the app before: the same browser profile (HTTP cache,
 * local storage, IndexedDB) after a first start that reached `fillUntil` and let the app's
 * saves finish (`settleMs`); only the second start is measured.
 */
export const measureWarmStart = async <M extends Milestone>(
  browser: Browser,
  url: string,
  fillUntil: Milestone,
  milestones: M[],
  cpuRate: number,
  settleMs = 1500,
): Promise<MilestoneRun<M>> => {
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } })
  try {
    const first = await context.newPage()
    await first.addInitScript(instrument([fillUntil]))
    await first.goto(url)
    await first.waitForFunction('Object.keys(window.__milestones).length === 1', undefined, {
      timeout: 60_000,
    })
    // The app saves what it fetched (the guide's window) after drawing it: give that its time.
    await first.waitForTimeout(settleMs)
    await first.close()
    return await run(context, url, milestones, cpuRate)
  } finally {
    await context.close()
  }
}
