import { BehaviorSubject, Observable, distinctUntilChanged, map } from 'rxjs'
import type { Channel } from '../../domain/channels'
import type { Logger } from '../../platform/log'
import { makeEntry, readEntry } from '../cache/cacheEntry'
import type { KeyValueStore } from '../storage/keyValueStore'

export type LineupStatus = 'loading' | 'ready' | 'failed'

export interface LineupState {
  /** Sorted by channel number. */
  channels: readonly Channel[]
  /** 'loading' until this run's first fetch settles; 'failed' when it failed with nothing saved. */
  status: LineupStatus
  /** The channels are the saved ones: the operator could not be reached. */
  stale: boolean
}

export type ChannelNames = ReadonlyMap<string, string>

export interface LineupStoreOptions {
  /** One GetChannels, authorised (and waiting for the session when there is none yet). */
  load: (signal: AbortSignal) => Promise<readonly Channel[]>
  storage: KeyValueStore
  /** Milliseconds since the epoch (the operator's clock): how old the saved copy is. */
  nowMs: () => number
  log: Logger
  /** A copy older than this is fetched again when a screen opens. */
  maxAgeMs?: number
}

/**
 * The lineup for every screen: the guide's rows, the store's channel names, the recordings'
 * channel names, the player's zapping. Nothing else asks the operator for GetChannels.
 */
export interface LineupStore {
  /** Replays the latest state to every subscriber. */
  state$: Observable<LineupState>
  readonly current: LineupState
  /** Channel id -> name, for screens that name channels by id (the recordings). */
  names$: Observable<ChannelNames>
  /** A screen that shows channels opened: fetches if the refresh rule says so. */
  open(): Promise<void>
  /** Fetches now, whatever the rule says (the guide's "try again"). */
  refresh(): Promise<void>
  /** The channels, waiting for a fetch only when none are known; rejects when there are none. */
  channels(): Promise<readonly Channel[]>
  channel(id: string): Channel | undefined
  /** Aborts a fetch in flight and ends the stream. */
  dispose(): void
}

/** No stamp covers the lineup (document 000 is per user): a cache entry under stamp 0. */
const KEY = 'lineup'
const SCHEMA = 1
const NO_STAMP = 0
/** Earlier builds kept their own copies; the guide's is read once so an upgrade starts offline too. */
const LEGACY_GUIDE_KEY = 'guide-channels'
const LEGACY_KEYS = [LEGACY_GUIDE_KEY, 'store:lineup', 'recordings:channel-names']
/** Operators renumber and add channels seldom; a box left on for days still picks it up. */
export const LINEUP_MAX_AGE_MS = 6 * 3600 * 1000

const isChannel = (c: unknown): c is Channel =>
  typeof c === 'object' &&
  c !== null &&
  typeof (c as Channel).id === 'string' &&
  typeof (c as Channel).number === 'number' &&
  typeof (c as Channel).name === 'string' &&
  typeof (c as Channel).logo === 'string' &&
  typeof (c as Channel).catchupHours === 'number'

const reviveChannels = (raw: unknown): readonly Channel[] | undefined =>
  Array.isArray(raw) && raw.every(isChannel) ? raw : undefined

const sameChannel = (a: Channel, b: Channel): boolean =>
  a.id === b.id &&
  a.number === b.number &&
  a.name === b.name &&
  a.logo === b.logo &&
  a.catchupHours === b.catchupHours &&
  a.genre === b.genre

/**
 * The refresh rule: the saved copy shows as soon as storage answers; the operator is asked
 * once per run, when the first screen opens (which waits for start(): no token, no call);
 * after that a screen opening asks again only when the last fetch failed or the copy is older
 * than `maxAgeMs` (6 h); `refresh()` asks at once. Callers at the same time share one request.
 * A failure keeps the last good copy, flagged stale.
 */
