import { Observable, SchedulerLike, Subscription, take } from 'rxjs'

/**
 * The GetUserTimestamps poller (document 000): at most one request in flight, the first poll
 * at a random point of the first period, each next one a jittered period after the last, user
 * actions checked at once but collapsed when close together, one quick retry of a failure
 * within a retry budget, recovery on each device's own random schedule, and nothing while the
 * app is hidden.
 *
 * Time, randomness and the request are injected: tests and the fleet simulation run hours of
 * it in virtual time. It never uses Date.now() or setTimeout itself.
 */

/** Document 000 recommends five minutes at the least; a smaller period is raised to it. */
export const MIN_PERIOD_MS = 300_000

export type PollReason =
  /** The first poll after the app is first shown. */
  | 'start'
  | 'schedule'
  | 'retry'
  | 'foreground'
  | 'guide-opened'
  | 'recordings-opened'
  | 'network-back'
  | 'user-action'
  /** Our own write moved a stamp: never collapsed, queued behind a request in flight. */
  | 'write'

/**
 * Why a poll was made, as the box tells the operator (the request's reason): the screens'
 * several triggers are one `screen` there, and the words are the QA console's, not the code's.
 */
export type PollCause = 'start' | 'schedule' | 'retry' | 'screen' | 'write' | 'online' | 'visible'

const CAUSES: Record<PollReason, PollCause> = {
  start: 'start',
  schedule: 'schedule',
  retry: 'retry',
  foreground: 'visible',
  'guide-opened': 'screen',
  'recordings-opened': 'screen',
  'user-action': 'screen',
  'network-back': 'online',
  write: 'write',
}

export const causeOf = (reason: PollReason): PollCause => CAUSES[reason]

export interface PollerOptions<T> {
  /**
   * One GetUserTimestamps request; it must emit once (or error). Cancelled by unsubscribing.
   * `cause` is what to tell the operator about why (causeOf(reason)).
   */
  fetch: (reason: PollReason, cause: PollCause) => Observable<T>
  scheduler: SchedulerLike
  /** Uniform in [0, 1). */
  random: () => number
  periodMs: number
  /**
   * Later periods (the viewer's preference): each is clamped like `periodMs` and applies from
   * the next scheduled poll, which is drawn again in the new period.
   */
  periodMs$?: Observable<number>
  /** Each next poll is period x uniform(1 - jitter, 1 + jitter). */
  jitter: number
  /** Whether the app is in the foreground; nothing is polled while it is false. */
  visible$: Observable<boolean>
  /** Actions that call for a check now (guide or recordings opened, network back...). */
  triggers$: Observable<PollReason>
  /** Checks asked for within this time of the last one collapse into it. */
  collapseMs?: number
  /** Window of the first quick retry; each next one doubles it (full jitter within). */
  backoffBaseMs?: number
  /** No quick retry waits longer than this (the period, unless told). */
  backoffCapMs?: number
  /**
   * Quick retries in a run of failures at most; past them (or when the budget says no) the
   * device waits its own jittered period.
   */
  quickRetries?: number
  /**
   * The retry budget: the share of failed background polls (start, schedule, online, retry)
   * that get a quick retry, drawn per failure. Checks the viewer is waiting on (screen,
   * write, visible) always get theirs.
   */
  retryBudget?: number
}

export type PollEvent<T> =
  | { type: 'value'; value: T; at: number; reason: PollReason }
  | { type: 'error'; error: unknown; at: number; reason: PollReason; failures: number; retryInMs: number }
  | { type: 'scheduled'; at: number; nextAt: number; reason: PollReason }
  | { type: 'paused'; at: number }
  | { type: 'clamped'; requestedMs: number; usedMs: number }

export const DEFAULT_COLLAPSE_MS = 10_000
export const DEFAULT_BACKOFF_BASE_MS = 1_000
export const DEFAULT_QUICK_RETRIES = 1
/**
 * A device cannot tell a chance failure from the first failure of an outage, and every device
 * meets an outage with its budget unspent: if each first failure were retried, a fleet would
 * offer twice its load for the whole first period of an outage, whatever the retry's delay.
 * Drawn per failure, the quick retries add at most this share (plus the viewer's own checks,
 * a few per day) to what a failing fleet offers: DESIGN.md allows 1.5x the steady load.
 */
export const DEFAULT_RETRY_BUDGET = 0.3

/** Causes with a viewer waiting on the answer: a chance failure of these is always retried once. */
const WATCHED: ReadonlySet<PollCause> = new Set<PollCause>(['screen', 'write', 'visible'])

export const pollTimestamps = <T>(options: PollerOptions<T>): Observable<PollEvent<T>> =>
  new Observable<PollEvent<T>>((subscriber) => {
    const { scheduler, random, jitter } = options
    let period = Math.max(MIN_PERIOD_MS, options.periodMs)
    const collapseMs = options.collapseMs ?? DEFAULT_COLLAPSE_MS
    const base = options.backoffBaseMs ?? DEFAULT_BACKOFF_BASE_MS
    const quickRetries = options.quickRetries ?? DEFAULT_QUICK_RETRIES
    const retryBudget = options.retryBudget ?? DEFAULT_RETRY_BUDGET
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
        .fetch(reason, causeOf(reason))
        .pipe(take(1))
        .subscribe({
          next: (value) => {
            answered = true
            failures = 0
            settle()
            subscriber.next({ type: 'value', value, at: scheduler.now(), reason })
            scheduleCheck(period * uniform(1 - jitter, 1 + jitter), 'schedule')
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
      // A blip is retried at once (full jitter within 1 s), if the retry budget grants it: a
      // check the viewer waits on always, a background poll with the budget's chance. Retried
      // every time, the quick retries of a fleet meeting an outage together multiplied its
      // load (measured: 4.03x the steady load during a 10-minute outage, with three of them).
      // Otherwise, and past the quick retries, the operator is taken to be down and the step is
      // the device's own jittered period, counted from its own failure: the fleet keeps the
      // spread it had and recovers on it, at no more than its normal load (measured: 4.7x the
      // normal load in the minute after the outage when retries kept on instead).
      // A viewer's check is retried once even after earlier failures: opening a screen cancels a
      // pending retry, so without this a second screen in a row would wait a whole period.
      const quick = WATCHED.has(causeOf(reason)) || (failures <= quickRetries && random() < retryBudget)
      const retryInMs = quick
        ? random() * Math.min(options.backoffCapMs ?? period, base * 2 ** (failures - 1))
        : period * uniform(1 - jitter, 1 + jitter)
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
        scheduleCheck(uniform(0, period), 'start')
      } else {
        check('foreground', false)
        // If the check collapsed (one ran just before the app was hidden), keep a schedule.
        if (!busy && timer === undefined) scheduleCheck(period * uniform(1 - jitter, 1 + jitter), 'schedule')
      }
    })
    const triggers = options.triggers$.subscribe((reason) => check(reason, false))
    const periods = options.periodMs$?.subscribe((requested) => {
      const next = Math.max(MIN_PERIOD_MS, requested)
      if (next !== requested) subscriber.next({ type: 'clamped', requestedMs: requested, usedMs: next })
      if (next === period) return
      period = next
      // A poll waiting on the old period is drawn again in the new one (never while failing).
      if (visible && everVisible && !busy && failures === 0 && timer !== undefined)
        scheduleCheck(period * uniform(1 - jitter, 1 + jitter), 'schedule')
    })

    return () => {
      periods?.unsubscribe()
      visibility.unsubscribe()
      triggers.unsubscribe()
      timer?.unsubscribe()
      request?.unsubscribe()
    }
  })
