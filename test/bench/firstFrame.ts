import type { Browser } from 'playwright-core'

export type Milestone = 'plain' | 'kanalFirstFrame' | 'kanalGuide'

// Sampled every animation frame. The plain app's only screen; Kanal's first screen (whatever
// page it is: the boot page while it boots); Kanal's guide drawn with the focus on it.
const READY: Record<Milestone, string> = {
  plain: 'window.__plainReady === true',
  kanalFirstFrame: 'window.__kanal !== undefined && window.__kanal.pageReady()',
  kanalGuide:
    'window.__kanal !== undefined && window.__kanal.route() === "guide" && window.__kanal.pageReady() && window.__kanal.focusedTexts().length > 0',
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
): Promise<Record<M, number>> => {
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } })
  const page = await context.newPage()
  const cdp = await context.newCDPSession(page)
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuRate })
  const checks = milestones.map((m) => `[${JSON.stringify(m)}, () => ${READY[m]}]`).join(', ')
  await page.addInitScript(`
    (() => {
      const pending = [${checks}]
      window.__milestones = {}
      const tick = () => {
        for (let i = pending.length - 1; i >= 0; i--) {
          let ready = false
          try { ready = pending[i][1]() } catch (e) { ready = false }
          if (ready) { window.__milestones[pending[i][0]] = performance.now(); pending.splice(i, 1) }
        }
        if (pending.length) requestAnimationFrame(tick)
      }
      requestAnimationFrame(tick)
    })()
  `)
  await page.goto(url)
  await page.waitForFunction(`Object.keys(window.__milestones).length === ${milestones.length}`, undefined, {
    timeout: 60_000,
  })
  const times = (await page.evaluate('window.__milestones')) as Record<M, number>
  await context.close()
  return times
}
