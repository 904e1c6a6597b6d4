import type { Observable, SchedulerLike } from 'rxjs'
import { canRemind, reminderOf, type Reminder } from '../../domain/reminders'
import type { Programme } from '../../domain/guide'
import type { Logger } from '../../platform/log'
import type { OperatorClock } from '../clock/operatorClock'
import type { ProgrammeLookup } from '../guide/guideService'
import type { KeyValueStore } from '../storage/keyValueStore'
import { createReminderScheduler, type ReminderNotice, type ReminderTimings } from './reminderScheduler'
import { createReminderStore } from './reminderStore'

export type { ReminderNotice, ReminderTimings } from './reminderScheduler'

/** The reminders as the screens see them: the list, set and cancel, and what to tell when. */
export interface Reminders {
  list$: Observable<readonly Reminder[]>
  readonly list: readonly Reminder[]
  has(programmeId: string): boolean
  /** "Remind me": only a programme still to start (an error says why otherwise). */
  add(p: Programme): Promise<void>
  cancel(programmeId: string): Promise<void>
  /** A reminder's start came, passed while the box was off, or its programme moved or left. */
  notices$: Observable<ReminderNotice>
  /** Reads the kept reminders and starts watching the clock. */
  start(): void
  dispose(): void
}

export interface RemindersOptions {
  storage: KeyValueStore
  clock: Pick<OperatorClock, 'nowSeconds' | 'ticks'>
  lookUp: (programmeId: string) => Promise<ProgrammeLookup>
  timings: ReminderTimings
  /** The first look waits for this: what passed while the box was off is judged by the operator's time. */
  clockReady?: Promise<void>
  scheduler?: SchedulerLike
  log: Logger
}

export class ReminderError extends Error {
  constructor(readonly reason: 'started') {
    super('this programme has already started')
    this.name = 'ReminderError'
  }
}

export const createReminders = (options: RemindersOptions): Reminders => {
  const store = createReminderStore(options.storage, options.log)
  const scheduler = createReminderScheduler({ ...options, store })
  return {
    list$: store.list$,
    get list() {
      return store.list
    },
    has: (programmeId) => store.list.some((r) => r.programmeId === programmeId),
    async add(p) {
      const now = options.clock.nowSeconds()
      if (!canRemind(p, now)) throw new ReminderError('started')
      await store.put(reminderOf(p, now))
    },
    cancel: (programmeId) => store.replace(programmeId, undefined),
    notices$: scheduler.notices$,
    start: () => scheduler.start(),
    dispose() {
      scheduler.dispose()
      store.dispose()
    },
  }
}
