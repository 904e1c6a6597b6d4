import { BehaviorSubject, EMPTY, Observable, Subscription, combineLatest, map, switchMap, timer } from 'rxjs'
import type { SchedulerLike } from 'rxjs'
import { STATUS_CODE } from '../../api/envelope'
import { isApiError } from '../../api'
import {
  isProgrammeLocked,
  locksNothing,
  runningUnlocks,
  type ParentalControl,
  type Unlocks,
} from '../../domain/parental'
import type { UnixSeconds } from '../../domain/time'
import type { StampedResource } from '../cache/stampedResource'

/** What a refused PIN means for the dialog. */
export type PinRefusal =
  | { kind: 'wrong'; attemptsLeft?: number }
  | { kind: 'locked'; lockedUntil: UnixSeconds }
  | { kind: 'failed'; offline: boolean }

const DEFAULT_LOCK_SECONDS = 60

/** The operator's answer to a PIN as the dialog shows it (the purchase PIN's codes 45 and 46). */
export const pinRefusalOf = (error: unknown, now: UnixSeconds): PinRefusal => {
  if (isApiError(error) && error.kind === 'denied' && error.code === STATUS_CODE.PinLocked)
    return { kind: 'locked', lockedUntil: error.lockedUntil ?? now + DEFAULT_LOCK_SECONDS }
  if (isApiError(error) && error.kind === 'denied' && error.code === STATUS_CODE.PinRequired)
    return {
      kind: 'wrong',
      ...(error.attemptsLeft !== undefined ? { attemptsLeft: error.attemptsLeft } : {}),
    }
  return {
    kind: 'failed',
    offline: isApiError(error) && (error.kind === 'network' || error.kind === 'timeout'),
  }
}

export interface ParentalLockPorts {
  setParentalControl(pin: string, control: { enabled: boolean; maxRating: number }): Promise<ParentalControl>
  /** Resolves with when the unlock ends. */
  unlockProgramme(programmeId: string, pin: string): Promise<UnixSeconds>
}

export interface ParentalLockOptions {
  /** The settings, cached on the box and fetched again when the Pins stamp moves. */
  control: StampedResource<ParentalControl>
  ports: ParentalLockPorts
  /**
   * The settings are fetched again this long after the last fetch even when no stamp moved:
   * document 000's EnablePin does not move the Pins stamp, so this is how soon at worst an
   * EnablePin made on another device reaches the box.
   */
  maxAgeMs: number
  nowMs: () => number
  scheduler: SchedulerLike
}

/** The parental lock of one user: settings, the programmes unlocked with the PIN, and the rule. */
export interface ParentalLock {
  readonly control: StampedResource<ParentalControl>
  /** Emits the settings and unlocks whenever what is locked may have changed. */
  readonly changes$: Observable<{ control: ParentalControl | undefined; unlocks: Unlocks }>
  /** Whether the programme needs the PIN now (domain/parental's rule). */
  isLocked(programme: { readonly id: string; readonly rating?: number | undefined }): boolean
  /** Whether the settings on the box lock no programme whatever its rating (nothing to look up). */
  locksNothing(): boolean
  /** Unlocks with the PIN (checked by the operator); kept until the programme ends. Rejects with the API error. */
  unlock(programmeId: string): (pin: string) => Promise<UnixSeconds>
  /** Changes the settings with the PIN; rejects with the API error. */
  setControl(pin: string, control: { enabled: boolean; maxRating: number }): Promise<void>
  dispose(): void
}

export const createParentalLock = (options: ParentalLockOptions): ParentalLock => {
  const { control } = options
  const nowSeconds = (): UnixSeconds => options.nowMs() / 1000
  const unlocks = new BehaviorSubject<Unlocks>(new Map())
  const subscriptions = new Subscription()
  // Never sooner than this after a failed fetch, so an operator that is down is not hammered.
  const retryMs = Math.min(options.maxAgeMs, 60_000)
  if (Number.isFinite(options.maxAgeMs))
    subscriptions.add(
      control.state$
        .pipe(
          map((s) => s.fetchedAt),
          switchMap((fetchedAt) =>
            fetchedAt === undefined
              ? EMPTY
              : timer(Math.max(retryMs, fetchedAt + options.maxAgeMs - options.nowMs()), options.scheduler),
          ),
        )
        .subscribe(() => control.refresh()),
    )

  return {
    control,
    changes$: combineLatest([control.state$.pipe(map((s) => s.data)), unlocks]).pipe(
      map(([c, u]) => ({ control: c, unlocks: u })),
    ),
    isLocked(programme) {
      return isProgrammeLocked(programme, control.current.data, unlocks.value, nowSeconds())
    },
    locksNothing() {
      return locksNothing(control.current.data)
    },
    unlock(programmeId) {
      return async (pin) => {
        const until = await options.ports.unlockProgramme(programmeId, pin)
        const next = new Map(runningUnlocks(unlocks.value, nowSeconds()))
        next.set(programmeId, until)
        unlocks.next(next)
        return until
      }
    },
    async setControl(pin, wanted) {
      await control.change(
        (data) => ({ ...data, ...wanted }),
        () => options.ports.setParentalControl(pin, wanted),
      )
    },
    dispose() {
      subscriptions.unsubscribe()
      unlocks.complete()
    },
  }
}
