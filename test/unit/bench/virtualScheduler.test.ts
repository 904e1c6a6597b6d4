/** @jest-environment node */
import fc from 'fast-check'
import {
  delay,
  interval,
  map,
  mergeMap,
  of,
  SchedulerLike,
  Subject,
  take,
  throwError,
  timer,
  VirtualAction,
  VirtualTimeScheduler,
} from 'rxjs'
import { PollReason, pollTimestamps } from '../../../src/state/timestamps/poller'
import { VirtualScheduler } from '../../bench/fleet/virtualScheduler'

const MIN = 60_000
const HOUR = 3_600_000

describe('VirtualScheduler', () => {
  it('runs actions in order of their due time, whatever the order they were scheduled in', () => {
    const s = new VirtualScheduler()
    const ran: string[] = []
    s.schedule(() => ran.push('c'), 300)
    s.schedule(() => ran.push('a'), 100)
    s.schedule(() => ran.push('b'), 200)
    s.advanceTo(1000)
    expect(ran).toEqual(['a', 'b', 'c'])
  })

  it('runs actions due at the same instant in the order they were scheduled', () => {
    const s = new VirtualScheduler()
    const ran: number[] = []
    for (let i = 0; i < 50; i++) s.schedule(() => ran.push(i), 500)
    s.schedule(() => ran.push(-1), 0)
    s.advanceTo(500)
    expect(ran).toEqual([-1, ...Array.from({ length: 50 }, (_, i) => i)])
  })

  it('runs work scheduled for now from inside work after what was already due then', () => {
    const s = new VirtualScheduler()
    const ran: string[] = []
    s.schedule(() => {
      ran.push('first')
      s.schedule(() => ran.push('queued from first'), 0)
    }, 10)
    s.schedule(() => ran.push('second'), 10)
    s.advanceTo(10)
    expect(ran).toEqual(['first', 'second', 'queued from first'])
  })

  it('shows the due time of the action as now() while it runs, and the target time after', () => {
    const s = new VirtualScheduler(1000)
    const seen: number[] = []
    s.schedule(() => seen.push(s.now()), 250)
    s.schedule(() => seen.push(s.now()), 750.5)
    s.advanceTo(5000)
    expect(seen).toEqual([1250, 1750.5])
    expect(s.now()).toBe(5000)
  })

  it('runs nothing that is due after the target time, and runs it on a later advance', () => {
    const s = new VirtualScheduler()
    const ran: number[] = []
    s.schedule(() => ran.push(s.now()), 100)
    s.schedule(() => ran.push(s.now()), 101)
    s.advanceTo(100)
    expect(ran).toEqual([100])
    expect(s.pending).toBe(1)
    s.advanceBy(1)
    expect(ran).toEqual([100, 101])
    expect(s.pending).toBe(0)
  })

  it('never runs an action that was unsubscribed', () => {
    const s = new VirtualScheduler()
    const ran: string[] = []
    const cancelled = s.schedule(() => ran.push('cancelled'), 100)
    s.schedule(() => ran.push('kept'), 200)
    const cancelledLater = s.schedule(() => ran.push('cancelled later'), 300)
    cancelled.unsubscribe()
    expect(s.pending).toBe(2)
    s.schedule(() => cancelledLater.unsubscribe(), 250)
    s.advanceTo(1000)
    expect(ran).toEqual(['kept'])
    expect(s.pending).toBe(0)
  })

  it('lets an action reschedule itself with this.schedule, as recursive RxJS work does', () => {
    const s = new VirtualScheduler()
    const ticks: number[] = []
    s.schedule<number>(
      function (count = 0) {
        ticks.push(s.now())
        if (count < 3) this.schedule(count + 1, 100)
      },
      50,
      0,
    )
    s.advanceTo(10_000)
    expect(ticks).toEqual([50, 150, 250, 350])
  })

  it('moves a pending action when it is scheduled again from outside', () => {
    const s = new VirtualScheduler()
    const ran: number[] = []
    const action = s.schedule<string>(function () {
      ran.push(s.now())
    }, 100)
    s.schedule(() => undefined, 0)
    s.advanceTo(10)
    action.schedule(undefined, 500)
    s.advanceTo(10_000)
    expect(ran).toEqual([510])
  })

  it('treats a negative or missing delay as now, so the clock never goes back', () => {
    const s = new VirtualScheduler()
    const seen: number[] = []
    s.advanceTo(100)
    s.schedule(() => seen.push(s.now()), -50)
    s.schedule(() => seen.push(s.now()))
    s.advanceTo(100)
    expect(seen).toEqual([100, 100])
  })

  it('drives RxJS operators that take a scheduler', () => {
    const s = new VirtualScheduler()
    const out: [number, number][] = []
    interval(1000, s)
      .pipe(take(3))
      .subscribe((n) => out.push([n, s.now()]))
    of('x')
      .pipe(delay(2500, s))
      .subscribe(() => out.push([-1, s.now()]))
    timer(4000, s)
      .pipe(map(() => 99))
      .subscribe((n) => out.push([n, s.now()]))
    s.advanceTo(10_000)
    expect(out).toEqual([
      [0, 1000],
      [1, 2000],
      [-1, 2500],
      [2, 3000],
      [99, 4000],
    ])
  })

  it('keeps the order right after most of a large queue is cancelled (the heap is compacted)', () => {
    const s = new VirtualScheduler()
    const ran: number[] = []
    const subs = Array.from({ length: 20_000 }, (_, i) =>
      s.schedule(() => ran.push(i), ((i * 7919) % 20_000) + 1),
    )
    subs.forEach((sub, i) => {
      if (i % 4 !== 0) sub.unsubscribe()
    })
    expect(s.pending).toBe(5000)
    s.advanceTo(Number.MAX_SAFE_INTEGER)
    const expected = Array.from({ length: 20_000 }, (_, i) => i)
      .filter((i) => i % 4 === 0)
      .sort((a, b) => ((a * 7919) % 20_000) - ((b * 7919) % 20_000))
    expect(ran).toEqual(expected)
  })

  it('runs any set of actions by (time, order scheduled), minus the cancelled ones', () => {
    expect.hasAssertions()
    fc.assert(
      fc.property(
        fc.array(fc.record({ delay: fc.integer({ min: 0, max: 50 }), cancel: fc.boolean() }), {
          maxLength: 300,
        }),
        (specs) => {
          const s = new VirtualScheduler()
          const ran: number[] = []
          const subs = specs.map((spec, i) => s.schedule(() => ran.push(i), spec.delay))
          specs.forEach((spec, i) => {
            if (spec.cancel) subs[i]?.unsubscribe()
          })
          s.advanceTo(100)
          const expected = specs
            .map((spec, i) => ({ ...spec, i }))
            .filter((spec) => !spec.cancel)
            .sort((a, b) => a.delay - b.delay || a.i - b.i)
            .map((spec) => spec.i)
          expect(ran).toEqual(expected)
        },
      ),
    )
  })
})

