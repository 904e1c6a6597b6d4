/**
 * The start-up and memory budgets of `npm run bench` (README "Benchmarks"): each key of
 * bench-results/latest.json with the most it may be, or none where the figure is reported only.
 */
export interface Budget {
  key: string
  what: string
  /** The figure may be at most this; undefined: reported, not judged. */
  max?: number
}

export const BUDGETS: readonly Budget[] = [
  { key: 'firstFrameRatio4x', what: 'first frame, cold, 4x CPU, vs the plain app with fonts', max: 1.3 },
  { key: 'firstFrameRatio1x', what: 'first frame, cold, 1x CPU, vs the plain app with fonts', max: 1.3 },
  {
    key: 'guideShownRatio4x',
    what: 'cold start to the guide with programme titles and the focus on one, 4x CPU, vs the floor',
    max: 2.0,
  },
  {
    key: 'guideWarmRatio4x',
    what: 'second start, same browser profile (caches filled): guide with titles and focus, 4x CPU, vs the floor',
    max: 1.6,
  },
  {
    key: 'jsGzipBytes',
    what: 'gzip -9 JS evaluated before the first frame, Lightning core included',
    max: 163840,
  },
  { key: 'jsDeferredGzipBytes', what: 'gzip -9 JS loaded after the first frame or on demand' },
  {
    key: 'heapLeakRatio',
    what: 'JS objects (heap without compiled code) after 1,000 guide page flips vs 100, forced GC',
    max: 1.02,
  },
  {
    key: 'textureGrowthRatio',
    what: "Lightning's textures in use (texture manager's count) after 500 flips vs 10",
    max: 1.1,
  },
  {
    key: 'heapScaleRatio',
    what: 'JS objects with the guide on 1,000 channels x 14 days vs 50 x 1',
    max: 1.2,
  },
  {
    key: 'tourHeapRatio',
    what: 'JS objects after 20 tours of every screen vs after 2, forced GC',
    max: 1.05,
  },
]

export type Verdict = 'met' | 'NOT MET' | 'report' | 'not measured'

export const verdictOf = (value: unknown, max: number | undefined): Verdict => {
  if (typeof value !== 'number' || !Number.isFinite(value)) return 'not measured'
  if (max === undefined) return 'report'
  return value <= max ? 'met' : 'NOT MET'
}

export interface Judged {
  value: number | null
  budget: string
  verdict: Verdict
}

/** Every budget key with its value among `figures`, its budget and its verdict. */
export const judge = (figures: Record<string, unknown>): Record<string, Judged> =>
  Object.fromEntries(
    BUDGETS.map((b) => {
      const value = figures[b.key]
      return [
        b.key,
        {
          value: typeof value === 'number' && Number.isFinite(value) ? value : null,
          budget: b.max === undefined ? 'report' : `<= ${b.max}`,
          verdict: verdictOf(value, b.max),
        },
      ]
    }),
  )
