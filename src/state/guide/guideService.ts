import {
  BehaviorSubject,
  EMPTY,
  Observable,
  Subscription,
  combineLatest,
  distinctUntilChanged,
  map,
  of,
  switchMap,
} from 'rxjs'
import type { Api } from '../../api'
import { isApiError } from '../../api/errors'
import type { Channel } from '../../domain/channels'
import { entitlementsAt, type Entitlements } from '../../domain/entitlements'
import type { Programme, ProgrammeDetails } from '../../domain/guide'
import { recordingMarks, seriesRules, type RecordingMark } from '../../domain/guideActions'
import type { Recording } from '../../domain/recordings'
import type { Logger } from '../../platform/log'
import type { OperatorClock } from '../clock/operatorClock'
import { refusalOf } from '../recordings/refusal'
import type { LineupState, LineupStore } from '../lineup/lineupStore'
import type { KeyValueStore } from '../storage/keyValueStore'
import type { UserState } from '../user/userState'
import { createGuideStore, type GuideStore } from './guideStore'
import { createSavedWindows } from './savedWindows'
import { createChannelListStore, type ChannelListStore } from './channelLists'
import { createRecallStore, type RecallStore } from './recall'

export type { LineupState, LineupStatus } from '../lineup/lineupStore'

/** What the signed-in user may do: per channel capabilities and the recording marks. */
export interface GuideRights {
  signedIn: boolean
  /**
   * Whether the user's licences and products are known: 'checking' before the first answer
   * (and no copy on the box), 'failed' when that answer was an error. Until they are known the
   * entitlements are empty, and no screen may say a channel is not part of the package.
   */
  packageStatus: 'known' | 'checking' | 'failed'
  entitlements: Entitlements
  marks: ReadonlyMap<string, { mark: RecordingMark; recordingId: string }>
  /** Episodes still to be recorded per series id (absent while signed out). */
  seriesScheduled?: ReadonlyMap<string, number>
}

/** A programme asked for by id: found, known by nobody, or not to be had right now. */
export type ProgrammeLookup =
  | { kind: 'found'; details: ProgrammeDetails }
  | { kind: 'missing' }
  | { kind: 'failed'; offline: boolean }

export interface GuideServiceOptions {
  api: Pick<Api, 'envelope'>
  /** The app's one lineup: the guide's rows follow it. */
  lineup: LineupStore
  /** Runs an operator call once the session is there, renewing an expired token. */
  authorised: <T>(call: () => Promise<T>) => Promise<T>
  clock: Pick<OperatorClock, 'nowSeconds' | 'nowMs' | 'ticks'>
  storage: KeyValueStore
  user$: Observable<UserState | undefined>
  user: () => UserState | undefined
  log: Logger
  /** Whether a failed call means the operator cannot be reached (default: network, timeout). */
  isUnreachable?: (error: unknown) => boolean
  /** The interface language, for the order of the genre lists. */
  locale?: () => string | undefined
  /** Windows of the store; the defaults suit a set-top box. */
  channelsPerBlock?: number
  windowSeconds?: number
  maxWindows?: number
}

const LAST_CHANNEL_KEY = 'guide-last-channel'
/** Programmes remembered by id for the details page (a deep link finds what the grid showed). */
const REMEMBERED = 200
/** Marks follow the clock (scheduled -> recording -> recorded) at this pace. */
const MARK_TICK_MS = 30_000