describe('VirtualScheduler driving the real poller', () => {
  const seeded = (seed: number) => () => {
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }

  /** Request times of one device over six hours with an outage and some user actions. */
  const requestTimes = (scheduler: SchedulerLike, run: (untilMs: number) => void): number[] => {
    const times: number[] = []
    const triggers = new Subject<PollReason>()
    pollTimestamps<number>({
      fetch: () => {
        const at = scheduler.now()
        times.push(at)
        const down = at >= 2 * HOUR && at < 2 * HOUR + 10 * MIN
        return timer(120, scheduler).pipe(
          mergeMap(() => (down ? throwError(() => new Error('503')) : of(times.length))),
        )
      },
      scheduler,
      random: seeded(42),
      periodMs: 15 * MIN,
      jitter: 0.2,
      visible$: of(true),
      triggers$: triggers,
      // Every quick retry granted: the more timers the outage makes, the more this compares.
      quickRetries: 3,
      retryBudget: 1,
    }).subscribe()
    for (const at of [17 * MIN, 17 * MIN + 3000, 3 * HOUR + 1])
      scheduler.schedule(() => triggers.next('guide-opened'), at)
    run(6 * HOUR)
    return times
  }

  it('makes the same requests at the same times as RxJS VirtualTimeScheduler', () => {
    const ours = new VirtualScheduler()
    const rxjs = new VirtualTimeScheduler(VirtualAction, Number.POSITIVE_INFINITY)
    const expected = requestTimes(rxjs, (until) => {
      rxjs.maxFrames = until
      rxjs.flush()
    })
    const actual = requestTimes(ours, (until) => ours.advanceTo(until))
    expect(expected.length).toBeGreaterThan(25)
    expect(actual).toEqual(expected)
  })
})
