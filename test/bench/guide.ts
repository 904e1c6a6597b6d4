import type { Browser } from 'playwright-core'
import { measureGuideCase, measurePlainKeys, percentile } from './guideKeys'
import type { BenchFigures, Row } from './results'
import type { HeapFigures } from './heap'

const PRESSES = Number(process.env.BENCH_GUIDE_PRESSES ?? 150)
const FLIPS = 500
const BUDGET = { keyFrames: 2, keyScale: 1.2, elementsScale: 1.1, heapGrowth: 1.05 }
const FRAME_MS = 1000 / 60

const verdict = (ok: boolean): string => (ok ? 'met' : 'NOT MET')
const ratio = (a: number, b: number): number => Number((a / b).toFixed(3))
const mib = (bytes: number): string => `${(bytes / 1048576).toFixed(2)} MiB`

/**
 * The guide's budgets (docs: DESIGN "Budgets"): key press to frame, its scaling from 50 channels
 * x 1 day to 1,000 channels x 14 days, elements alive in both, heap after 500 page flips vs 10.
 * The plain Lightning app's keydown-to-next-frame is measured in the same run as the floor.
 */
export const benchGuide = async (
  browser: Browser,
  appDir: string,
  plainUrl: string,
  canvas2d: boolean,
): Promise<{ figures: BenchFigures; rows: Row[] }> => {
  const plain = await measurePlainKeys(browser, plainUrl, PRESSES)
  const small = await measureGuideCase(
    browser,
    appDir,
    { channels: 50, days: 1 },
    { presses: PRESSES, canvas2d },
  )
  const large = await measureGuideCase(
    browser,
    appDir,
    { channels: 1000, days: 14 },
    { presses: PRESSES, flips: FLIPS, canvas2d },
  )
  const plainP95 = percentile(plain, 95)
  // The scale ratio compares times (ms), not whole frames, so that it is not all rounding; a
  // floor of one frame keeps two near-zero figures from making a large ratio.
  const keyScale = ratio(Math.max(large.keyLatencyP95Ms, FRAME_MS), Math.max(small.keyLatencyP95Ms, FRAME_MS))
  const elementsScale = ratio(large.stageElements, small.stageElements)
  const used = (h: HeapFigures | undefined): number => h?.usedBytes ?? Number.NaN
  const objects = (h: HeapFigures | undefined): number => h?.objectsBytes ?? Number.NaN
  const heapGrowth = ratio(used(large.heapAfter500Flips), used(large.heapAfter10Flips))
  const leak = ratio(used(large.heapAfterDoubleFlips), used(large.heapAfter500Flips))
  const heapGrowthObjects = ratio(objects(large.heapAfter500Flips), objects(large.heapAfter10Flips))
  const heapLeak = ratio(objects(large.heapAfterDoubleFlips), objects(large.heapAfter100Flips))
  const heapLeakWithCode = ratio(used(large.heapAfterDoubleFlips), used(large.heapAfter100Flips))
  const textureGrowth = ratio(
    large.texturesAfter500Flips?.inUse ?? Number.NaN,
    large.texturesAfter10Flips?.inUse ?? Number.NaN,
  )
  const heapScale = ratio(large.heap.objectsBytes, small.heap.objectsBytes)
  const heapScaleWithCode = ratio(large.heap.usedBytes, small.heap.usedBytes)
  const figures: BenchFigures = {
    keyLatencyP95Frames: large.keyLatencyP95Frames,
    keyLatencyP95FramesSmall: small.keyLatencyP95Frames,
    keyLatencyP95MsLarge: large.keyLatencyP95Ms,
    keyLatencyP95MsSmall: small.keyLatencyP95Ms,
    keyLatencyP95MsPlain: Number(plainP95.toFixed(2)),
    keyLatencyScaleRatio: keyScale,
    elementsSmall: small.stageElements,
    elementsLarge: large.stageElements,
    elementsScaleRatio: elementsScale,
    heapAfter10FlipsBytes: used(large.heapAfter10Flips),
    heapAfter500FlipsBytes: used(large.heapAfter500Flips),
    heapGrowthRatio: heapGrowth,
    heapGrowthRatioObjects: heapGrowthObjects,
    heapAfter1000FlipsBytes: used(large.heapAfterDoubleFlips),
    heapGrowthRatio1000vs500: leak,
    heapAfter100FlipsBytes: used(large.heapAfter100Flips),
    heapObjectsAfter100FlipsBytes: objects(large.heapAfter100Flips),
    heapObjectsAfter1000FlipsBytes: objects(large.heapAfterDoubleFlips),
    heapCodeAfter100FlipsBytes: large.heapAfter100Flips?.codeBytes ?? null,
    heapCodeAfter1000FlipsBytes: large.heapAfterDoubleFlips?.codeBytes ?? null,
    heapLeakRatio: heapLeak,
    heapLeakRatioWithCode: heapLeakWithCode,
    texturesInUseAfter10Flips: large.texturesAfter10Flips?.inUse ?? null,
    texturesInUseAfter500Flips: large.texturesAfter500Flips?.inUse ?? null,
    texturePixelsInUseAfter10Flips: large.texturesAfter10Flips?.inUsePixels ?? null,
    texturePixelsInUseAfter500Flips: large.texturesAfter500Flips?.inUsePixels ?? null,
    texturesUploadedAfter10Flips: large.texturesAfter10Flips?.uploaded ?? null,
    texturesUploadedAfter500Flips: large.texturesAfter500Flips?.uploaded ?? null,
    textureGrowthRatio: textureGrowth,
    heapObjectsGuideSmallBytes: small.heap.objectsBytes,
    heapObjectsGuideLargeBytes: large.heap.objectsBytes,
    heapScaleRatio: heapScale,
    heapScaleRatioWithCode: heapScaleWithCode,
  }
  const rows: Row[] = [
    {
      figure: `guide key press to focus frame, p95 (${large.presses} moves, 1,000 ch x 14 d)`,
      value: `${large.keyLatencyP95Frames} frames (${large.keyLatencyP95Ms} ms; 50 x 1: ${small.keyLatencyP95Ms} ms; plain app keydown to frame ${plainP95.toFixed(1)} ms)`,
      budget: `<= ${BUDGET.keyFrames} frames`,
      verdict: verdict(large.keyLatencyP95Frames <= BUDGET.keyFrames),
    },
    {
      figure: 'guide key p95, 1,000 ch x 14 d vs 50 ch x 1 d',
      value: `${keyScale}x`,
      budget: `<= ${BUDGET.keyScale}x`,
      verdict: verdict(keyScale <= BUDGET.keyScale),
    },
    {
      figure: 'Lightning elements alive in the guide, 1,000 x 14 vs 50 x 1',
      value: `${large.stageElements} / ${small.stageElements} = ${elementsScale}x (grid ${large.gridElements} / ${small.gridElements})`,
      budget: `<= ${BUDGET.elementsScale}x`,
      verdict: verdict(elementsScale <= BUDGET.elementsScale),
    },
    {
      figure: `JS heap after ${FLIPS} page flips vs 10 (forced GC, 1,000 x 14)`,
      value: `${mib(used(large.heapAfter500Flips))} / ${mib(used(large.heapAfter10Flips))} = ${heapGrowth}x (JS objects without compiled code: ${heapGrowthObjects}x)`,
      budget: `<= ${BUDGET.heapGrowth}x`,
      verdict: verdict(heapGrowth <= BUDGET.heapGrowth),
    },
    {
      figure: `JS heap after ${2 * FLIPS} page flips vs ${FLIPS} (a leak keeps growing; warm-up does not)`,
      value: `${mib(used(large.heapAfterDoubleFlips))} = ${leak}x`,
      budget: 'information',
      verdict: '',
    },
    {
      figure: `JS objects (heap without compiled code) after ${2 * FLIPS} flips vs 100`,
      value: `${mib(objects(large.heapAfterDoubleFlips))} / ${mib(objects(large.heapAfter100Flips))} = ${heapLeak}x (with code: ${heapLeakWithCode}x; code ${mib(large.heapAfter100Flips?.codeBytes ?? Number.NaN)} -> ${mib(large.heapAfterDoubleFlips?.codeBytes ?? Number.NaN)})`,
      budget: '<= 1.02x',
      verdict: verdict(heapLeak <= 1.02),
    },
    {
      figure: 'JS objects with the guide on 1,000 x 14 vs 50 x 1',
      value: `${mib(large.heap.objectsBytes)} / ${mib(small.heap.objectsBytes)} = ${heapScale}x (with code: ${heapScaleWithCode}x)`,
      budget: '<= 1.2x',
      verdict: verdict(heapScale <= 1.2),
    },
    {
      figure: `textures in use after ${FLIPS} flips vs 10 (uploaded ${large.texturesAfter10Flips?.uploaded ?? '?'} -> ${large.texturesAfter500Flips?.uploaded ?? '?'})`,
      value: `${large.texturesAfter500Flips?.inUse ?? '?'} / ${large.texturesAfter10Flips?.inUse ?? '?'} = ${textureGrowth}x (${((large.texturesAfter500Flips?.inUsePixels ?? 0) / 1e6).toFixed(2)} / ${((large.texturesAfter10Flips?.inUsePixels ?? 0) / 1e6).toFixed(2)} Mpx)`,
      budget: '<= 1.1x',
      verdict: verdict(textureGrowth <= 1.1),
    },
  ]
  return { figures, rows }
}
