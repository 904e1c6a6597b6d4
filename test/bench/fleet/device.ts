import { Observable, of, SchedulerLike, Subscription } from 'rxjs'
import { needsFetch, type CachedStamp } from '../../../src/state/cache/freshness'
import { PollEvent, PollReason, pollTimestamps } from '../../../src/state/timestamps/poller'
import { exponential, Random } from './random'
import type { ModelOperator, UserTimestamps } from './server'

const DAY = 86_400_000
const MINUTE = 60_000
/** The recordings store's cache schema; constant here, so only stamps cause fetches. */
const SCHEMA = 1

export interface FleetBooks {
  /** Recordings fetched, per device and per virtual minute. */
  recordingsFetches: Uint32Array
  recordingsPerMinute: Int32Array
  /** Timestamp requests that retry a failed one, per virtual minute. */
  retriesPerMinute: Int32Array
  /** Timestamp requests by the reason the poller gave. */
  reasons: Map<PollReason, number>
}

export interface DeviceOptions {
  index: number
  scheduler: SchedulerLike
  operator: ModelOperator
  books: FleetBooks
  pollerRandom: Random
  actionRandom: Random
  periodMs: number
  jitter: number
  /** Guide or recordings opened, per day: checks asked for by the user. */
  actionsPerDay: number
  /** Recordings the user adds, cancels, deletes or protects from this device, per day. */
  writesPerDay: number
  backoffCapMs: number | undefined
}

// Always in the foreground: the most a device can poll in a day.
const visible$ = of(true)

/**
 * What one user does, as the poller sees it: opens the guide or the recordings now and then,
 * and sometimes changes a recording, which moves the stamp and asks for a check at once.
 */
const userActions = (options: DeviceOptions): Observable<PollReason> =>
  new Observable<PollReason>((subscriber) => {
    const { scheduler, actionRandom: random, actionsPerDay, writesPerDay, operator, index } = options
    const rate = actionsPerDay + writesPerDay
    if (rate <= 0) return undefined
    let next: Subscription
    const plan = (): void => {
      next = scheduler.schedule(
        () => {
          const pick = random() * rate
          if (pick < writesPerDay) {
            operator.userWrite(index)
            subscriber.next('write')
          } else {
            subscriber.next(pick - writesPerDay < actionsPerDay / 2 ? 'guide-opened' : 'recordings-opened')
          }
          plan()
        },
        exponential(random, DAY / rate),
      )
    }
    plan()
    return () => next.unsubscribe()
  })

/**
 * Boots one device: the real poller, fed by the model operator, and the recordings store's
 * rule applied to each answer (fetch when the cached stamp differs, as src/state does).
 */
export const bootDevice = (options: DeviceOptions): Subscription => {
  const { index, operator, books, scheduler } = options
  let cached: CachedStamp | undefined
  const onEvent = (event: PollEvent<UserTimestamps>): void => {
    if (event.type !== 'value') return
    const stamp = event.value.Recordings
    if (!needsFetch(cached, stamp, SCHEMA)) return
    // The fetch itself is taken to succeed at once: what is measured is when it is asked for.
    cached = { stamp, schema: SCHEMA }
    books.recordingsFetches[index] = (books.recordingsFetches[index] as number) + 1
    const minute = Math.floor(scheduler.now() / MINUTE)
    books.recordingsPerMinute[minute] = (books.recordingsPerMinute[minute] ?? 0) + 1
  }
  return pollTimestamps<UserTimestamps>({
    // One request per fetch, as in the app: its GetUserTimestamps goes without the transport's
    // retries (user/apiPorts.ts), the poller's own being the only ones.
    fetch: (reason) => {
      books.reasons.set(reason, (books.reasons.get(reason) ?? 0) + 1)
      if (reason === 'retry') {
        const minute = Math.floor(scheduler.now() / MINUTE)
        books.retriesPerMinute[minute] = (books.retriesPerMinute[minute] ?? 0) + 1
      }
      return operator.getUserTimestamps(index)
    },
    scheduler,
    random: options.pollerRandom,
    periodMs: options.periodMs,
    jitter: options.jitter,
    visible$,
    triggers$: userActions(options),
    // Only set for a what-if run: the app itself leaves the poller's default.
    ...(options.backoffCapMs === undefined ? {} : { backoffCapMs: options.backoffCapMs }),
  }).subscribe(onEvent)
}
