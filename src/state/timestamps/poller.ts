import { Observable, SchedulerLike, Subscription, take } from 'rxjs'

/**
 * The GetUserTimestamps poller (document 000): at most one request in flight, the first poll
 * at a random point of the first period, each next one a jittered period after the last, user
 * actions checked at once but collapsed when close together, failures backed off with full
 * jitter, the schedule re-randomised after recovery, and nothing while the app is hidden.
 *
 * Time, randomness and the request are injected: tests and the fleet simulation run hours of
 * it in virtual time. It never uses Date.now() or setTimeout itself.
 */

/** Document 000 recommends five minutes at the least; a smaller period is raised to it. */
export const MIN_PERIOD_MS = 300_000

export type PollReason =
  | 'schedule'
  | 'retry'
  | 'foreground'
  | 'guide-opened'
  | 'recordings-opened'
  | 'network-back'
  | 'user-action'
  /** Our own write moved a stamp: never collapsed, queued behind a request in flight. */
  | 'write'

export interface PollerOptions<T> {
  /** One GetUserTimestamps request; it must emit once (or error). Cancelled by unsubscribing. */
  fetch: (reason: PollReason) => Observable<T>
  scheduler: SchedulerLike
  /** Uniform in [0, 1). */
  random: () => number
  periodMs: number
  /** Each next poll is period x uniform(1 - jitter, 1 + jitter). */
  jitter: number
  /** Whether the app is in the foreground; nothing is polled while it is false. */
  visible$: Observable<boolean>
  /** Actions that call for a check now (guide or recordings opened, network back...). */
  triggers$: Observable<PollReason>
  /** Checks asked for within this time of the last one collapse into it. */
  collapseMs?: number
  backoffBaseMs?: number
  backoffCapMs?: number
}

export type PollEvent<T> =
  | { type: 'value'; value: T; at: number; reason: PollReason }
  | { type: 'error'; error: unknown; at: number; reason: PollReason; failures: number; retryInMs: number }
  | { type: 'scheduled'; at: number; nextAt: number; reason: PollReason }
  | { type: 'paused'; at: number }
  | { type: 'clamped'; requestedMs: number; usedMs: number }

export const DEFAULT_COLLAPSE_MS = 10_000
export const DEFAULT_BACKOFF_BASE_MS = 5_000
export const DEFAULT_BACKOFF_CAP_MS = 300_000

export const pollTimestamps = <T>(options: PollerOptions<T>): Observable<PollEvent<T>> =>
  new Observable<PollEvent<T>>((subscriber) => {
    const { scheduler, random, jitter } = options
    const period = Math.max(MIN_PERIOD_MS, options.periodMs)
    const collapseMs = options.collapseMs ?? DEFAULT_COLLAPSE_MS
    const base = options.backoffBaseMs ?? DEFAULT_BACKOFF_BASE_MS
    const cap = options.backoffCapMs ?? DEFAULT_BACKOFF_CAP_MS
    if (period !== options.periodMs) {
      subscriber.next({ type: 'clamped', requestedMs: options.periodMs, usedMs: period })
    }

    const uniform = (from: number, to: number): number => from + (to - from) * random()
    let timer: Subscription | undefined
    let request: Subscription | undefined
    let busy = false
    let visible = false
    let everVisible = false
    let failures = 0
    let lastCheckAt = Number.NEGATIVE_INFINITY
    let writeWaiting = false

    const scheduleCheck = (delayMs: number, reason: PollReason): void => {
      timer?.unsubscribe()
      const at = scheduler.now()
      timer = scheduler.schedule(() => check(reason, true), delayMs)
      subscriber.next({ type: 'scheduled', at, nextAt: at + delayMs, reason })
    }

    const check = (reason: PollReason, fromTimer: boolean): void => {
      if (!visible) return
      if (busy) {
        // The answer in flight may predate the write; ask again once it is in.
        if (reason === 'write') writeWaiting = true
        return
      }
      // An action right after another check rides on it; a write cannot, its stamp is new.
      if (!fromTimer && reason !== 'write' && scheduler.now() - lastCheckAt < collapseMs) return
      timer?.unsubscribe()
      timer = undefined
      busy = true
      lastCheckAt = scheduler.now()
      let answered = false
      const settle = (): void => {
        busy = false
        request = undefined
      }
      const followUp = (): void => {
        if (!writeWaiting) return
        writeWaiting = false
        check('write', false)
      }
      request = options
        .fetch(reason)
        .pipe(take(1))
        .subscribe({
          next: (value) => {
            answered = true
            const recovered = failures > 0
            failures = 0
            settle()
            subscriber.next({ type: 'value', value, at: scheduler.now(), reason })
            // A fleet that failed together must not come back in step: after a recovery the
            // next poll lands anywhere in a period, not a period after everyone's success.
            scheduleCheck(
              recovered ? uniform(0, period) : period * uniform(1 - jitter, 1 + jitter),
              'schedule',
            )
            followUp()
          },
          error: (error: unknown) => {
            answered = true
            fail(error, reason)
            followUp()
          },
          complete: () => {
            if (!answered) fail(new Error('the timestamps request ended without an answer'), reason)
          },
        })
      if (!busy) request = undefined
    }

    const fail = (error: unknown, reason: PollReason): void => {
      failures += 1
      busy = false
      request = undefined
      // Full jitter: anywhere between now and the capped exponential step.
      const retryInMs = random() * Math.min(cap, base * 2 ** (failures - 1))
      subscriber.next({ type: 'error', error, at: scheduler.now(), reason, failures, retryInMs })
      scheduleCheck(retryInMs, 'retry')
    }

    const visibility = options.visible$.subscribe((isVisible) => {
      if (isVisible === visible) return
      visible = isVisible
      if (!isVisible) {
        timer?.unsubscribe()
        timer = undefined
        request?.unsubscribe()
        request = undefined
        busy = false
        subscriber.next({ type: 'paused', at: scheduler.now() })
        return
      }
      if (!everVisible) {
        everVisible = true
        // Devices that boot together must not poll together.
        scheduleCheck(uniform(0, period), 'schedule')
      } else {
        check('foreground', false)
        // If the check collapsed (one ran just before the app was hidden), keep a schedule.
        if (!busy && timer === undefined) scheduleCheck(period * uniform(1 - jitter, 1 + jitter), 'schedule')
      }
    })
    const triggers = options.triggers$.subscribe((reason) => check(reason, false))

    return () => {
      visibility.unsubscribe()
      triggers.unsubscribe()
      timer?.unsubscribe()
      request?.unsubscribe()
    }
  })
