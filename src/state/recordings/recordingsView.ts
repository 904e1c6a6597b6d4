import { BehaviorSubject, Observable, combineLatest, distinctUntilChanged, map, of, switchMap } from 'rxjs'
import { isApiError } from '../../api'
import {
  countByFilter,
  episodesInOrder,
  matchesFilter,
  npvrAccess,
  quotaAt,
  recordingContentId,
  recordingEntries,
  recordingStateAt,
  resumeFraction,
  seriesShortfalls,
  type QuotaUse,
  type Recording,
  type RecordingFilter,
  type RecordingList,
  type RecordingSort,
  type SeriesShortfall,
} from '../../domain/recordings'
import type { Resume } from '../../domain/resumes'
import type { Service } from '../../domain/services'
import type { ResourceState } from '../cache/stampedResource'
import type { Rights } from '../user/ports'
import type { UserState } from '../user/userState'
import type { ChannelNames } from '../lineup/lineupStore'

/** One recording as a line shows it: its state at the operator's now, never the stale server one. */
export interface RecordingRowModel {
  kind: 'recording'
  id: string
  recording: Recording
  state: ReturnType<typeof recordingStateAt>
  channel: string
  /** 0..1 of the resume point, when the viewer started it. */
  progress: number | undefined
  /** When it will be deleted automatically; null when protected. */
  expiresAt: number | null
  /** A line of an opened series folder: named by its episode, not the series' title alone. */
  inSeries?: true
}

export interface SeriesRowModel {
  kind: 'series'
  id: string
  seriesId: string
  title: string
  channel: string
  episodes: number
  counts: Readonly<Record<'scheduled' | 'ongoing' | 'recorded', number>>
  /** Its scheduled episodes will find the storage full. */
  willNotFit: boolean
}

export type RowModel = RecordingRowModel | SeriesRowModel

export interface RecordingsListView {
  kind: 'list'
  filter: RecordingFilter
  sort: RecordingSort
  /** The series opened, when the list shows its episodes. */
  series: { seriesId: string; title: string } | undefined
  rows: readonly RowModel[]
  counts: Readonly<Record<RecordingFilter, number>>
  /** The user has no recordings at all (not just none under this filter). */
  empty: boolean
  quota: QuotaUse
  shortfalls: readonly SeriesShortfall[]
  fetchedAt: number | undefined
  offline: boolean
}

export type RecordingsView =
  | { kind: 'signedOut' }
  | { kind: 'loading' }
  | { kind: 'noNpvr'; offers: readonly string[] }
  /** Nothing cached and the list could not be fetched. */
  | { kind: 'unavailable'; offline: boolean }
  | RecordingsListView

/** What the viewer chose on the recordings screen. */
export interface RecordingsChoice {
  filter: RecordingFilter
  sort: RecordingSort
  series: string | undefined
}

interface UserData {
  recordings: ResourceState<RecordingList>
  rights: ResourceState<Rights>
  services: ResourceState<readonly Service[]>
  resumes: ResourceState<readonly Resume[]>
}

export interface RecordingsViewOptions {
  user$: Observable<UserState | undefined>
  /** The operator's time in ms, emitted at once and then regularly (clock.ticks). */
  ticks$: Observable<number>
  names$: Observable<ChannelNames>
  locale: () => string | undefined
}

/** The operator refused the list as not allowed (envelope 42): nPVR is not in the package. */
const isRefusal = (error: unknown): boolean => isApiError(error) && error.kind === 'denied'
const isUnreachable = (error: unknown): boolean =>
  isApiError(error) && (error.kind === 'network' || error.kind === 'timeout')

const toRows = (
  list: RecordingList,
  settings: RecordingsChoice,
  t: number,
  names: ChannelNames,
  resumes: readonly Resume[],
  shortfalls: readonly SeriesShortfall[],
  locale: string | undefined,
): { rows: RowModel[]; series: RecordingsListView['series'] } => {
  const positions = new Map(resumes.map((r) => [r.contentId, r.position]))
  const channelOf = (id: string): string => names.get(id) ?? id
  const recordingRow = (r: Recording): RecordingRowModel => ({
    kind: 'recording',
    id: r.id,
    recording: r,
    state: recordingStateAt(r, t),
    channel: channelOf(r.channelId),
    progress: resumeFraction(r, positions.get(recordingContentId(r.id))),
    expiresAt: r.protected ? null : (r.expiresAt ?? r.end + list.autoExpireDays * 86400),
  })
  if (settings.series !== undefined) {
    const episodes = list.recordings.filter((r) => r.seriesId === settings.series)
    if (episodes.length > 0) {
      // Episodes read oldest first, the order they are watched in.
      const rows = episodesInOrder(episodes.filter((r) => matchesFilter(r, settings.filter, t))).map(
        (r): RecordingRowModel => ({ ...recordingRow(r), inSeries: true }),
      )
      const latest = episodes[episodes.length - 1]
      return { rows, series: { seriesId: settings.series, title: latest?.title ?? '' } }
    }
  }
  const short = new Set(shortfalls.map((s) => s.seriesId))
  const rows = recordingEntries(list.recordings, settings.filter, settings.sort, t, locale).map(
    (e): RowModel => {
      if (e.kind === 'recording') return recordingRow(e.recording)
      const counts = { scheduled: 0, ongoing: 0, recorded: 0 }
      for (const r of e.episodes) {
        const state = recordingStateAt(r, t)
        counts[state === 'finished' || state === 'failed' ? 'recorded' : state]++
      }
      return {
        kind: 'series',
        id: `series:${e.seriesId}`,
        seriesId: e.seriesId,
        title: e.title,
        channel: channelOf(e.episodes[0]?.channelId ?? ''),
        episodes: e.episodes.length,
        counts,
        willNotFit: short.has(e.seriesId),
      }
    },
  )
  return { rows, series: undefined }
}

