/**
 * Which of the build's scripts run before the first frame and which later, from the URLs the
 * page loaded: pure, so that it can be tested without a browser or a build.
 */
export interface ScriptSplitInput {
  /** The page's URL: script URLs under it map to paths in the build. */
  baseUrl: string
  /** Script URLs the page had loaded when its first frame was drawn. */
  beforeFirstFrame: string[]
  /** Script URLs the page loaded later (other screens, a player). */
  loadedLater: string[]
  /** Whether a path exists in the build (relative, without a leading slash). */
  exists(rel: string): boolean
  /** A build file's text, to find the scripts it loads on demand. */
  read(rel: string): string
}

// A quoted script path in a script's text: "./lib/firebolt.js", 'hls.min.js', `lib/x.js`.
const SCRIPT_LITERAL = /["'`]((?:\.{0,2}\/)?[\w@.-]+(?:\/[\w@.-]+)*\.m?js)["'`]/g

/** A URL's path in the build, or undefined for a script served from elsewhere. */
export const buildPath = (url: string, baseUrl: string): string | undefined => {
  let u: URL
  let base: URL
  try {
    u = new URL(url, baseUrl)
    base = new URL('.', baseUrl)
  } catch {
    return undefined
  }
  if (u.origin !== base.origin || !u.pathname.startsWith(base.pathname)) return undefined
  const rel = decodeURIComponent(u.pathname.slice(base.pathname.length))
  return rel === '' ? undefined : rel
}

export const splitScripts = (input: ScriptSplitInput): { before: string[]; deferred: string[] } => {
  const toRel = (urls: string[]): string[] =>
    urls
      .map((u) => buildPath(u, input.baseUrl))
      .filter((rel): rel is string => rel !== undefined && input.exists(rel))
  const before = [...new Set(toRel(input.beforeFirstFrame))].sort()
  const deferred = new Set(toRel(input.loadedLater).filter((rel) => !before.includes(rel)))
  // Scripts named in any loaded script's text, followed until no new one turns up.
  const queue = [...before, ...deferred]
  const seen = new Set(queue)
  while (queue.length > 0) {
    const rel = queue.shift() as string
    for (const match of input.read(rel).matchAll(SCRIPT_LITERAL)) {
      const named = buildPath(match[1] as string, input.baseUrl)
      if (named === undefined || seen.has(named) || !input.exists(named)) continue
      seen.add(named)
      deferred.add(named)
      queue.push(named)
    }
  }
  return { before, deferred: [...deferred].sort() }
}
