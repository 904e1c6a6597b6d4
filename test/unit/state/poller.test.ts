/** @jest-environment node */
import {
  BehaviorSubject,
  Observable,
  of,
  Subject,
  throwError,
  timer,
  map,
  VirtualTimeScheduler,
  VirtualAction,
  NEVER,
  EMPTY,
} from 'rxjs'
import {
  DEFAULT_BACKOFF_BASE_MS,
  DEFAULT_RETRY_BUDGET,
  MIN_PERIOD_MS,
  PollCause,
  PollEvent,
  PollReason,
  pollTimestamps,
} from '../../../src/state/timestamps/poller'

const MIN = 60_000
const HOUR = 3_600_000

/** Deterministic uniform [0,1) source (mulberry32). */
const seeded = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296
}

interface Harness {
  scheduler: VirtualTimeScheduler
  events: PollEvent<number>[]
  requests: { at: number; reason: PollReason }[]
  /** What each request told the operator about why it was made, in request order. */
  causes: PollCause[]
  visible: BehaviorSubject<boolean>
  triggers: Subject<PollReason>
  run(untilMs: number): void
  valuesAt(): number[]
}

const harness = (opts: {
  periodMs?: number
  jitter?: number
  random?: () => number
  answer?: (n: number, at: number) => Observable<number>
  visible?: boolean
  quickRetries?: number
  retryBudget?: number
}): Harness => {
  const scheduler = new VirtualTimeScheduler(VirtualAction, Number.POSITIVE_INFINITY)
  const events: PollEvent<number>[] = []
  const requests: { at: number; reason: PollReason }[] = []
  const causes: PollCause[] = []
  const visible = new BehaviorSubject(opts.visible ?? true)
  const triggers = new Subject<PollReason>()
  const answer = opts.answer ?? ((n) => timer(200, scheduler).pipe(map(() => n)))
  pollTimestamps<number>({
    fetch: (reason, cause) => {
      requests.push({ at: scheduler.now(), reason })
      causes.push(cause)
      return answer(requests.length, scheduler.now())
    },
    scheduler,
    random: opts.random ?? seeded(1),
    periodMs: opts.periodMs ?? 15 * MIN,
    jitter: opts.jitter ?? 0.2,
    visible$: visible,
    triggers$: triggers,
    ...(opts.quickRetries !== undefined ? { quickRetries: opts.quickRetries } : {}),
    ...(opts.retryBudget !== undefined ? { retryBudget: opts.retryBudget } : {}),
  }).subscribe((e) => events.push(e))
  return {
    scheduler,
    events,
    requests,
    causes,
    visible,
    triggers,
    run(untilMs) {
      scheduler.maxFrames = untilMs
      scheduler.flush()
    },
    valuesAt: () => events.filter((e) => e.type === 'value').map((e) => e.at),
  }
}

