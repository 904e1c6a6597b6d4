import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { startSizedGuideSimulator } from './sizedGuideSimulator'
import { launchChromium } from '../e2e/browser'
import { createSimulator } from '../../simulator/src/server'
import { defaultConfig } from '../../simulator/src/config'
import { ACCOUNT_SECTIONS } from '../../src/ui/account/sections'
import { runTours, tourRoutes } from './tour'
import { takeSnapshot } from './heap'

/**
 * Where the heap growth goes: heap snapshots compared by node type and constructor, largest
 * growth first. `flips` (default): after 10 and 500 page flips (`BENCH_FLIPS=100,1000` to change) down the 1,000-channel lineup
 * (as in `npm run bench`); `tour`: after 2 and 20 tours of every screen (test/bench/tour.ts).
 * Run after a build: npx tsx test/bench/heapDiff.ts [flips|tour] [buildDir]
 */
type Agg = Map<string, { count: number; size: number }>

const snapshot = async (page: Page): Promise<Agg> => {
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('HeapProfiler.collectGarbage')
  await cdp.send('HeapProfiler.collectGarbage')
  await cdp.detach()
  const snap = await takeSnapshot(page)
  const f = snap.snapshot.meta.node_fields
  const nf = f.length
  const ti = f.indexOf('type'),
    ni = f.indexOf('name'),
    si = f.indexOf('self_size')
  const types = snap.snapshot.meta.node_types[0]
  const agg: Agg = new Map()
  for (let i = 0; i < snap.nodes.length; i += nf) {
    const type = types[snap.nodes[i + ti]!]!
    let name = snap.strings[snap.nodes[i + ni]!]!
    if (type === 'string' || type === 'concatenated string' || type === 'sliced string') name = '(string)'
    if (type === 'code' && !process.env.HEAP_DIFF_CODE) name = '(code)'
    const key = `${type}:${name.slice(0, 60)}`
    const a = agg.get(key) ?? { count: 0, size: 0 }
    a.count++
    a.size += snap.nodes[i + si]!
    agg.set(key, a)
  }
  return agg
}

const report = (a: Agg, b: Agg): void => {
  const rows: [string, number, number][] = []
  for (const [k, v] of b) {
    const o = a.get(k) ?? { count: 0, size: 0 }
    rows.push([k, v.size - o.size, v.count - o.count])
  }
  for (const [k, v] of a) if (!b.has(k)) rows.push([k, -v.size, -v.count])
  rows.sort((x, y) => y[1] - x[1])
  const tot = (m: Agg) => [...m.values()].reduce((s, v) => s + v.size, 0)
  console.log('total', tot(a), tot(b))
  for (const r of rows.slice(0, 40)) console.log(r[1], r[2], r[0])
}

// BENCH_FLIPS=100,1000 compares the flips of heapLeakRatio instead.
const FLIPS = (process.env.BENCH_FLIPS ?? '10,500').split(',').map(Number) as [number, number]

const flips = async (appDir: string): Promise<void> => {
  const simulator = await startSizedGuideSimulator(appDir, { channels: 1000, days: 14 }, true)
  const browser = await launchChromium()
  try {
    const page = await (await browser.newContext({ viewport: { width: 1920, height: 1080 } })).newPage()
    await page.goto(simulator.url)
    await page.waitForFunction(
      'window.__kanalGuide && window.__kanalGuide.focus() && window.__kanalGuide.focus().kind === "programme"',
      undefined,
      { timeout: 60000 },
    )
    const settle = () =>
      page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))))
    let direction = 'PageDown'
    let lastRow = -1
    const flip = async () => {
      await page.keyboard.press(direction)
      await settle()
      const row = (await page.evaluate('window.__kanalGuide.focus()?.row ?? -1')) as number
      if (row === lastRow) direction = direction === 'PageDown' ? 'PageUp' : 'PageDown'
      lastRow = row
    }
    const [from, to] = FLIPS
    for (let i = 0; i < from; i++) await flip()
    await page.waitForTimeout(500)
    const a = await snapshot(page)
    for (let i = from; i < to; i++) await flip()
    await page.waitForTimeout(500)
    report(a, await snapshot(page))
  } finally {
    await browser.close()
    await simulator.close()
  }
}

const tours = async (appDir: string): Promise<void> => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kanal-heap-diff-'))
  const dbPath = path.join(dataDir, 'tour.sqlite')
  const simulator = createSimulator({
    ...defaultConfig({}),
    port: 0,
    appDir,
    dbPath,
    settingsOverride: { appSettings: { testHooks: true, stage: { canvas2d: true } } },
  })
  const url = await simulator.listen()
  const browser = await launchChromium()
  try {
    const snaps: Agg[] = []
    await runTours(
      browser,
      url,
      tourRoutes(dbPath, ACCOUNT_SECTIONS),
      { username: 'anna', password: 'anna' },
      [2, 20],
      async (page) => {
        snaps.push(await snapshot(page))
      },
    )
    report(snaps[0]!, snaps[1]!)
  } finally {
    await browser.close()
    await simulator.close()
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
}

const mode = process.argv[2] === 'tour' || process.argv[2] === 'flips' ? process.argv[2] : undefined
const appDir = path.resolve((mode ? process.argv[3] : process.argv[2]) ?? 'build')
void (mode === 'tour' ? tours(appDir) : flips(appDir))
