/**
 * `npm run bench`: Kanal against a plain Lightning app in the same headless Chromium run.
 * Absolute times on a shared machine are noise, so the figures that matter are ratios.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { launchChromium } from '../e2e/browser'
import { createSimulator } from '../../simulator/src/server'
import { defaultConfig } from '../../simulator/src/config'
import { serveFiles } from './static'
import { measureMilestones } from './firstFrame'
import { shippedJs } from './jsSize'
import { benchGuide } from './guide'
import { benchZap } from './zap'
import { markdownTable, median, recordFigures, Row, writeMarkdown } from './results'

const ROOT = path.resolve(__dirname, '..', '..')
const RUNS = Number(process.env.BENCH_RUNS ?? 7)
const BUDGET = { firstFrameRatio: 1.3, guideRatio: 2.5, jsGzipBytes: 200 * 1024 }
// SwiftShader's WebGL draws ~12 frames a second at 1080p, so frame counts would swamp the
// start-up work being compared; both apps use the same renderer, canvas2d unless told otherwise.
const RENDERER = process.env.BENCH_RENDERER === 'webgl' ? 'webgl' : 'canvas2d'
const CANVAS2D = RENDERER === 'canvas2d'

const verdict = (ok: boolean): string => (ok ? 'met' : 'NOT MET')

const main = async (): Promise<void> => {
  const buildDir = path.join(ROOT, process.env.LNG_BUILD_FOLDER ?? 'build')
  const js = shippedJs(buildDir)

  const plainDir = path.join(__dirname, 'plain')
  // The same Lightning core file that Kanal ships, so that only the app differs.
  const lightningJs = path.join(buildDir, 'lib', 'lightning.js')
  const plain = await serveFiles((p) => (p === '/lightning.js' ? lightningJs : path.join(plainDir, p)))

  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kanal-bench-'))
  const simulator = createSimulator({
    ...defaultConfig({}),
    port: 0,
    appDir: buildDir,
    dbPath: path.join(dataDir, 'bench.sqlite'),
    settingsOverride: { appSettings: { testHooks: true, stage: { canvas2d: CANVAS2D } } },
  })
  const kanalUrl = await simulator.listen()
  const plainUrl = `${plain.url}${CANVAS2D ? '?canvas2d=1' : ''}`

  const browser = await launchChromium()
  const figures: Record<string, number | string> = {}
  const rows: Row[] = []
  try {
    for (const rate of process.env.BENCH_ONLY === undefined ? [1, 4] : []) {
      const plainTimes: number[] = []
      const firstTimes: number[] = []
      const guideTimes: number[] = []
      // One warm-up of each, then alternate so that drift on the machine hits both alike.
      await measureMilestones(browser, plainUrl, ['plain'], rate)
      await measureMilestones(browser, kanalUrl, ['kanalFirstFrame', 'kanalGuide'], rate)
      for (let i = 0; i < RUNS; i++) {
        plainTimes.push((await measureMilestones(browser, plainUrl, ['plain'], rate)).plain)
        const k = await measureMilestones(browser, kanalUrl, ['kanalFirstFrame', 'kanalGuide'], rate)
        firstTimes.push(k.kanalFirstFrame)
        guideTimes.push(k.kanalGuide)
      }
      const p = median(plainTimes)
      const first = median(firstTimes)
      const guide = median(guideTimes)
      figures[`firstFramePlainMs${rate}x`] = Math.round(p)
      figures[`firstFrameKanalMs${rate}x`] = Math.round(first)
      figures[`firstFrameRatio${rate}x`] = Number((first / p).toFixed(3))
      figures[`guideShownKanalMs${rate}x`] = Math.round(guide)
      figures[`guideShownRatio${rate}x`] = Number((guide / p).toFixed(3))
      rows.push({
        figure: `first frame at ${rate}x CPU (${RENDERER}, median of ${RUNS})`,
        value: `Kanal ${Math.round(first)} ms / plain ${Math.round(p)} ms = ${(first / p).toFixed(2)}x`,
        budget: `<= ${BUDGET.firstFrameRatio}x`,
        verdict: verdict(first / p <= BUDGET.firstFrameRatio),
      })
      rows.push({
        figure: `guide shown and focused at ${rate}x CPU (the grid, focus on a programme or its placeholder)`,
        value: `Kanal ${Math.round(guide)} ms / plain ${Math.round(p)} ms = ${(guide / p).toFixed(2)}x`,
        budget: `<= ${BUDGET.guideRatio}x (guide usable from cache, at 4x)`,
        verdict: verdict(guide / p <= BUDGET.guideRatio),
      })
    }
    // BENCH_ONLY=guide (or zap) runs only that part (for working on its figures alone).
    if (process.env.BENCH_ONLY === undefined || process.env.BENCH_ONLY === 'guide') {
      const guide = await benchGuide(browser, buildDir, plainUrl, CANVAS2D)
      Object.assign(figures, guide.figures)
      rows.push(...guide.rows)
    }
    if (process.env.BENCH_ONLY === undefined || process.env.BENCH_ONLY === 'zap') {
      const zap = await benchZap(browser, kanalUrl)
      Object.assign(figures, zap.figures)
      rows.push(...zap.rows)
    }
  } finally {
    await browser.close()
    await simulator.close()
    await plain.close()
    fs.rmSync(dataDir, { recursive: true, force: true })
  }

  figures.jsGzipBytes = js.totalGzipBytes
  figures.benchRenderer = RENDERER
  rows.push({
    figure: 'JS shipped, gzip -9',
    value: `${(js.totalGzipBytes / 1024).toFixed(1)} KiB (${Object.entries(js.files)
      .map(([f, b]) => `${f} ${(b / 1024).toFixed(1)}`)
      .join(', ')})`,
    budget: '<= 200 KiB',
    verdict: verdict(js.totalGzipBytes <= BUDGET.jsGzipBytes),
  })

  recordFigures(figures)
  const table = markdownTable(
    `Kanal vs plain Lightning (${new Date().toISOString()}, ${os.cpus().length} cores)`,
    rows,
  )
  writeMarkdown('latest.md', table)
  process.stdout.write(`\n${table}\nWritten: bench-results/latest.json, bench-results/latest.md\n`)
}

main().catch((error: unknown) => {
  process.stderr.write(
    `bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  )
  process.exit(1)
})
