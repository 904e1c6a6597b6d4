/**
 * `npm run bench`: Kanal against a plain Lightning app (with the same web font) in the same
 * headless Chromium run. Absolute times on a shared machine are noise, so the figures that
 * matter are ratios. README "Benchmarks" explains each key of bench-results/latest.json.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { launchChromium } from '../e2e/browser'
import { createSimulator } from '../../simulator/src/server'
import { defaultConfig } from '../../simulator/src/config'
import { ACCOUNT_SECTIONS } from '../../src/ui/account/sections'
import { serveFiles } from './static'
import { measureMilestones, measureWarmStart } from './firstFrame'
import { measureJs } from './jsSize'
import { benchGuide } from './guide'
import { benchZap } from './zap'
import { measureTours, tourRoutes } from './tour'
import { traceColdStart } from './trace'
import { BUDGETS, judge } from './budgets'
import { markdownTable, median, recordFigures, Row, writeMarkdown } from './results'

const ROOT = path.resolve(__dirname, '..', '..')
const RUNS = Number(process.env.BENCH_RUNS ?? 7)
// The memory keys are one long run each (their ratios are within the run, not across runs).
const TOURS: [number, number] = [2, Number(process.env.BENCH_TOURS ?? 20)]
// SwiftShader's WebGL draws ~12 frames a second at 1080p, so frame counts would swamp the
// start-up work being compared; both apps use the same renderer, canvas2d unless told otherwise.
const RENDERER = process.env.BENCH_RENDERER === 'webgl' ? 'webgl' : 'canvas2d'
const CANVAS2D = RENDERER === 'canvas2d'
// A WebGL run keeps its figures apart, under the same keys, so that both can be compared.
const RESULTS_NAME = CANVAS2D ? 'latest' : 'latest-webgl'
// BENCH_ONLY=guide, =tour, =zap or =startup runs that part alone (for working on its figures).
const ONLY = ['guide', 'tour', 'zap', 'startup'].includes(process.env.BENCH_ONLY ?? '')
  ? process.env.BENCH_ONLY
  : undefined

const ratio = (a: number, b: number): number => Number((a / b).toFixed(3))
const kib = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KiB`
const mib = (bytes: number): string => `${(bytes / 1048576).toFixed(2)} MiB`
const sizes = (files: Record<string, number>): string =>
  Object.entries(files)
    .map(([f, b]) => `${f} ${kib(b)}`)
    .join(', ') || 'none'

const main = async (): Promise<void> => {
  const buildDir = path.join(ROOT, process.env.LNG_BUILD_FOLDER ?? 'build')
  if (!fs.existsSync(path.join(buildDir, 'index.html')))
    throw new Error(`${buildDir}: run "npm run build" first`)

  const plainDir = path.join(__dirname, 'plain')
  // The same Lightning core file and font files that Kanal ships, so that only the app differs.
  const lightningJs = path.join(buildDir, 'lib', 'lightning.js')
  const fontsDir = path.join(buildDir, 'static', 'fonts')
  const plain = await serveFiles((p) => {
    if (p === '/lightning.js') return lightningJs
    if (p.startsWith('/fonts/')) return path.join(fontsDir, path.basename(p))
    return path.join(plainDir, p)
  })

  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kanal-bench-'))
  const dbPath = path.join(dataDir, 'bench.sqlite')
  const simulator = createSimulator({
    ...defaultConfig({}),
    port: 0,
    appDir: buildDir,
    dbPath,
    settingsOverride: { appSettings: { testHooks: true, stage: { canvas2d: CANVAS2D } } },
  })
  const kanalUrl = await simulator.listen()
  const plainUrl = `${plain.url}${CANVAS2D ? '?canvas2d=1' : ''}`

  const browser = await launchChromium()
  const figures: Record<string, unknown> = { benchRenderer: RENDERER, benchRuns: RUNS, benchTours: TOURS[1] }
  const rows: Row[] = []
  const scriptsBefore = new Set<string>()
  const scriptsLater = new Set<string>()
  const started = Date.now()
  try {
    for (const rate of ONLY === undefined || ONLY === 'startup' ? [1, 4] : []) {
      const plainTimes: number[] = []
      const firstTimes: number[] = []
      const focusTimes: number[] = []
      const guideTimes: number[] = []
      const warmTimes: number[] = []
      const kanal = ['kanalFirstFrame', 'kanalGuide', 'kanalGuideTitles'] as const
      // One warm-up of each, then alternate so that drift on the machine hits both alike.
      await measureMilestones(browser, plainUrl, ['plain'], rate)
      await measureMilestones(browser, kanalUrl, [...kanal], rate)
      for (let i = 0; i < RUNS; i++) {
        plainTimes.push((await measureMilestones(browser, plainUrl, ['plain'], rate)).times.plain)
        const k = await measureMilestones(browser, kanalUrl, [...kanal], rate)
        firstTimes.push(k.times.kanalFirstFrame)
        focusTimes.push(k.times.kanalGuide)
        guideTimes.push(k.times.kanalGuideTitles)
        k.scripts.kanalFirstFrame.forEach((s) => scriptsBefore.add(s))
        k.allScripts.forEach((s) => scriptsLater.add(s))
        if (rate === 4) {
          const w = await measureWarmStart(browser, kanalUrl, 'kanalGuideTitles', ['kanalGuideTitles'], rate)
          warmTimes.push(w.times.kanalGuideTitles)
        }
      }
      const p = median(plainTimes)
      const first = median(firstTimes)
      const focus = median(focusTimes)
      const guide = median(guideTimes)
      figures[`firstFramePlainMs${rate}x`] = Math.round(p)
      figures[`firstFrameKanalMs${rate}x`] = Math.round(first)
      figures[`firstFrameRatio${rate}x`] = ratio(first, p)
      figures[`guideFocusKanalMs${rate}x`] = Math.round(focus)
      figures[`guideFocusRatio${rate}x`] = ratio(focus, p)
      figures[`guideShownKanalMs${rate}x`] = Math.round(guide)
      figures[`guideShownRatio${rate}x`] = ratio(guide, p)
      rows.push({
        figure: `first frame at ${rate}x CPU (median of ${RUNS})`,
        value: `Kanal ${Math.round(first)} ms / plain with fonts ${Math.round(p)} ms = ${ratio(first, p)}x`,
        budget: '<= 1.3x',
        verdict: '',
      })
      rows.push({
        figure: `guide with programme titles and focus on one at ${rate}x CPU, cold`,
        value: `Kanal ${Math.round(guide)} ms = ${ratio(guide, p)}x (focus on a programme or its placeholder: ${Math.round(focus)} ms = ${ratio(focus, p)}x)`,
        budget: rate === 4 ? '<= 2.0x' : 'report',
        verdict: '',
      })
      if (warmTimes.length > 0) {
        const warm = median(warmTimes)
        figures.guideWarmKanalMs4x = Math.round(warm)
        figures.guideWarmRatio4x = ratio(warm, p)
        rows.push({
          figure: 'guide with titles and focus at 4x CPU, second start (same profile: caches filled)',
          value: `Kanal ${Math.round(warm)} ms = ${ratio(warm, p)}x the cold floor`,
          budget: '<= 1.6x',
          verdict: '',
        })
      }
    }
    if (ONLY === undefined || ONLY === 'startup') {
      const trace = await traceColdStart(browser, kanalUrl, 4)
      fs.mkdirSync(path.join(ROOT, 'bench-results'), { recursive: true })
      fs.writeFileSync(
        path.join(ROOT, 'bench-results', `trace-${RENDERER}.json`),
        `${JSON.stringify(trace, null, 2)}\n`,
      )
      for (const [category, ms] of Object.entries(trace.summary.ms)) {
        figures[`trace4x${category[0]?.toUpperCase()}${category.slice(1)}Ms`] = ms
      }
      figures.trace4xGuideShownMs = trace.guideShownMs
      rows.push({
        figure: `cold start traced at 4x CPU, navigation to guide shown (${trace.guideShownMs} ms, profiler on)`,
        value: Object.entries(trace.summary.ms)
          .map(([c, ms]) => `${c} ${ms} ms`)
          .join(', '),
        budget: 'report',
        verdict: '',
      })
    }
    if (ONLY === undefined || ONLY === 'guide') {
      const guide = await benchGuide(browser, buildDir, plainUrl, CANVAS2D)
      Object.assign(figures, guide.figures)
      rows.push(...guide.rows)
    }
    if (ONLY === undefined || ONLY === 'zap') {
      const zap = await benchZap(browser, kanalUrl)
      Object.assign(figures, zap.figures)
      rows.push(...zap.rows)
    }

    if (ONLY !== 'startup') {
      const routes = tourRoutes(dbPath, ACCOUNT_SECTIONS)
      const tours = await measureTours(
        browser,
        kanalUrl,
        routes,
        { username: 'anna', password: 'anna' },
        TOURS,
      )
      tours.scripts.forEach((s) => scriptsLater.add(s))
      figures[`tourHeapObjectsAfter${TOURS[0]}Bytes`] = tours.heapAfterFew.objectsBytes
      figures[`tourHeapObjectsAfter${TOURS[1]}Bytes`] = tours.heapAfterMany.objectsBytes
      figures[`tourHeapCodeAfter${TOURS[0]}Bytes`] = tours.heapAfterFew.codeBytes
      figures[`tourHeapCodeAfter${TOURS[1]}Bytes`] = tours.heapAfterMany.codeBytes
      figures.tourHeapRatio = tours.ratio
      figures.tourHeapRatioWithCode = tours.ratioWithCode
      figures[`tourTexturesAfter${TOURS[0]}`] = tours.texturesAfterFew
      figures[`tourTexturesAfter${TOURS[1]}`] = tours.texturesAfterMany
      rows.push({
        figure: `JS objects after ${TOURS[1]} tours of every screen vs ${TOURS[0]} (${tours.steps} screens a tour, forced GC)`,
        value: `${mib(tours.heapAfterMany.objectsBytes)} / ${mib(tours.heapAfterFew.objectsBytes)} = ${tours.ratio}x (V8 heap with compiled code: ${mib(tours.heapAfterMany.usedBytes)} / ${mib(tours.heapAfterFew.usedBytes)} = ${tours.ratioWithCode}x; textures in use ${tours.texturesAfterFew.inUse} -> ${tours.texturesAfterMany.inUse}, uploaded ${tours.texturesAfterFew.uploaded} -> ${tours.texturesAfterMany.uploaded})`,
        budget: '<= 1.05x',
        verdict: '',
      })
    }
  } finally {
    await browser.close()
    await simulator.close()
    await plain.close()
    fs.rmSync(dataDir, { recursive: true, force: true })
  }

  if (scriptsBefore.size > 0) {
    const js = measureJs(buildDir, kanalUrl, [...scriptsBefore], [...scriptsLater])
    figures.jsGzipBytes = js.beforeGzipBytes
    figures.jsDeferredGzipBytes = js.deferredGzipBytes
    figures.jsBeforeFirstFrame = js.before
    figures.jsDeferred = js.deferred
    rows.push({
      figure: 'JS evaluated before the first frame, gzip -9',
      value: `${kib(js.beforeGzipBytes)} (${sizes(js.before)})`,
      budget: '<= 160 KiB',
      verdict: '',
    })
    rows.push({
      figure: 'JS loaded after the first frame or on demand, gzip -9',
      value: `${kib(js.deferredGzipBytes)} (${sizes(js.deferred)})`,
      budget: 'report',
      verdict: '',
    })
  }
  figures.benchSeconds = Math.round((Date.now() - started) / 1000)
  figures.loadAverage = os.loadavg().map((l) => Number(l.toFixed(2)))

  const judged = judge(figures)
  figures.budgets = judged
  recordFigures(figures, `${RESULTS_NAME}.json`)
  const budgetRows: Row[] = BUDGETS.map((b) => {
    const j = judged[b.key]
    return {
      figure: `\`${b.key}\`: ${b.what}`,
      value: String(j?.value ?? '-'),
      budget: j?.budget ?? '',
      verdict: j?.verdict ?? '',
    }
  })
  const text = [
    markdownTable(
      `Budgets, ${RENDERER} (${new Date().toISOString()}, ${os.cpus().length} cores)`,
      budgetRows,
    ),
    markdownTable('Details', rows),
  ].join('\n')
  writeMarkdown(`${RESULTS_NAME}.md`, text)
  process.stdout.write(
    `\n${text}\nWritten: bench-results/${RESULTS_NAME}.json, bench-results/${RESULTS_NAME}.md\n`,
  )
}

main().catch((error: unknown) => {
  process.stderr.write(
    `bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  )
  process.exit(1)
})
