import {
  Observable,
  SchedulerLike,
  Subject,
  filter,
  map,
  merge,
  share,
  shareReplay,
  distinctUntilChanged,
} from 'rxjs'
import type { Logger } from '../../platform/log'
import type { ParentalControl } from '../../domain/parental'
import type { PinState } from '../../domain/pin'
import type { Recording, RecordingList } from '../../domain/recordings'
import { recordingExpiry } from '../../domain/recordings'
import type { Resume } from '../../domain/resumes'
import type { Service } from '../../domain/services'
import type { StampName, Stamps } from '../../domain/stamps'
import { withFavourite, type UserTag, type WatchEntry } from '../../domain/tags'
import { createStampedResource, type StampedResource } from '../cache/stampedResource'
import { hasShape, reviveList, reviveObject } from '../cache/revivers'
import type { KeyValueStore } from '../storage/keyValueStore'
import { pollTimestamps, type PollEvent, type PollReason } from '../timestamps/poller'
import type { Rights, UserDataPorts } from './ports'
import { createParentalLock, type ParentalLock } from './parentalLock'

export interface UserStateOptions {
  ports: UserDataPorts
  /** Whose data this is: caches are kept per user. */
  userKey: string
  storage: KeyValueStore
  scheduler: SchedulerLike
  random: () => number
  /** Milliseconds since the epoch. */
  nowMs: () => number
  periodSeconds: number
  /** The viewer's later choices of period (preferences), applied from the next poll. */
  periodSeconds$?: Observable<number>
  jitter: number
  /** Viewer-triggered checks this close to the last one ride on it (the poller's default if unset). */
  collapseSeconds?: number
  visible$: Observable<boolean>
  /** Outside reasons to check the stamps now (network back...). */
  triggers$: Observable<PollReason>
  /** Whether a failure means the operator cannot be reached (rather than refused the call). */
  isUnreachable: (error: unknown) => boolean
  /**
   * The parental settings are fetched again this long after the last fetch, stamp or not
   * (EnablePin does not move the Pins stamp); unset: only when the stamp moves.
   */
  parentalMaxAgeSeconds?: number
  log: Logger
}

/** Bumped whenever the shape of a cached value changes. */
const SCHEMA = {
  recordings: 1,
  rights: 1,
  services: 1,
  pins: 1,
  resumes: 1,
  parental: 1,
  tags: 1,
  watchHistory: 1,
} as const

const fromCall = <T>(call: (signal: AbortSignal) => Promise<T>): Observable<T> =>
  new Observable<T>((subscriber) => {
    const controller = new AbortController()
    call(controller.signal).then(
      (value) => {
        subscriber.next(value)
        subscriber.complete()
      },
      (error: unknown) => subscriber.error(error),
    )
    return () => controller.abort()
  })

const RECORDING_SHAPE = {
  id: 'string',
  programmeId: 'string',
  channelId: 'string',
  title: 'string',
  start: 'number',
  end: 'number',
  state: 'string',
  protected: 'boolean',
}
const QUOTA_SHAPE = { allowedHours: 'number', usedHours: 'number', scheduledHours: 'number' }

/** Every member a screen reads, down to the quota's hours: a saved list is shown whole or not at all. */
const reviveRecordingList = (value: unknown): RecordingList | undefined => {
  const list = reviveObject<RecordingList>(
    { recordings: 'array', quota: 'object', autoExpireDays: 'number' },
    { recordings: RECORDING_SHAPE },
  )(value)
  return list !== undefined && hasShape(list.quota, QUOTA_SHAPE) ? list : undefined
}

