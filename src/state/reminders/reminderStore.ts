import { BehaviorSubject, Observable } from 'rxjs'
import type { Logger } from '../../platform/log'
import { readReminders, sortReminders, type Reminder } from '../../domain/reminders'
import type { KeyValueStore } from '../storage/keyValueStore'

export const REMINDERS_KEY = 'reminders'

/**
 * The reminders kept on the box (one list for the box, not per user: a reminder is about a
 * channel and a time, like an alarm clock). Every change is written whole; a write that fails
 * keeps the list in memory for this session (the app's resilient storage says so on screen),
 * and nothing already saved is lost.
 */
export interface ReminderStore {
  list$: Observable<readonly Reminder[]>
  readonly list: readonly Reminder[]
  /** Reads what the box kept; the other calls wait for it. */
  load(): Promise<void>
  put(r: Reminder): Promise<void>
  /** Replaces the reminder of `programmeId` (a moved programme) or removes it (undefined). */
  replace(programmeId: string, next: Reminder | undefined): Promise<void>
  dispose(): void
}

export const createReminderStore = (storage: KeyValueStore, log: Logger): ReminderStore => {
  const list = new BehaviorSubject<readonly Reminder[]>([])
  let loading: Promise<void> | undefined

  const load = (): Promise<void> =>
    (loading ??= storage.getItem(REMINDERS_KEY).then(
      (stored) => list.next(readReminders(stored)),
      (error: unknown) => log.warn('reminders: the saved list could not be read', error),
    ))

  const save = async (next: Reminder[]): Promise<void> => {
    list.next(sortReminders(next))
    try {
      await storage.setItem(REMINDERS_KEY, list.value)
    } catch (error: unknown) {
      // Kept in memory: the reminder still fires while the app runs.
      log.warn('reminders: the list could not be saved', error)
      throw error
    }
  }

  return {
    list$: list.asObservable(),
    get list() {
      return list.value
    },
    load,
    async put(r) {
      await load()
      await save([...list.value.filter((x) => x.programmeId !== r.programmeId), r])
    },
    async replace(programmeId, next) {
      await load()
      const rest = list.value.filter((x) => x.programmeId !== programmeId)
      if (rest.length === list.value.length && next === undefined) return
      await save(next ? [...rest, next] : rest)
    },
    dispose() {
      list.complete()
    },
  }
}
