import { BehaviorSubject, Observable, Subscription } from 'rxjs'
import type { Logger } from '../../platform/log'
import type { KeyValueStore } from '../storage/keyValueStore'
import { makeEntry, readEntry, type CacheEntry } from './cacheEntry'
import { needsFetch } from './freshness'

export type ResourceStatus = 'empty' | 'loading' | 'ready' | 'error'

export interface ResourceState<T> {
  /** What the screen shows: the last good data, with any pending local changes on top. */
  data: T | undefined
  /** The stamp the confirmed data was fetched under. */
  stamp: number | undefined
  /** When the confirmed data was fetched (ms since the epoch). */
  fetchedAt: number | undefined
  status: ResourceStatus
  /** Where the confirmed data came from. */
  source: 'none' | 'cache' | 'network'
  /** The operator cannot be reached: the data is the last good one. */
  offline: boolean
  /** The last fetch failure, cleared by the next success. */
  error: unknown
}

export interface StampedResourceOptions<T> {
  /** Storage key; per user, so that two accounts on one box never see each other's data. */
  key: string
  /** Version of the shape of T; an entry of another version is refetched. */
  schema: number
  storage: KeyValueStore
  /** The stamp for this data from each GetUserTimestamps answer. */
  stamp$: Observable<number>
  /** Whether the operator answers at all (from the poller): offline keeps the data, flagged. */
  online$: Observable<boolean>
  fetch: (signal: AbortSignal) => Promise<T>
  revive: (data: unknown) => T | undefined
  now: () => number
  log: Logger
  /** Called after a change the server accepted; the session asks for the stamps at once. */
  afterChange?: () => void
}

interface PendingChange<T> {
  id: number
  apply: (data: T) => T
  /** Settled changes stay on top until data fetched after they settled replaces them. */
  settledAt: number | undefined
}

export interface StampedResource<T> {
  readonly state$: Observable<ResourceState<T>>
  readonly current: ResourceState<T>
  /**
   * Shows `apply` at once and runs `commit`. On failure the change is taken back and the
   * error rethrown for the caller to explain; on success it stays on top of the data until a
   * fetch made after it brings the server's own version.
   */
  change(apply: (data: T) => T, commit: () => Promise<unknown>): Promise<void>
  /**
   * Fetches again under the latest stamp, whatever the cache holds: for changes the stamp does
   * not cover (document 000: series rules live elsewhere and do not move the Recordings stamp).
   */
  refresh(): void
  dispose(): void
}

const abortError = (): Error => Object.assign(new Error('superseded'), { name: 'AbortError' })

/**
 * Data that the operator versions with a GetUserTimestamps stamp (document 000): shown from
 * the cache at once, fetched only when the stamp differs from the one it was fetched under,
 * kept (and flagged) when the network fails, and cached whole.
 */
export const createStampedResource = <T>(options: StampedResourceOptions<T>): StampedResource<T> => {
  const { key, schema, storage, log } = options
  let confirmed: CacheEntry<T> | undefined
  let source: ResourceState<T>['source'] = 'none'
  let pending: PendingChange<T>[] = []
  let nextChangeId = 1
  let inFlight: { stamp: number; controller: AbortController; startedAt: number } | undefined
  let latestStamp: number | undefined
  let loaded = false
  let disposed = false

  const state = new BehaviorSubject<ResourceState<T>>({
    data: undefined,
    stamp: undefined,
    fetchedAt: undefined,
    status: 'loading',
    source: 'none',
    offline: false,
    error: undefined,
  })

  const shown = (): T | undefined =>
    confirmed === undefined ? undefined : pending.reduce((data, change) => change.apply(data), confirmed.data)

  const publish = (patch: Partial<ResourceState<T>>): void => {
    if (disposed) return
    const base = state.value
    const next: ResourceState<T> = {
      ...base,
      ...patch,
      data: shown(),
      stamp: confirmed?.stamp,
      fetchedAt: confirmed?.fetchedAt,
      source,
    }
    if (patch.status === undefined && confirmed !== undefined && base.status !== 'error')
      next.status = 'ready'
    state.next(next)
  }

  const fetchFor = (stamp: number): void => {
    inFlight?.controller.abort(abortError())
    const controller = new AbortController()
    const startedAt = options.now()
    inFlight = { stamp, controller, startedAt }
    if (confirmed === undefined) publish({ status: 'loading' })
    options.fetch(controller.signal).then(
      async (data) => {
        if (controller.signal.aborted || disposed) return
        const entry = makeEntry(schema, stamp, options.now(), data)
        try {
          await storage.setItem(key, entry)
        } catch (error: unknown) {
          // The resilient store does not throw; a bare one might. The data is still good.
          log.warn(`cache ${key}: not saved`, error)
        }
        if (controller.signal.aborted || disposed) return
        inFlight = undefined
        confirmed = entry
        source = 'network'
        pending = pending.filter((change) => change.settledAt === undefined || change.settledAt > startedAt)
        publish({ status: 'ready', error: undefined, offline: false })
      },
      (error: unknown) => {
        if (controller.signal.aborted || disposed) return
        inFlight = undefined
        log.warn(`cache ${key}: fetch failed; keeping the last good data`, error)
        publish({ status: confirmed === undefined ? 'error' : 'ready', error })
      },
    )
  }

  const onStamp = (stamp: number): void => {
    latestStamp = stamp
    if (!loaded) return
    if (inFlight !== undefined && inFlight.stamp === stamp) return
    if (needsFetch(confirmed, stamp, schema)) fetchFor(stamp)
  }

  const subscriptions = new Subscription()
  subscriptions.add(options.stamp$.subscribe(onStamp))
  subscriptions.add(
    options.online$.subscribe((online) => {
      if (online !== state.value.offline) return
      publish({ offline: !online })
    }),
  )

  storage
    .getItem(key)
    .catch((error: unknown) => {
      log.warn(`cache ${key}: unreadable`, error)
      return null
    })
    .then((raw) => {
      if (disposed) return
      const read = readEntry(raw, schema, options.revive)
      if (read.kind === 'hit') {
        confirmed = read.entry
        source = 'cache'
      } else if (read.kind !== 'missing') {
        log.warn(`cache ${key}: discarded (${read.kind === 'corrupt' ? read.reason : 'old schema'})`)
        storage.removeItem(key).catch(() => undefined)
      }
      loaded = true
      publish({ status: confirmed === undefined ? 'empty' : 'ready' })
      if (latestStamp !== undefined) onStamp(latestStamp)
    })
    .catch((error: unknown) => log.error(`cache ${key}: start failed`, error))

  return {
    state$: state.asObservable(),
    get current() {
      return state.value
    },
    async change(apply, commit) {
      const change: PendingChange<T> = { id: nextChangeId++, apply, settledAt: undefined }
      pending = [...pending, change]
      publish({})
      try {
        await commit()
        change.settledAt = options.now()
      } catch (error: unknown) {
        pending = pending.filter((c) => c.id !== change.id)
        publish({})
        throw error
      }
      // Our own write moved the stamp: asking for the stamps now brings the server's version.
      options.afterChange?.()
    },
    refresh() {
      const stamp = latestStamp ?? confirmed?.stamp
      if (loaded && !disposed && stamp !== undefined) fetchFor(stamp)
    },
    dispose() {
      disposed = true
      subscriptions.unsubscribe()
      inFlight?.controller.abort(abortError())
      state.complete()
    },
  }
}