/** The hub of one signed-in user; disposed when the user changes or the app closes. */
export interface UserState {
  /** Every poll event, shared (not replayed: events are not state). */
  events$: Observable<PollEvent<Stamps>>
  /** The latest GetUserTimestamps answer; a late subscriber gets the current one at once. */
  stamps$: Observable<Stamps>
  /** Whether the operator answers; a late subscriber gets the current value at once. */
  online$: Observable<boolean>
  recordings: StampedResource<RecordingList>
  rights: StampedResource<Rights>
  services: StampedResource<readonly Service[]>
  pins: StampedResource<PinState>
  resumes: StampedResource<readonly Resume[]>
  /** The parental settings (by the Pins stamp and a maximum age) and the programmes unlocked. */
  parental: ParentalLock
  /** The user's tags (favourite channels), by the Tags stamp. */
  tags: StampedResource<readonly UserTag[]>
  /** What the user watched, newest first, by the Tags stamp. */
  watchHistory: StampedResource<readonly WatchEntry[]>
  /** Shows the favourite on or off at once; taken back (and rejected) when the operator refuses. */
  setFavourite(channelId: string, on: boolean): Promise<void>
  /** One entry of the watch history, or all of it without an id; shown at once, taken back on failure. */
  removeWatchHistory(entryId?: string): Promise<void>
  /** A screen opened, the app came back, the network returned: look at the stamps now. */
  check(reason: PollReason): void
  /** Shows `draft` at once; the server's own recording replaces it when the stamp moves. */
  addRecording(draft: Recording, series: boolean): Promise<void>
  cancelRecording(id: string): Promise<void>
  deleteRecording(id: string): Promise<void>
  protectRecording(id: string, protect: boolean): Promise<void>
  /**
   * Cancels the scheduled episodes of a series (recorded ones stay). Series rules do not move
   * the Recordings stamp (document 000), so the list is fetched again once the server agreed.
   */
  cancelSeries(seriesId: string, now: number): Promise<void>
  /** Stops the poller and every subscription and fetch of the hub. */
  dispose(): void
}

/**
 * Everything the screens know about the user, each piece driven by its GetUserTimestamps
 * stamp (document 000): recordings by Recordings, licences and entitlements by Rights,
 * services by Services, the PIN state by Pins, resume points by Tags. One poller feeds them
 * all; screens call `check` when they open, and writes show at once and settle by stamp.
 */