export const createLineupStore = (options: LineupStoreOptions): LineupStore => {
  const { storage, log } = options
  const maxAgeMs = options.maxAgeMs ?? LINEUP_MAX_AGE_MS
  const state = new BehaviorSubject<LineupState>({ channels: [], status: 'loading', stale: false })
  let fetchedAt: number | undefined
  let fetchedThisRun = false
  let lastFailed = false
  let inFlight: Promise<void> | undefined
  let disposed = false
  const stop = new AbortController()

  const publish = (channels: readonly Channel[], status: LineupStatus, stale: boolean): void => {
    if (disposed) return
    const sorted = [...channels].sort((a, b) => a.number - b.number)
    const before = state.value.channels
    // The same channels keep the same array: screens redraw only when the lineup changed.
    const same = before.length === sorted.length && before.every((c, i) => sameChannel(c, sorted[i] ?? c))
    state.next({ channels: same ? before : sorted, status, stale })
  }

  const readSaved = async (): Promise<{ channels: readonly Channel[]; fetchedAt: number } | undefined> => {
    const read = readEntry(await storage.getItem(KEY), SCHEMA, reviveChannels)
    if (read.kind === 'hit') return { channels: read.entry.data, fetchedAt: read.entry.fetchedAt }
    if (read.kind !== 'missing') log.warn(`lineup: saved copy discarded (${read.kind})`)
    const legacy = reviveChannels(await storage.getItem(LEGACY_GUIDE_KEY))
    // Of unknown age: the first open fetches it again anyway.
    return legacy && legacy.length > 0 ? { channels: legacy, fetchedAt: 0 } : undefined
  }

  const restored: Promise<void> = readSaved()
    .catch((error: unknown) => {
      log.warn('lineup: saved copy unreadable', error)
      return undefined
    })
    .then((saved) => {
      if (saved === undefined || saved.channels.length === 0 || fetchedThisRun) return
      fetchedAt = saved.fetchedAt
      publish(saved.channels, state.value.status, state.value.stale)
    })

  const save = async (channels: readonly Channel[], at: number): Promise<void> => {
    try {
      await storage.setItem(KEY, makeEntry(SCHEMA, NO_STAMP, at, channels))
      await Promise.all(LEGACY_KEYS.map((k) => storage.removeItem(k)))
    } catch (error: unknown) {
      log.warn('lineup: not saved', error)
    }
  }

  const refresh = (): Promise<void> => {
    inFlight ??= (async () => {
      await restored
      try {
        if (disposed) return
        const channels = await options.load(stop.signal)
        if (disposed) return
        fetchedThisRun = true
        lastFailed = false
        fetchedAt = options.nowMs()
        publish(channels, 'ready', false)
        await save(channels, fetchedAt)
      } catch (error: unknown) {
        if (disposed) return
        lastFailed = true
        log.warn('lineup: not fetched; keeping the saved copy', error)
        const saved = state.value.channels
        publish(saved, saved.length > 0 ? 'ready' : 'failed', saved.length > 0)
      } finally {
        inFlight = undefined
      }
    })()
    return inFlight
  }

  const due = (): boolean => {
    if (!fetchedThisRun || lastFailed || state.value.channels.length === 0 || fetchedAt === undefined)
      return true
    const age = options.nowMs() - fetchedAt
    // Fetched "in the future": the operator's clock went back, and the copy's age is unknown.
    return age < 0 || age >= maxAgeMs
  }

  return {
    state$: state.asObservable(),
    get current() {
      return state.value
    },
    names$: state.pipe(
      map((s) => s.channels),
      distinctUntilChanged(),
      map((channels): ChannelNames => new Map(channels.map((c) => [c.id, c.name]))),
    ),
    open() {
      return inFlight ?? (due() ? refresh() : Promise.resolve())
    },
    refresh,
    async channels() {
      if (state.value.channels.length === 0) await (inFlight ?? refresh())
      const channels = state.value.channels
      if (channels.length === 0) throw new Error('no lineup')
      return channels
    },
    channel(id) {
      return state.value.channels.find((c) => c.id === id)
    },
    dispose() {
      disposed = true
      stop.abort()
      state.complete()
    },
  }
}
