import {
  EMPTY,
  Observable,
  SchedulerLike,
  Subject,
  Subscription,
  asyncScheduler,
  distinctUntilChanged,
  from,
  map,
  of,
  race,
  shareReplay,
  switchMap,
  take,
  timer,
} from 'rxjs'
import { compareWithGuide, dueOf, needsCheck, type GuideCheck, type Reminder } from '../../domain/reminders'
import type { Programme } from '../../domain/guide'
import type { Logger } from '../../platform/log'
import type { ProgrammeLookup } from '../guide/guideService'
import type { OperatorClock } from '../clock/operatorClock'
import type { ReminderStore } from './reminderStore'

/** What the viewer is told about a reminder. */
export type ReminderNotice =
  | { kind: 'startsNow'; reminder: Reminder }
  | { kind: 'missed'; reminder: Reminder; onAir: boolean }
  | { kind: 'moved'; reminder: Reminder; to: Extract<GuideCheck, { kind: 'moved' }>['to'] }
  | { kind: 'gone'; reminder: Reminder }

export interface ReminderTimings {
  /** How often the reminders are looked at (ms). */
  tickMs: number
  /** How long before a start its programme is asked for again (seconds). */
  checkAheadSeconds: number
  /** How often, within that, it is asked again (seconds). */
  checkEverySeconds: number
  /** A start seen this late at start-up still counts as "starts now" (seconds). */
  graceSeconds: number
  /** How long the first look waits for the operator's clock (ms). */
  clockWaitMs: number
}

export const DEFAULT_REMINDER_TIMINGS: ReminderTimings = {
  tickMs: 1000,
  checkAheadSeconds: 300,
  checkEverySeconds: 120,
  graceSeconds: 60,
  clockWaitMs: 15_000,
}

export interface ReminderSchedulerOptions {
  store: ReminderStore
  clock: Pick<OperatorClock, 'nowSeconds' | 'ticks'>
  /** The operator's word on a programme (GetProgramme through the guide). */
  lookUp: (programmeId: string) => Promise<ProgrammeLookup>
  timings: ReminderTimings
  /** Resolves once the operator's time has been heard (any answer's Date). */
  clockReady?: Promise<void>
  /** Waits for clockReady at most `timings.clockWaitMs` (offline, the box's clock is all there is). */
  scheduler?: SchedulerLike
  log: Logger
}

/**
 * Fires the reminders by the operator clock: each tick looks at every reminder; one whose start
 * has come is told (and removed), one that starts soon is checked against the guide, so that a
 * programme that moved or left the guide is said to have, rather than fired at the old time.
 * The first look after start-up tells what started while the box was off, once.
 */
export const createReminderScheduler = (
  options: ReminderSchedulerOptions,
): { notices$: Observable<ReminderNotice>; start(): void; dispose(): void } => {
  const { store, clock, timings, log } = options
  const notices = new Subject<ReminderNotice>()
  const lastCheck = new Map<string, number>()
  const checking = new Set<string>()
  let first = true
  let ticking: Subscription | undefined

  const tell = (notice: ReminderNotice): void => {
    lastCheck.delete(notice.reminder.programmeId)
    const next: Reminder | undefined =
      notice.kind === 'moved' ? { ...notice.reminder, ...notice.to } : undefined
    // Told once: the reminder leaves the list (a moved one stays, at its new time).
    store.replace(notice.reminder.programmeId, next).catch(() => undefined)
    notices.next(notice)
  }

  const check = (r: Reminder): void => {
    if (checking.has(r.programmeId)) return
    checking.add(r.programmeId)
    lastCheck.set(r.programmeId, clock.nowSeconds())
    void options.lookUp(r.programmeId).then((lookup) => {
      checking.delete(r.programmeId)
      // The reminder may have been cancelled or fired meanwhile.
      const current = store.list.find((x) => x.programmeId === r.programmeId)
      if (!current || lookup.kind === 'failed') return
      const programme: Programme | undefined = lookup.kind === 'found' ? lookup.details.programme : undefined
      const result = compareWithGuide(current, programme)
      if (result.kind === 'moved') tell({ kind: 'moved', reminder: current, to: result.to })
      else if (result.kind === 'gone') tell({ kind: 'gone', reminder: current })
    })
  }

  const look = (): void => {
    const now = clock.nowSeconds()
    const atStartUp = first
    first = false
    for (const r of store.list) {
      const due = dueOf(r, now, atStartUp, timings.graceSeconds)
      if (due.kind === 'startsNow') tell({ kind: 'startsNow', reminder: r })
      else if (due.kind === 'missed') tell({ kind: 'missed', reminder: r, onAir: due.onAir })
      else if (
        needsCheck(r, now, lastCheck.get(r.programmeId), timings.checkAheadSeconds, timings.checkEverySeconds)
      )
        check(r)
    }
  }

  return {
    notices$: notices.asObservable(),
    start() {
      if (ticking) return
      ticking = new Subscription()
      // The first look waits for the operator's clock, so that what passed while the box was
      // off is judged by the operator's time; offline, after a while, by the box's own.
      const clockReady$ = options.clockReady
        ? race(
            from(options.clockReady),
            timer(timings.clockWaitMs, options.scheduler ?? asyncScheduler),
          ).pipe(take(1), shareReplay(1))
        : of(undefined)
      void store.load().then(() => {
        if (!ticking || ticking.closed) return
        // No reminder, no timer: the clock is watched only while there is something to tell.
        ticking.add(
          store.list$
            .pipe(
              map((list) => list.length > 0),
              distinctUntilChanged(),
              switchMap((any) =>
                any ? clockReady$.pipe(switchMap(() => clock.ticks(timings.tickMs))) : EMPTY,
              ),
            )
            .subscribe({
              next: look,
              error: (error: unknown) => log.warn('reminders: the clock stopped', error),
            }),
        )
      })
    },
    dispose() {
      ticking?.unsubscribe()
      notices.complete()
    },
  }
}
