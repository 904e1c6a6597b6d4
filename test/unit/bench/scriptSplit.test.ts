import { buildPath, splitScripts } from '../../bench/scriptSplit'
import { judge, verdictOf } from '../../bench/budgets'

const BUILD: Record<string, string> = {
  'appBundle.js': 'var a="./lib/firebolt.js";var b="src/startApp.js";load("deferred/app2.js")',
  'lib/lightning.js': 'lightning',
  'lib/firebolt.js': 'sdk',
  'deferred/app2.js': 'player("lib/hls.min.js")',
  'lib/hls.min.js': 'hls',
  'lib/unused.js': 'never named, never loaded',
}

const split = (before: string[], later: string[]): { before: string[]; deferred: string[] } =>
  splitScripts({
    baseUrl: 'http://box:8080/app/',
    beforeFirstFrame: before,
    loadedLater: later,
    exists: (rel) => rel in BUILD,
    read: (rel) => BUILD[rel] ?? '',
  })

describe('splitting the build scripts at the first frame', () => {
  it('maps URLs under the page to build paths, and nothing else', () => {
    expect(buildPath('http://box:8080/app/lib/lightning.js?v=2', 'http://box:8080/app/#guide')).toBe(
      'lib/lightning.js',
    )
    expect(buildPath('./lib/firebolt.js', 'http://box:8080/app/index.html')).toBe('lib/firebolt.js')
    expect(buildPath('http://cdn.example/hls.js', 'http://box:8080/app/')).toBeUndefined()
    expect(buildPath('http://box:8080/other/x.js', 'http://box:8080/app/')).toBeUndefined()
  })

  it('counts what was loaded at the first frame before it, the rest and what it names on demand after', () => {
    const s = split(
      ['http://box:8080/app/appBundle.js', 'http://box:8080/app/lib/lightning.js'],
      ['http://box:8080/app/appBundle.js', 'http://box:8080/app/lib/lightning.js', 'http://cdn.example/x.js'],
    )
    expect(s.before).toEqual(['appBundle.js', 'lib/lightning.js'])
    // firebolt.js named by the bundle, app2.js named by it, hls named by app2: never a file not named.
    expect(s.deferred).toEqual(['deferred/app2.js', 'lib/firebolt.js', 'lib/hls.min.js'])
  })

  it('counts a script loaded after the first frame as deferred even if no script names it', () => {
    const s = split(['http://box:8080/app/appBundle.js'], ['http://box:8080/app/lib/unused.js'])
    expect(s.deferred).toContain('lib/unused.js')
    expect(s.before).toEqual(['appBundle.js'])
  })
})

describe('the budgets', () => {
  it('judges a figure against its maximum, reports one without, and says when one is missing', () => {
    expect(verdictOf(1.3, 1.3)).toBe('met')
    expect(verdictOf(1.31, 1.3)).toBe('NOT MET')
    expect(verdictOf(5, undefined)).toBe('report')
    expect(verdictOf(Number.NaN, 1.3)).toBe('not measured')
    const judged = judge({ firstFrameRatio4x: 2.1, jsDeferredGzipBytes: 9000 })
    expect(judged.firstFrameRatio4x).toEqual({ value: 2.1, budget: '<= 1.3', verdict: 'NOT MET' })
    expect(judged.jsDeferredGzipBytes?.verdict).toBe('report')
    expect(judged.tourHeapRatio).toEqual({ value: null, budget: '<= 1.05', verdict: 'not measured' })
  })
})