export interface GuideService {
  /** The app's lineup (state/lineup), sorted by number. */
  lineup$: Observable<LineupState>
  readonly lineup: LineupState
  /** Programme windows around the viewport. */
  store: GuideStore<Programme>
  rights$: Observable<GuideRights>
  /**
   * Since when (operator clock, ms) the operator cannot be reached, undefined while it answers:
   * from the guide's own calls and the signed-in user's checks. Offline, the grid shows the
   * windows saved on the box and nothing that needs the operator is offered.
   */
  offlineSince$: Observable<number | undefined>
  /** The guide opened, or the viewer asked again after a failure: the lineup's refresh rule decides. */
  loadChannels(): Promise<void>
  lastChannel(): Promise<string | undefined>
  /** The player tells this whenever a channel plays live: the guide opens on it next time. */
  rememberChannel(id: string): void
  /** The channel lists (all, favourites, recently watched, genres): the grid's rows follow the chosen one. */
  lists: ChannelListStore
  /** The previous-channel key's memory, fed by rememberChannel. */
  recall: RecallStore
  /** A favourite channel on or off: shown at once, taken back (and rejected) when refused. */
  setFavourite(channelId: string, on: boolean): Promise<void>
  /** The grid hands the programme it opens, so the details page needs no request. */
  rememberProgramme(p: Programme): void
  programme(id: string): Programme | undefined
  /**
   * The programme from the operator (GetProgramme) with its next airing: a deep link to one the
   * grid has not shown, and the details page's extras (asked each time: the next airing moves).
   */
  lookUpProgramme(id: string): Promise<ProgrammeLookup>
  channel(id: string): Channel | undefined
  /** Records a programme (or its series): shown at once, settled by the Recordings stamp. */
  record(p: Programme, series: boolean): Promise<void>
  cancelRecording(recordingId: string): Promise<void>
  /** Cancels a series rule: its episodes still to come are removed. */
  cancelSeries(seriesId: string): Promise<void>
  dispose(): void
}

/**
 * The guide's data for the app's lifetime: the lineup (cached, so the grid shows offline), the
 * programme windows (state/guide/guideStore), what the user may do per channel and the
 * recording marks, the last watched channel, and programmes by id for the details page.
 */
