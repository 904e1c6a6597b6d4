import {
  BehaviorSubject,
  EMPTY,
  Subject,
  distinctUntilChanged,
  switchMap,
  type Observable,
  type Subscription,
} from 'rxjs'
import {
  SLEEP_OFF,
  setSleep,
  sleepStatus,
  type SleepSetting,
  type SleepStatus,
} from '../../domain/sleepTimer'
import type { OperatorClock } from '../clock/operatorClock'

export interface SleepTimerOptions {
  clock: Pick<OperatorClock, 'nowMs' | 'ticks'>
  /** How often a set timer looks at the clock. */
  tickMs: number
  /** How long before the end the warning comes (the domain's minute unless a test says less). */
  warningMs?: number
}

/**
 * The sleep timer of the app: it outlives a zap (each channel gets a new player page) and
 * counts on the operator's clock, so a QA clock move counts as time passing. It says when the
 * warning starts and, once, when the time is up; then it is off again.
 */
export interface SleepTimer {
  /** The timer's phase and time left; replays the current one. */
  readonly status$: Observable<SleepStatus>
  readonly status: SleepStatus
  /** Fires once when a set timer runs out (the player stops). */
  readonly expired$: Observable<void>
  /** Sets the timer to `minutes` from now (0: off). */
  set(minutes: number): void
  dispose(): void
}

const sameStatus = (a: SleepStatus, b: SleepStatus): boolean =>
  a.phase === b.phase &&
  a.minutes === b.minutes &&
  Math.ceil(a.remainingMs / 1000) === Math.ceil(b.remainingMs / 1000)

export const createSleepTimer = (options: SleepTimerOptions): SleepTimer => {
  const { clock, tickMs, warningMs } = options
  const setting = new BehaviorSubject<SleepSetting | undefined>(undefined)
  const status = new BehaviorSubject<SleepStatus>(SLEEP_OFF)
  const expired = new Subject<void>()
  const ticking: Subscription = setting
    .pipe(switchMap((s) => (s ? clock.ticks(tickMs) : EMPTY)))
    .subscribe((nowMs) => {
      const next = sleepStatus(setting.value, nowMs, warningMs)
      if (next.phase === 'expired') {
        setting.next(undefined)
        status.next(SLEEP_OFF)
        expired.next()
        return
      }
      status.next(next)
    })
  return {
    status$: status.pipe(distinctUntilChanged(sameStatus)),
    get status(): SleepStatus {
      return status.value
    },
    expired$: expired.asObservable(),
    set(minutes) {
      const nowMs = clock.nowMs()
      const next = setSleep(minutes, nowMs)
      status.next(next ? sleepStatus(next, nowMs, warningMs) : SLEEP_OFF)
      setting.next(next)
    },
    dispose() {
      ticking.unsubscribe()
      setting.complete()
      status.complete()
      expired.complete()
    },
  }
}