/** What the recordings screen shows, from the user's stores, the clock and the viewer's choices. */
export const viewOf = (
  user: UserState | undefined,
  data: UserData | undefined,
  settings: RecordingsChoice,
  nowMs: number,
  names: ChannelNames,
  locale: string | undefined,
): RecordingsView => {
  if (user === undefined || data === undefined) return { kind: 'signedOut' }
  const t = Math.floor(nowMs / 1000)
  const { recordings } = data
  const access = npvrAccess({
    licences: data.rights.data?.licences,
    products: data.rights.data?.products,
    services: data.services.data,
    refused: recordings.data === undefined && isRefusal(recordings.error),
    listed: recordings.data !== undefined,
    now: t,
  })
  if (access.kind === 'notInPackage') return { kind: 'noNpvr', offers: access.offers }
  const list = recordings.data
  if (list === undefined) {
    // Nothing saved and no stamps to fetch it under (the operator is unreachable): waiting
    // would show "loading" until the connection is back.
    if (recordings.status === 'error' || (recordings.status === 'empty' && recordings.offline))
      return { kind: 'unavailable', offline: recordings.offline || isUnreachable(recordings.error) }
    return { kind: 'loading' }
  }
  const shortfalls = seriesShortfalls(list.recordings, list.quota.allowedHours, t)
  const { rows, series } = toRows(list, settings, t, names, data.resumes.data ?? [], shortfalls, locale)
  return {
    kind: 'list',
    filter: settings.filter,
    sort: settings.sort,
    series,
    rows,
    counts: countByFilter(
      series ? list.recordings.filter((r) => r.seriesId === series.seriesId) : list.recordings,
      t,
    ),
    empty: list.recordings.length === 0,
    quota: quotaAt(list.recordings, list.quota.allowedHours, t),
    shortfalls,
    fetchedAt: recordings.fetchedAt,
    offline: recordings.offline,
  }
}

/**
 * The recordings screen's view-model: the viewer's filter, sort and opened series, combined with
 * the user's recordings (and rights, services, resume points) and the operator's clock, so that
 * a recording moves from scheduled to recording to recorded as time passes without a server
 * call. Emits only when what is shown changes (the clock ticks every second).
 */
/** The recordings screen's view and the choices it offers, per page instance. */
export interface RecordingsViewStore {
  readonly view$: Observable<RecordingsView>
  readonly settings: Readonly<RecordingsChoice>
  setFilter(filter: RecordingFilter): void
  setSort(sort: RecordingSort): void
  toggleSort(): void
  openSeries(seriesId: string): void
  closeSeries(): void
}

export const createRecordingsView = (options: RecordingsViewOptions): RecordingsViewStore => {
  const settings = new BehaviorSubject<RecordingsChoice>({ filter: 'all', sort: 'date', series: undefined })
  const data$ = options.user$.pipe(
    switchMap((user) =>
      user === undefined
        ? of({ user, data: undefined })
        : combineLatest({
            recordings: user.recordings.state$,
            rights: user.rights.state$,
            services: user.services.state$,
            resumes: user.resumes.state$,
          }).pipe(map((data) => ({ user, data }))),
    ),
  )
  const view$: Observable<RecordingsView> = combineLatest([
    data$,
    settings,
    options.ticks$,
    options.names$,
  ]).pipe(
    map(([{ user, data }, s, nowMs, names]) => viewOf(user, data, s, nowMs, names, options.locale())),
    distinctUntilChanged((a, b) => JSON.stringify(a) === JSON.stringify(b)),
  )
  const patch = (p: Partial<RecordingsChoice>): void => settings.next({ ...settings.value, ...p })
  return {
    view$,
    get settings(): Readonly<RecordingsChoice> {
      return settings.value
    },
    setFilter: (filter: RecordingFilter) => patch({ filter }),
    setSort: (sort: RecordingSort) => patch({ sort }),
    toggleSort: () => patch({ sort: settings.value.sort === 'date' ? 'title' : 'date' }),
    openSeries: (seriesId: string) => patch({ series: seriesId }),
    closeSeries: () => patch({ series: undefined }),
  }
}
