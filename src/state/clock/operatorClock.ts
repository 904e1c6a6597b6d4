import { Observable, SchedulerLike, defer, interval, map, startWith } from 'rxjs'

/**
 * The operator's time as this box sees it. A set-top box's own clock is often wrong (no NTP
 * yet, a bad time zone setting), and QA moves the simulator's clock: what is "on now", the
 * state of a recording and the live edge all follow the operator, so every screen reads the
 * time here and never from Date.now().
 */
export interface OperatorClock {
  /** Milliseconds since the epoch on the operator's clock. */
  nowMs(): number
  /** Whole seconds since the epoch on the operator's clock (the unit of the domain rules). */
  nowSeconds(): number
  /** Emits nowMs() at once and then every `periodMs` (screens that move with the clock). */
  ticks(periodMs: number): Observable<number>
  /**
   * Tells the clock what the operator said the time was (an HTTP `Date`, in ms) for a
   * response received at local time `receivedAtMs`.
   */
  observe(operatorMs: number, receivedAtMs: number): void
}

export interface OperatorClockOptions {
  localNowMs: () => number
  scheduler: SchedulerLike
}

/**
 * An HTTP `Date` has whole seconds, so one reading may be up to a second early. The offset
 * follows the latest reading unless it moved less than this, which keeps the guide's now-line
 * from jittering back and forth by a second while a QA clock jump still shows at once.
 */
const SETTLE_MS = 1500

export const createOperatorClock = (options: OperatorClockOptions): OperatorClock => {
  let offsetMs = 0
  const nowMs = (): number => options.localNowMs() + offsetMs
  return {
    nowMs,
    nowSeconds: () => Math.floor(nowMs() / 1000),
    ticks: (periodMs) =>
      defer(() =>
        interval(periodMs, options.scheduler).pipe(
          map(() => nowMs()),
          startWith(nowMs()),
        ),
      ),
    observe(operatorMs, receivedAtMs) {
      if (!Number.isFinite(operatorMs)) return
      const next = operatorMs - receivedAtMs
      if (Math.abs(next - offsetMs) >= SETTLE_MS) offsetMs = next
    },
  }
}