export const createGuideService = (options: GuideServiceOptions): GuideService => {
  const { api, storage, log, clock, authorised, lineup } = options
  const isUnreachable =
    options.isUnreachable ?? ((e: unknown) => isApiError(e) && (e.kind === 'network' || e.kind === 'timeout'))
  const saved = createSavedWindows({ storage, log })
  const offlineSince = new BehaviorSubject<number | undefined>(undefined)
  /** Whether windows on screen came from the box rather than the operator. */
  let showingSaved = false
  /** The channels of the grid's rows: the chosen list's. */
  let rowIds: readonly string[] = []
  const reachable = (yes: boolean): void => {
    if (yes && offlineSince.value !== undefined) {
      offlineSince.next(undefined)
      // The operator is back: what was shown from the box is fetched again.
      if (showingSaved) {
        showingSaved = false
        store.setChannels(rowIds)
      }
    } else if (!yes && offlineSince.value === undefined) offlineSince.next(clock.nowMs())
  }
  const store: GuideStore<Programme> = createGuideStore<Programme>({
    fetchWindow: async (ids, start, end, signal) => {
      try {
        const window = await authorised(() =>
          api.envelope.getGuide({ channelIds: ids, start, end }, { signal }),
        )
        const out = new Map<string, readonly Programme[]>()
        for (const row of window.channels) out.set(row.channelId, row.programmes)
        saved.save(ids, start, end, out)
        reachable(true)
        return out
      } catch (error) {
        if (signal.aborted || !isUnreachable(error)) throw error
        reachable(false)
        const kept = await saved.load(ids, start, end)
        if (kept === undefined) throw error
        showingSaved = true
        return kept
      }
    },
    ...(options.channelsPerBlock !== undefined ? { channelsPerBlock: options.channelsPerBlock } : {}),
    ...(options.windowSeconds !== undefined ? { windowSeconds: options.windowSeconds } : {}),
    // A screen needs 2-4 windows (20 channels x 4 h) and the prefetch 2 more: 8 keeps the page
    // just left warm while the heap stays flat however long the viewer browses (bench: 500 flips).
    maxWindows: options.maxWindows ?? 8,
    now: clock.nowMs,
    log,
  })
  const remembered = new Map<string, Programme>()
  const remember = (p: Programme): void => {
    remembered.delete(p.id)
    remembered.set(p.id, p)
    for (const old of remembered.keys()) {
      if (remembered.size <= REMEMBERED) break
      remembered.delete(old)
    }
  }
  const lists = createChannelListStore({
    storage,
    lineup$: lineup.state$,
    user$: options.user$,
    locale: options.locale ?? (() => undefined),
    log,
  })
  const recall = createRecallStore(storage, log)
  // The windows are keyed by row: they follow the chosen list's order, not the channels' names.
  const rows = lists.view$
    .pipe(
      map((l) => l.channels.map((c) => c.id)),
      distinctUntilChanged((a, b) => a.length === b.length && a.every((id, i) => id === b[i])),
    )
    .subscribe((ids) => {
      rowIds = ids
      store.setChannels(ids)
    })

  const rights$: Observable<GuideRights> = options.user$.pipe(
    switchMap((user) =>
      user === undefined
        ? of<GuideRights>({
            signedIn: false,
            packageStatus: 'known',
            entitlements: new Map(),
            marks: new Map(),
          })
        : combineLatest([user.rights.state$, user.recordings.state$, clock.ticks(MARK_TICK_MS)]).pipe(
            map(([rights, recordings]): GuideRights => {
              const now = clock.nowSeconds()
              const r = rights.data
              return {
                signedIn: true,
                packageStatus: r ? 'known' : rights.status === 'error' ? 'failed' : 'checking',
                entitlements: r ? entitlementsAt(r.licences, r.products, now) : new Map(),
                marks: recordingMarks(recordings.data?.recordings ?? [], now),
                seriesScheduled: seriesRules(recordings.data?.recordings ?? [], now),
              }
            }),
          ),
    ),
  )

  const userOnline = options.user$
    .pipe(switchMap((user) => user?.online$ ?? EMPTY))
    .subscribe((online) => reachable(online))

  return {
    lineup$: lineup.state$,
    offlineSince$: offlineSince.pipe(distinctUntilChanged()),
    get lineup(): LineupState {
      return lineup.current
    },
    store,
    rights$,
    loadChannels: () => lineup.open(),

    async lastChannel(): Promise<string | undefined> {
      const id = await storage.getItem(LAST_CHANNEL_KEY).catch(() => null)
      return typeof id === 'string' ? id : undefined
    },
    rememberChannel(id: string): void {
      void storage.setItem(LAST_CHANNEL_KEY, id).catch(() => undefined)
      recall.tuned(id)
    },
    lists,
    recall,
    setFavourite(channelId: string, on: boolean): Promise<void> {
      const user = options.user()
      if (!user) return Promise.reject(new Error('not signed in'))
      return user.setFavourite(channelId, on)
    },

    rememberProgramme: remember,
    programme(id: string): Programme | undefined {
      return remembered.get(id)
    },
    async lookUpProgramme(id: string): Promise<ProgrammeLookup> {
      try {
        const details = await authorised(() => api.envelope.getProgramme(id))
        remember(details.programme)
        return { kind: 'found', details }
      } catch (error: unknown) {
        const refusal = refusalOf(error)
        if (refusal === 'notFound') return { kind: 'missing' }
        log.warn(`programme ${id} could not be looked up`, error)
        return { kind: 'failed', offline: refusal === 'offline' }
      }
    },
    channel(id: string): Channel | undefined {
      return lineup.channel(id)
    },

    record(p: Programme, series: boolean): Promise<void> {
      const user = options.user()
      if (!user) return Promise.reject(new Error('not signed in'))
      const draft: Recording = {
        id: `pending-${p.id}`,
        programmeId: p.id,
        channelId: p.channelId,
        title: p.title,
        start: p.start,
        end: p.end,
        state: 'scheduled',
        protected: false,
        expiresAt: null,
        ...(p.seriesId !== undefined ? { seriesId: p.seriesId } : {}),
      }
      return user.addRecording(draft, series)
    },
    cancelRecording(recordingId: string): Promise<void> {
      const user = options.user()
      if (!user) return Promise.reject(new Error('not signed in'))
      return user.cancelRecording(recordingId)
    },
    cancelSeries(seriesId: string): Promise<void> {
      const user = options.user()
      if (!user) return Promise.reject(new Error('not signed in'))
      return user.cancelSeries(seriesId, clock.nowSeconds())
    },

    dispose(): void {
      rows.unsubscribe()
      lists.dispose()
      userOnline.unsubscribe()
      offlineSince.complete()
      store.dispose()
    },
  }
}

/** Subscriptions a screen holds on the service, released together. */
export const releaseAll = (subscriptions: Subscription[]): void => {
  for (const s of subscriptions) s.unsubscribe()
  subscriptions.length = 0
}