export const createUserState = (options: UserStateOptions): UserState => {
  const { ports, log } = options
  const checks = new Subject<PollReason>()
  const events$ = pollTimestamps<Stamps>({
    fetch: (_reason, cause) => fromCall((signal) => ports.getTimestamps(signal, cause)),
    scheduler: options.scheduler,
    random: options.random,
    periodMs: options.periodSeconds * 1000,
    ...(options.periodSeconds$ ? { periodMs$: options.periodSeconds$.pipe(map((s) => s * 1000)) } : {}),
    jitter: options.jitter,
    ...(options.collapseSeconds !== undefined ? { collapseMs: options.collapseSeconds * 1000 } : {}),
    visible$: options.visible$,
    triggers$: merge(options.triggers$, checks),
  }).pipe(share())

  const logged = events$.subscribe((event) => logEvent(event, log))
  // State, not events: a screen or store that subscribes later gets the current value at once.
  // The hub's resources hold these subscriptions for its life, so the replay lasts as long.
  const stamps$ = events$.pipe(
    filter((e): e is Extract<PollEvent<Stamps>, { type: 'value' }> => e.type === 'value'),
    map((e) => e.value),
    shareReplay({ bufferSize: 1, refCount: true }),
  )
  const online$ = events$.pipe(
    filter((e) => e.type === 'value' || e.type === 'error'),
    map((e) => e.type === 'value' || !options.isUnreachable(e.error)),
    distinctUntilChanged(),
    shareReplay({ bufferSize: 1, refCount: true }),
  )
  const stampOf = (name: StampName) => stamps$.pipe(map((s) => s[name]))

  const resource = <T>(
    name: keyof typeof SCHEMA,
    stamp: StampName,
    fetch: (signal: AbortSignal) => Promise<T>,
    revive: (data: unknown) => T | undefined,
  ): StampedResource<T> =>
    createStampedResource<T>({
      key: `${options.userKey}:${name}`,
      schema: SCHEMA[name],
      storage: options.storage,
      stamp$: stampOf(stamp),
      online$,
      fetch,
      revive,
      now: options.nowMs,
      log,
      afterChange: () => checks.next('write'),
    })

  const recordings = resource<RecordingList>(
    'recordings',
    'recordings',
    (s) => ports.getRecordings(s),
    reviveRecordingList,
  )
  const rights = resource<Rights>(
    'rights',
    'rights',
    (s) => ports.getRights(s),
    reviveObject({ licences: 'array', products: 'array' }),
  )
  const services = resource<readonly Service[]>(
    'services',
    'services',
    (s) => ports.getServices(s),
    reviveList({ id: 'number', title: 'string' }),
  )
  const pins = resource<PinState>(
    'pins',
    'pins',
    (s) => ports.getPinState(s),
    reviveObject({ enabled: 'boolean', failedAttempts: 'number' }),
  )
  const parentalControl = resource<ParentalControl>(
    'parental',
    'pins',
    (s) => ports.getParentalControl(s),
    reviveObject({ enabled: 'boolean', maxRating: 'number', pinEnabled: 'boolean' }),
  )
  const parental = createParentalLock({
    control: parentalControl,
    ports,
    maxAgeMs: (options.parentalMaxAgeSeconds ?? Number.POSITIVE_INFINITY) * 1000,
    nowMs: options.nowMs,
    scheduler: options.scheduler,
  })
  const resumes = resource<readonly Resume[]>(
    'resumes',
    'tags',
    (s) => ports.getResumes(s),
    reviveList({ contentId: 'string', position: 'number' }),
  )

  const tags = resource<readonly UserTag[]>(
    'tags',
    'tags',
    (s) => ports.getTags(s),
    reviveList({ itemType: 'string', itemId: 'string', tag: 'string' }),
  )
  const watchHistory = resource<readonly WatchEntry[]>(
    'watchHistory',
    'tags',
    (s) => ports.getWatchHistory(s),
    reviveList({ id: 'string', kind: 'string', title: 'string', watchedAt: 'number' }),
  )

  const withRecordings =
    (change: (list: readonly Recording[], autoExpireDays: number) => readonly Recording[]) =>
    (data: RecordingList): RecordingList => ({
      ...data,
      recordings: change(data.recordings, data.autoExpireDays),
    })

  return {
    events$,
    stamps$,
    online$,
    recordings,
    rights,
    services,
    pins,
    resumes,
    parental,
    tags,
    watchHistory,
    setFavourite(channelId: string, on: boolean): Promise<void> {
      return tags.change(
        (list) => withFavourite(list, channelId, on, Math.floor(options.nowMs() / 1000)),
        () => ports.tagChannel(channelId, on),
      )
    },
    removeWatchHistory(entryId?: string): Promise<void> {
      return watchHistory.change(
        (list) => (entryId === undefined ? [] : list.filter((e) => e.id !== entryId)),
        () => ports.removeWatchHistory(entryId),
      )
    },
    check(reason: PollReason): void {
      checks.next(reason)
    },
    addRecording(draft: Recording, series: boolean): Promise<void> {
      return recordings.change(
        withRecordings((list) => (list.some((r) => r.id === draft.id) ? list : [...list, draft])),
        () => ports.addRecording(draft.programmeId, series),
      )
    },
    cancelRecording(id: string): Promise<void> {
      return recordings.change(
        withRecordings((list) => list.filter((r) => r.id !== id)),
        () => ports.cancelRecording(id),
      )
    },
    deleteRecording(id: string): Promise<void> {
      return recordings.change(
        withRecordings((list) => list.filter((r) => r.id !== id)),
        () => ports.deleteRecording(id),
      )
    },
    protectRecording(id: string, protect: boolean): Promise<void> {
      return recordings.change(
        withRecordings((list, days) =>
          list.map((r) =>
            r.id === id
              ? {
                  ...r,
                  protected: protect,
                  expiresAt: recordingExpiry({ end: r.end, protected: protect }, days),
                }
              : r,
          ),
        ),
        () => ports.protectRecording(id, protect),
      )
    },
    async cancelSeries(seriesId: string, now: number): Promise<void> {
      const cancel = ports.cancelSeries
      if (cancel === undefined) throw new Error('cancelling a series is not supported')
      await recordings.change(
        withRecordings((list) => list.filter((r) => r.seriesId !== seriesId || r.start <= now)),
        () => cancel(seriesId),
      )
      recordings.refresh()
    },
    dispose(): void {
      logged.unsubscribe()
      parental.dispose()
      for (const r of [recordings, rights, services, pins, resumes, parentalControl]) r.dispose()
      for (const r of [recordings, rights, services, pins, resumes, tags, watchHistory]) r.dispose()
    },
  }
}

const logEvent = (event: PollEvent<Stamps>, log: Logger): void => {
  if (event.type === 'clamped')
    log.warn(`poll period ${event.requestedMs / 1000} s is below the minimum; using ${event.usedMs / 1000} s`)
  else if (event.type === 'error')
    log.warn(
      `timestamps check failed (${event.failures} in a row); next in ${Math.round(event.retryInMs / 1000)} s`,
    )
}