describe('timestamps poller', () => {
  it('raises a period below five minutes to five minutes, and says so', () => {
    const h = harness({ periodMs: 60_000, jitter: 0 })
    h.run(2 * HOUR)
    expect(h.events[0]).toEqual({ type: 'clamped', requestedMs: 60_000, usedMs: MIN_PERIOD_MS })
    const gaps = h.requests.slice(1).map((r, i) => r.at - (h.requests[i] as { at: number }).at)
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(MIN_PERIOD_MS)
  })

  it('spreads the first poll of devices that boot together over the whole first period', () => {
    expect.hasAssertions()
    const period = 15 * MIN
    const buckets = new Array<number>(10).fill(0)
    for (let device = 0; device < 500; device++) {
      const h = harness({ periodMs: period, random: seeded(device + 1) })
      h.run(period)
      const first = h.requests[0]
      expect(first).toBeDefined()
      const at = (first as { at: number }).at
      expect(at).toBeGreaterThanOrEqual(0)
      expect(at).toBeLessThan(period)
      const bucket = Math.floor((at / period) * 10)
      buckets[bucket] = (buckets[bucket] ?? 0) + 1
    }
    // Uniform: every tenth of the period gets its share (50 expected each).
    for (const count of buckets) expect(count).toBeGreaterThan(25)
  })

  it('keeps each next poll within period x (1 +/- jitter) of the last answer', () => {
    const period = 10 * MIN
    const h = harness({ periodMs: period, jitter: 0.2, random: seeded(7) })
    h.run(24 * HOUR)
    const answers = h.valuesAt()
    expect(answers.length).toBeGreaterThan(100)
    const gaps: number[] = []
    for (let i = 1; i < h.requests.length; i++) {
      gaps.push((h.requests[i] as { at: number }).at - (answers[i - 1] as number))
    }
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(period * 0.8)
    expect(Math.max(...gaps)).toBeLessThanOrEqual(period * 1.2)
    // And they really vary: not a fixed period in disguise.
    expect(Math.max(...gaps) - Math.min(...gaps)).toBeGreaterThan(period * 0.3)
  })

  it('checks at once on a user action, and collapses actions close together into one request', () => {
    const h = harness({ periodMs: 15 * MIN, random: () => 0.99 })
    h.scheduler.schedule(() => h.triggers.next('guide-opened'), 1000)
    h.scheduler.schedule(() => h.triggers.next('recordings-opened'), 3000)
    h.scheduler.schedule(() => h.triggers.next('foreground'), 9000)
    h.scheduler.schedule(() => h.triggers.next('recordings-opened'), 20_000)
    h.run(60_000)
    expect(h.requests).toEqual([
      { at: 1000, reason: 'guide-opened' },
      { at: 20_000, reason: 'recordings-opened' },
    ])
  })

  it('checks after our own write even right after another check, once the one in flight is in', () => {
    const h = harness({ periodMs: 15 * MIN, random: () => 0.99 })
    h.scheduler.schedule(() => h.triggers.next('recordings-opened'), 1000)
    // Sent while the 200 ms request above is in flight, then again 5 s later.
    h.scheduler.schedule(() => h.triggers.next('write'), 1100)
    h.scheduler.schedule(() => h.triggers.next('write'), 6000)
    h.run(60_000)
    expect(h.requests).toEqual([
      { at: 1000, reason: 'recordings-opened' },
      { at: 1200, reason: 'write' },
      { at: 6000, reason: 'write' },
    ])
  })

  it('has at most one request in flight', () => {
    // Answers take 40 s: every trigger meanwhile rides on the request under way.
    const h = harness({
      random: () => 0.5,
      answer: (n, _at) => timer(40_000, hScheduler()).pipe(map(() => n)),
    })
    function hScheduler(): VirtualTimeScheduler {
      return h.scheduler
    }
    for (let t = 15_000; t < 60_000; t += 15_000)
      h.scheduler.schedule(() => h.triggers.next('user-action'), t)
    h.run(60_000)
    expect(h.requests.map((r) => r.at)).toEqual([15_000])
    expect(h.valuesAt()).toEqual([55_000])
  })

  type ErrorEvent = Extract<PollEvent<number>, { type: 'error' }>
  const errorsOf = (h: Harness): ErrorEvent[] => h.events.filter((e): e is ErrorEvent => e.type === 'error')

  it('retries quickly with exponential full jitter when the budget allows, then waits a jittered period', () => {
    const period = 15 * MIN
    // The whole budget, three quick retries: the backoff steps themselves.
    const h = harness({
      periodMs: period,
      random: seeded(3),
      quickRetries: 3,
      retryBudget: 1,
      answer: () => throwError(() => new Error('503')),
    })
    h.run(6 * HOUR)
    const errors = errorsOf(h)
    expect(errors.length).toBeGreaterThan(20)
    errors.forEach((e, i) => {
      expect(e.failures).toBe(i + 1)
      if (i < 3) {
        // 1 s, 2 s, 4 s windows, anywhere within.
        expect(e.retryInMs).toBeGreaterThanOrEqual(0)
        expect(e.retryInMs).toBeLessThanOrEqual(DEFAULT_BACKOFF_BASE_MS * 2 ** i)
      } else {
        // Capped at the device's own jittered period: never faster than normal polling.
        expect(e.retryInMs).toBeGreaterThanOrEqual(period * 0.8)
        expect(e.retryInMs).toBeLessThanOrEqual(period * 1.2)
      }
      const next = h.requests[i + 1]
      if (next) expect(next.at - e.at).toBeCloseTo(e.retryInMs, 6)
    })
    // The quick retries do not spread the way the draws were: two devices draw differently.
    const other = harness({
      periodMs: period,
      random: seeded(4),
      retryBudget: 1,
      answer: () => throwError(() => new Error('503')),
    })
    other.run(10 * MIN)
    expect(other.requests[1]?.at).not.toBe(h.requests[1]?.at)
  })

  it('retries a failed background poll at most once in a run of failures, when the budget draw grants it', () => {
    const period = 15 * MIN
    // Draws: 0.5 places the first poll; 0.1 < budget grants the quick retry; 0.5 places it.
    const draws = [0.5, 0.1, 0.5]
    const h = harness({
      periodMs: period,
      random: () => draws.shift() ?? 0.5,
      answer: () => throwError(() => new Error('503')),
    })
    h.run(2 * HOUR)
    const errors = errorsOf(h)
    expect(errors[0]).toMatchObject({
      reason: 'start',
      failures: 1,
      retryInMs: DEFAULT_BACKOFF_BASE_MS * 0.5,
    })
    // Every later failure of the run waits the device's own jittered period (0.5 -> the period).
    for (const e of errors.slice(1)) expect(e.retryInMs).toBeCloseTo(period, 3)
    expect(h.requests.map((r) => r.reason).slice(0, 3)).toEqual(['start', 'retry', 'retry'])
  })

  it('waits a jittered period instead when the budget draw says no', () => {
    const period = 15 * MIN
    // Draws: 0.5 places the first poll; 0.9 >= budget: no quick retry; 0.5 -> the period.
    const draws = [0.5, 0.9, 0.5]
    const h = harness({
      periodMs: period,
      random: () => draws.shift() ?? 0.5,
      answer: (n) => (n === 1 ? throwError(() => new Error('503')) : of(n)),
    })
    h.run(period * 2)
    const errors = errorsOf(h)
    expect(errors).toHaveLength(1)
    expect(errors[0]?.retryInMs).toBeCloseTo(period, 3)
    expect(h.requests).toHaveLength(2)
    expect((h.requests[1]?.at ?? 0) - (h.requests[0]?.at ?? 0)).toBeCloseTo(period, 3)
  })

  it('always retries once, quickly, a check the viewer is waiting on', () => {
    // Draws of 0.9: the budget would refuse a background poll every time.
    const h = harness({
      periodMs: 15 * MIN,
      random: () => 0.9,
      answer: (n) => (n === 1 ? throwError(() => new Error('blip')) : of(n)),
    })
    h.scheduler.schedule(() => h.triggers.next('recordings-opened'), 1000)
    h.run(60_000)
    expect(h.requests.map((r) => r.reason)).toEqual(['recordings-opened', 'retry'])
    const retry = h.requests[1] as { at: number }
    expect(retry.at - 1000).toBeLessThan(DEFAULT_BACKOFF_BASE_MS)
    expect(h.valuesAt()).toHaveLength(1)
  })

  it('retries once each check the viewer waits on, even after earlier failures', () => {
    // The guide's check and its quick retry fail; a screen opened later fails too and still
    // gets its own quick retry instead of waiting a whole period.
    const h = harness({
      periodMs: 15 * MIN,
      random: () => 0.9,
      answer: (n) => (n <= 3 ? throwError(() => new Error('503')) : of(n)),
    })
    h.scheduler.schedule(() => h.triggers.next('guide-opened'), 1000)
    h.scheduler.schedule(() => h.triggers.next('recordings-opened'), 20_000)
    h.run(60_000)
    expect(h.requests.map((r) => r.reason)).toEqual(['guide-opened', 'retry', 'recordings-opened', 'retry'])
    const retry = h.requests[3] as { at: number }
    expect(retry.at - 20_000).toBeLessThan(DEFAULT_BACKOFF_BASE_MS * 4)
    expect(h.valuesAt()).toHaveLength(1)
  })

  it('keeps the quick retries of a fleet that fails together within the retry budget', () => {
    const period = 15 * MIN
    // 1,000 devices and an operator down for two periods: each device's first failure may get
    // one quick retry, drawn; no other request comes quicker than the period.
    let first = 0
    let quick = 0
    for (let d = 0; d < 1000; d++) {
      const g = harness({
        periodMs: period,
        random: seeded(5000 + d),
        answer: () => throwError(() => new Error('down')),
      })
      g.run(2 * period)
      const errors = errorsOf(g)
      first += 1
      quick += errors.filter((e) => e.retryInMs < period * 0.8).length
      expect(errors.filter((e) => e.failures > 1).every((e) => e.retryInMs >= period * 0.8)).toBe(true)
    }
    // Binomial(1000, 0.3): within 0.24..0.36 all but never.
    expect(quick / first).toBeGreaterThan(DEFAULT_RETRY_BUDGET - 0.06)
    expect(quick / first).toBeLessThan(DEFAULT_RETRY_BUDGET + 0.06)
  })

  it('lets a fleet that failed together come back spread over a period, not in step', () => {
    const period = 15 * MIN
    // 300 devices, outage for the first 40 minutes: each first polls somewhere in the first
    // period, fails, and must find the operator back on its own schedule.
    const recoveries: number[] = []
    for (let d = 0; d < 300; d++) {
      const g = harness({
        periodMs: period,
        random: seeded(100 + d),
        answer: (n, at) => (at < 40 * MIN ? throwError(() => new Error('down')) : of(n)),
      })
      g.run(2 * HOUR)
      const value = g.events.find((e) => e.type === 'value')
      expect(value).toBeDefined()
      recoveries.push((value as { at: number }).at)
      // No request beyond the quick retries and the regular schedule during the outage.
      expect(g.requests.filter((r) => r.at < 40 * MIN).length).toBeLessThanOrEqual(4 * 4)
    }
    const minutes = new Map<number, number>()
    for (const at of recoveries)
      minutes.set(Math.floor(at / MIN), (minutes.get(Math.floor(at / MIN)) ?? 0) + 1)
    // Spread like the boot was: over at least a period, and no minute takes more than 3x its share.
    expect(Math.max(...recoveries) - Math.min(...recoveries)).toBeGreaterThan(period * 0.8)
    expect(Math.max(...minutes.values())).toBeLessThanOrEqual((300 / 15) * 3)
  })

  it('polls nothing while the app is in the background, and checks when it comes back', () => {
    const h = harness({ periodMs: 5 * MIN, random: () => 0.5 })
    h.scheduler.schedule(() => h.visible.next(false), 10 * MIN)
    h.scheduler.schedule(() => h.visible.next(true), 3 * HOUR)
    h.run(3 * HOUR + 1000)
    const during = h.requests.filter((r) => r.at > 10 * MIN && r.at < 3 * HOUR)
    expect(during).toEqual([])
    expect(h.requests[h.requests.length - 1]).toEqual({ at: 3 * HOUR, reason: 'foreground' })
    expect(h.events.some((e) => e.type === 'paused')).toBe(true)
  })

  it('tells the operator why each poll is made: start, schedule, screen, write, online, visible, retry', () => {
    const period = 5 * MIN
    // The second answer fails, so that one retry is seen too.
    const h = harness({
      periodMs: period,
      random: () => 0.5,
      retryBudget: 1,
      answer: (n) => (n === 2 ? throwError(() => new Error('down')) : of(n)),
    })
    const at = (ms: number, act: () => void): void => {
      h.scheduler.schedule(act, ms)
    }
    // First poll at 0.5 x period (start); the next one fails at 1.5 x period (schedule); its
    // retry comes within a second (retry); then the screens, a write, the network and the app.
    at(2 * period, () => h.triggers.next('guide-opened'))
    at(2 * period + 20_000, () => h.triggers.next('recordings-opened'))
    at(2 * period + 40_000, () => h.triggers.next('user-action'))
    at(2 * period + 41_000, () => h.triggers.next('write'))
    at(2 * period + 60_000, () => h.triggers.next('network-back'))
    at(2 * period + 70_000, () => h.visible.next(false))
    at(2 * period + 90_000, () => h.visible.next(true))
    h.run(2 * period + 91_000)
    expect(h.requests.map((r) => r.reason)).toEqual([
      'start',
      'schedule',
      'retry',
      'guide-opened',
      'recordings-opened',
      'user-action',
      'write',
      'network-back',
      'foreground',
    ])
    expect(h.causes).toEqual([
      'start',
      'schedule',
      'retry',
      'screen',
      'screen',
      'screen',
      'write',
      'online',
      'visible',
    ])
  })

  it('does not start polling before the app is first shown', () => {
    const h = harness({ visible: false })
    h.triggers.next('guide-opened')
    h.run(HOUR)
    expect(h.requests).toEqual([])
  })

  it('treats a request that ends without an answer as a failure and retries', () => {
    const h = harness({ random: () => 0.5, retryBudget: 1, answer: (n) => (n === 1 ? EMPTY : of(n)) })
    h.run(20 * MIN)
    expect(h.events.find((e) => e.type === 'error')).toMatchObject({ failures: 1 })
    expect(h.valuesAt().length).toBeGreaterThan(0)
  })

  it('stops everything when unsubscribed', () => {
    const scheduler = new VirtualTimeScheduler(VirtualAction, HOUR)
    let calls = 0
    const sub = pollTimestamps({
      fetch: () => {
        calls += 1
        return NEVER
      },
      scheduler,
      random: () => 0.1,
      periodMs: 5 * MIN,
      jitter: 0.2,
      visible$: of(true),
      triggers$: NEVER,
    }).subscribe()
    sub.unsubscribe()
    scheduler.flush()
    expect(calls).toBe(0)
  })
})
