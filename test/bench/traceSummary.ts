/**
 * A CPU profile of a cold start (CDP Profiler, samples with their stacks) and the network
 * requests of the same load, summarised by where the main thread's time went: pure, so that
 * the categorisation is tested on a fixed sample.
 */
export interface ProfileNode {
  id: number
  callFrame: { functionName: string; url: string }
  children?: number[]
}

export interface CpuProfile {
  nodes: ProfileNode[]
  /** Microseconds, on the same monotonic clock as the network timestamps. */
  startTime: number
  endTime: number
  samples: number[]
  timeDeltas: number[]
}

/** A request's life, in microseconds on the profile's clock. */
export interface RequestSpan {
  start: number
  end: number
}

export const CATEGORIES = [
  'scriptEvaluation',
  'textLayout',
  'textureUploads',
  'garbageCollection',
  'browserOther',
  'networkWaits',
  'idle',
] as const
export type Category = (typeof CATEGORIES)[number]

// Lightning's text renderer (TextTextureRenderer): its method names survive minification.
const TEXT_LAYOUT = new Set([
  'setFontProperties',
  '_calculateRenderInfo',
  '_draw',
  '_drawLines',
  '_fillTextWithLetterSpacing',
  'measureText',
  'fillText',
  'wrapText',
])
// Handing a picture to the renderer: WebGL uploads it; canvas2d keeps the canvas but makes a
// tinted copy of each texture drawn in a colour (C2dTextureTintManager), its upload-like cost.
const TEXTURE_UPLOAD = new Set([
  'uploadTextureSource',
  '_nativeUploadTextureSource',
  'texImage2D',
  'texSubImage2D',
  'getTintTexture',
  '_tintTexture',
])

/** The category of one sample, from its stack (leaf first) and whether a request was open. */
export const categoryOf = (stack: ProfileNode['callFrame'][], requestOpen: boolean): Category => {
  const leaf = stack[0]?.functionName ?? '(idle)'
  if (leaf === '(idle)') return requestOpen ? 'networkWaits' : 'idle'
  if (leaf === '(garbage collector)') return 'garbageCollection'
  if (leaf === '(program)' || leaf === '(root)') return 'browserOther'
  if (stack.some((f) => TEXT_LAYOUT.has(f.functionName))) return 'textLayout'
  if (stack.some((f) => TEXTURE_UPLOAD.has(f.functionName))) return 'textureUploads'
  return 'scriptEvaluation'
}

export interface TraceSummary {
  /** Milliseconds per category inside the window. */
  ms: Record<Category, number>
  windowMs: number
  /** JS functions with the most self time (name, script file, ms), for what the categories hide. */
  topFunctions: { name: string; file: string; ms: number }[]
}

/**
 * Sums each sample's time (up to the next sample) into its category, within [from, to)
 * microseconds. A sample of the idle thread while any request is open is a network wait.
 */
export const summarise = (
  profile: CpuProfile,
  requests: RequestSpan[],
  window: { from: number; to: number },
  topN = 12,
): TraceSummary => {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]))
  const parent = new Map<number, number>()
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id)
  const stackOf = (id: number): ProfileNode['callFrame'][] => {
    const out: ProfileNode['callFrame'][] = []
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const node = byId.get(at)
      if (node) out.push(node.callFrame)
    }
    return out
  }
  const ms = Object.fromEntries(CATEGORIES.map((c) => [c, 0])) as Record<Category, number>
  const self = new Map<string, { name: string; file: string; ms: number }>()
  let t = profile.startTime
  for (let i = 0; i < profile.samples.length; i++) {
    t += profile.timeDeltas[i] ?? 0
    const next = i + 1 < profile.samples.length ? t + (profile.timeDeltas[i + 1] ?? 0) : profile.endTime
    const from = Math.max(t, window.from)
    const to = Math.min(next, window.to)
    if (to <= from) continue
    const stack = stackOf(profile.samples[i] as number)
    const open = requests.some((r) => r.start <= t && t < r.end)
    const category = categoryOf(stack, open)
    const duration = (to - from) / 1000
    ms[category] += duration
    const leaf = stack[0]
    if (leaf && !leaf.functionName.startsWith('(')) {
      const file = leaf.url.split('/').pop() ?? ''
      const key = `${leaf.functionName}@${file}`
      const entry = self.get(key) ?? { name: leaf.functionName || '(anonymous)', file, ms: 0 }
      entry.ms += duration
      self.set(key, entry)
    }
  }
  const round = (x: number): number => Number(x.toFixed(1))
  return {
    ms: Object.fromEntries(CATEGORIES.map((c) => [c, round(ms[c])])) as Record<Category, number>,
    windowMs: round((window.to - window.from) / 1000),
    topFunctions: [...self.values()]
      .sort((a, b) => b.ms - a.ms)
      .slice(0, topN)
      .map((f) => ({ ...f, ms: round(f.ms) })),
  }
}
