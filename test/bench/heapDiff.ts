import path from 'node:path'
import type { Page } from 'playwright-core'
import { startSizedGuideSimulator } from './sizedGuideSimulator'
import { launchChromium } from '../e2e/browser'

/**
 * Where the guide's heap growth goes: heap snapshots after 10 and 500 page flips down the
 * 1,000-channel lineup (as in `npm run bench`), compared by node type and constructor, largest
 * growth first. Run after a build: npx tsx test/bench/heapDiff.ts [buildDir]
 */
type Agg = Map<string, { count: number; size: number }>

const snapshot = async (page: Page): Promise<Agg> => {
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('HeapProfiler.enable')
  await cdp.send('HeapProfiler.collectGarbage')
  await cdp.send('HeapProfiler.collectGarbage')
  const chunks: string[] = []
  cdp.on('HeapProfiler.addHeapSnapshotChunk', (e: { chunk: string }) => chunks.push(e.chunk))
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false })
  await cdp.detach()
  const snap = JSON.parse(chunks.join('')) as {
    snapshot: { meta: { node_fields: string[]; node_types: [string[]] } }
    nodes: number[]
    strings: string[]
  }
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
    if (type === 'code') name = '(code)'
    const key = `${type}:${name.slice(0, 60)}`
    const a = agg.get(key) ?? { count: 0, size: 0 }
    a.count++
    a.size += snap.nodes[i + si]!
    agg.set(key, a)
  }
  return agg
}

const main = async () => {
  const appDir = path.resolve(process.argv[2] ?? 'build')
  const simulator = await startSizedGuideSimulator(appDir, { channels: 1000, days: 14 }, true)
  const url = simulator.url
  const browser = await launchChromium()
  const page = await (await browser.newContext({ viewport: { width: 1920, height: 1080 } })).newPage()
  await page.goto(url)
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
  for (let i = 0; i < 10; i++) await flip()
  await page.waitForTimeout(500)
  const a = await snapshot(page)
  for (let i = 10; i < 500; i++) await flip()
  await page.waitForTimeout(500)
  const b = await snapshot(page)
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
  await browser.close()
  await simulator.close()
}
void main()
