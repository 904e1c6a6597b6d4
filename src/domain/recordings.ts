import { channelsWith, entitlementsAt } from './entitlements'
import type { Licence } from './licences'
import type { Product } from './products'
import { purchaseEligibility, type Service } from './services'
import { DAY, HOUR, type UnixSeconds } from './time'

/** The state the server reported; 'unknown' for a value Kanal does not know. */
export type RecordingState = 'scheduled' | 'ongoing' | 'finished' | 'failed' | 'unknown'

/** Why a recording failed: the storage was full, the channel could not be recorded, or the operator's side. */
export type RecordingFailure = 'noSpace' | 'channelUnavailable' | 'operatorError' | 'unknown'

export interface Recording {
  id: string
  programmeId: string
  channelId: string
  title: string
  start: UnixSeconds
  end: UnixSeconds
  state: RecordingState
  protected: boolean
  seriesId?: string
  /** Which episode of its series ("S1 E4"), when the guide says. */
  episode?: string
  /** Why a failed recording failed, when the operator says. */
  failure?: RecordingFailure
  /** When the server will delete it; null when it never will (protected). */
  expiresAt: UnixSeconds | null
  createdAt?: UnixSeconds
}

export interface RecordingQuota {
  allowedHours: number
  usedHours: number
  scheduledHours: number
}

export interface RecordingList {
  recordings: readonly Recording[]
  quota: RecordingQuota
  autoExpireDays: number
}

type Timed = Pick<Recording, 'start' | 'end' | 'state'>

/**
 * The state at time t. A failed recording stays failed; otherwise the times decide, so that a
 * cached list shows the right state as the clock moves without asking the server.
 */
export const recordingStateAt = (r: Timed, t: UnixSeconds): Exclude<RecordingState, 'unknown'> => {
  if (r.state === 'failed') return 'failed'
  if (t < r.start) return 'scheduled'
  return t < r.end ? 'ongoing' : 'finished'
}

/** When an unprotected recording is deleted automatically; a protected one never is. */
export const recordingExpiry = (
  r: Pick<Recording, 'end' | 'protected'>,
  autoExpireDays: number,
): UnixSeconds | null => (r.protected ? null : r.end + autoExpireDays * DAY)

export const isExpiredAt = (
  r: Pick<Recording, 'end' | 'protected'>,
  autoExpireDays: number,
  t: UnixSeconds,
): boolean => {
  const expiry = recordingExpiry(r, autoExpireDays)
  return expiry !== null && t >= expiry
}

const round2 = (hours: number): number => Math.round(hours * 100) / 100

export interface QuotaUse extends RecordingQuota {
  leftHours: number
}

/**
 * Hours used (recorded so far) and scheduled (still to record) at time t, and what is left of
 * `allowedHours`. Failed recordings take no space; an ongoing one counts partly in each.
 */
export const quotaAt = (recordings: readonly Timed[], allowedHours: number, t: UnixSeconds): QuotaUse => {
  let used = 0
  let scheduled = 0
  for (const r of recordings) {
    if (r.state === 'failed') continue
    const length = Math.max(0, r.end - r.start)
    if (t >= r.end) used += length
    else if (t <= r.start) scheduled += length
    else {
      used += t - r.start
      scheduled += r.end - t
    }
  }
  const usedHours = round2(used / HOUR)
  const scheduledHours = round2(scheduled / HOUR)
  return {
    allowedHours,
    usedHours,
    scheduledHours,
    leftHours: Math.max(0, round2(allowedHours - usedHours - scheduledHours)),
  }
}

/** Whether a recording of `durationSeconds` more fits in the quota (used + scheduled + new <= allowed). */
export const fitsInQuota = (quota: RecordingQuota, durationSeconds: number): boolean =>
  quota.usedHours + quota.scheduledHours + durationSeconds / HOUR <= quota.allowedHours

export type RecordingAction =
  | { allowed: true }
  | { allowed: false; reason: 'protected' | 'notFinished' | 'finished' }

/** Only a finished (or failed) recording can be deleted, and not while it is protected. */
export const canDelete = (r: Recording, t: UnixSeconds): RecordingAction => {
  const state = recordingStateAt(r, t)
  if (state === 'scheduled' || state === 'ongoing') return { allowed: false, reason: 'notFinished' }
  return r.protected ? { allowed: false, reason: 'protected' } : { allowed: true }
}

/** A scheduled recording is removed by a cancel, an ongoing one stopped; a finished one cannot be. */
export const canCancel = (r: Recording, t: UnixSeconds): RecordingAction => {
  const state = recordingStateAt(r, t)
  return state === 'scheduled' || state === 'ongoing'
    ? { allowed: true }
    : { allowed: false, reason: 'finished' }
}

/**
 * How many episodes of a series are still to be recorded: what cancelling the series removes
 * (one already started is stopped on its own, not by the series).
 */
export const scheduledEpisodes = (
  recordings: readonly Recording[],
  seriesId: string,
  t: UnixSeconds,
): number => recordings.filter((r) => r.seriesId === seriesId && r.start > t && r.state !== 'failed').length

// ---------------------------------------------------------------------------------------------
// The recordings screen: filters, sorting, series groups, what will not fit, nPVR access.

/** The screen's filters; "recorded" holds what is over, failed ones included (they say so). */
export type RecordingFilter = 'all' | 'scheduled' | 'ongoing' | 'recorded'
export const RECORDING_FILTERS: readonly RecordingFilter[] = ['all', 'scheduled', 'ongoing', 'recorded']

export const matchesFilter = (r: Timed, filter: RecordingFilter, t: UnixSeconds): boolean => {
  if (filter === 'all') return true
  const state = recordingStateAt(r, t)
  if (filter === 'recorded') return state === 'finished' || state === 'failed'
  return state === filter
}

export const countByFilter = (
  recordings: readonly Timed[],
  t: UnixSeconds,
): Readonly<Record<RecordingFilter, number>> => {
  const counts: Record<RecordingFilter, number> = { all: 0, scheduled: 0, ongoing: 0, recorded: 0 }
  for (const r of recordings) for (const f of RECORDING_FILTERS) if (matchesFilter(r, f, t)) counts[f]++
  return counts
}

export type RecordingSort = 'date' | 'title'

/** One line of the list: a recording, or a series folded into one entry that opens its episodes. */
export type RecordingEntry =
  | { kind: 'recording'; recording: Recording }
  | { kind: 'series'; seriesId: string; title: string; episodes: readonly Recording[] }

const entryStart = (e: RecordingEntry): UnixSeconds =>
  e.kind === 'recording' ? e.recording.start : Math.max(...e.episodes.map((r) => r.start))
const entryTitle = (e: RecordingEntry): string => (e.kind === 'recording' ? e.recording.title : e.title)
const entryId = (e: RecordingEntry): string =>
  e.kind === 'recording' ? e.recording.id : `series:${e.seriesId}`

const byDate = (a: { start: UnixSeconds; id: string }, b: { start: UnixSeconds; id: string }): number =>
  b.start - a.start || a.id.localeCompare(b.id)

/**
 * Date: newest start first, so what is still to come sits above what is already recorded and a
 * series stands where its latest episode would. Title: alphabetical (case and accents ignored),
 * then by date. `locale` is the interface language.
 */
export const sortEntries = (
  entries: readonly RecordingEntry[],
  sort: RecordingSort,
  locale?: string,
): RecordingEntry[] => {
  const dated = entries.map((e) => ({ e, start: entryStart(e), id: entryId(e) }))
  dated.sort((a, b) =>
    sort === 'title'
      ? entryTitle(a.e).localeCompare(entryTitle(b.e), locale, { sensitivity: 'base' }) || byDate(a, b)
      : byDate(a, b),
  )
  return dated.map((d) => d.e)
}

/** Episodes of one series oldest first: the order they are watched in. */
export const episodesInOrder = (episodes: readonly Recording[]): Recording[] =>
  [...episodes].sort((a, b) => a.start - b.start || a.id.localeCompare(b.id))

/**
 * Folds the recordings of each series into one entry; a series with a single recording in view
 * stays a plain line (a folder of one is a wasted key press). The entry takes the title of the
 * series' latest episode.
 */
export const groupSeries = (recordings: readonly Recording[]): RecordingEntry[] => {
  const bySeries = new Map<string, Recording[]>()
  for (const r of recordings) {
    if (r.seriesId === undefined) continue
    const list = bySeries.get(r.seriesId) ?? []
    list.push(r)
    bySeries.set(r.seriesId, list)
  }
  const out: RecordingEntry[] = []
  const done = new Set<string>()
  for (const r of recordings) {
    const episodes = r.seriesId !== undefined ? bySeries.get(r.seriesId) : undefined
    if (r.seriesId === undefined || episodes === undefined || episodes.length < 2) {
      out.push({ kind: 'recording', recording: r })
      continue
    }
    if (done.has(r.seriesId)) continue
    done.add(r.seriesId)
    const ordered = episodesInOrder(episodes)
    const latest = ordered[ordered.length - 1] ?? r
    out.push({ kind: 'series', seriesId: r.seriesId, title: latest.title, episodes: ordered })
  }
  return out
}

/** What the list shows for a filter and a sort at time t: filtered first, then folded, then sorted. */
export const recordingEntries = (
  recordings: readonly Recording[],
  filter: RecordingFilter,
  sort: RecordingSort,
  t: UnixSeconds,
  locale?: string,
): RecordingEntry[] =>
  sortEntries(groupSeries(recordings.filter((r) => matchesFilter(r, filter, t))), sort, locale)

export interface SeriesShortfall {
  seriesId: string
  title: string
  /** Scheduled episodes that will find the storage full. */
  episodes: number
  /** Hours more storage it would take to record them all. */
  hoursShort: number
}

/**
 * Which scheduled series will not fit. The storage fills in time order: what is recorded stays,
 * what is being recorded finishes, then each scheduled recording takes its length when it
 * starts. A series will not fit when one of its scheduled episodes arrives to a full storage
 * (after the recordings that start before it). Failed recordings take no space.
 */
export const seriesShortfalls = (
  recordings: readonly Recording[],
  allowedHours: number,
  t: UnixSeconds,
): SeriesShortfall[] => {
  const committed = recordings.filter((r) => r.state !== 'failed' && r.start < t)
  let usedSeconds = committed.reduce((sum, r) => sum + Math.max(0, r.end - r.start), 0)
  const allowedSeconds = allowedHours * HOUR
  const scheduled = recordings
    .filter((r) => r.state !== 'failed' && r.start >= t)
    .sort((a, b) => a.start - b.start || a.id.localeCompare(b.id))
  const short = new Map<string, SeriesShortfall>()
  for (const r of scheduled) {
    const length = Math.max(0, r.end - r.start)
    usedSeconds += length
    if (usedSeconds <= allowedSeconds + 1e-6 || r.seriesId === undefined) continue
    const over = Math.min(length, usedSeconds - allowedSeconds)
    const s = short.get(r.seriesId) ?? { seriesId: r.seriesId, title: r.title, episodes: 0, hoursShort: 0 }
    s.episodes++
    s.hoursShort = round2(s.hoursShort + over / HOUR)
    short.set(r.seriesId, s)
  }
  return [...short.values()]
}

/** How far into a recording the viewer got, 0..1; undefined when never started. */
export const resumeFraction = (
  r: Pick<Recording, 'start' | 'end'>,
  positionSeconds: number | undefined,
): number | undefined => {
  if (positionSeconds === undefined || positionSeconds <= 0) return undefined
  const length = r.end - r.start
  if (length <= 0) return undefined
  return Math.min(1, positionSeconds / length)
}

/** The resume points' content id of a recording (the player saves it under this). */
export const recordingContentId = (recordingId: string): string => `recording:${recordingId}`

/**
 * Document 001 names nPVR among the services but defines no type code for it; the operator's
 * titles do ("nPVR 100 hours"), so that is what is looked at.
 */
export const isNpvrService = (s: Pick<Service, 'title'>): boolean => /\bn-?pvr\b/i.test(s.title)

export type NpvrAccess =
  | { kind: 'available' }
  /** `offers`: what the viewer can buy to record (products granting nPVR, nPVR services). */
  | { kind: 'notInPackage'; offers: readonly string[] }

/**
 * Whether the user can record in the cloud: an ACTIVE licence for a product with an nPVR
 * relationship (document 003). The server has the last word: a list it sent means yes, and a
 * refusal of the list (NotAllowed) means no, whatever the licences say. Offers: products
 * that would grant nPVR (recorder products first) and nPVR services that can be bought now.
 */
export const npvrAccess = (input: {
  licences: readonly Licence[] | undefined
  products: readonly Product[] | undefined
  services: readonly Service[] | undefined
  /** The operator refused the recordings list as not allowed. */
  refused: boolean
  /** The operator sent a recordings list (now or cached): it has the last word. */
  listed: boolean
  now: UnixSeconds
}): NpvrAccess => {
  const { licences, products, services, now } = input
  const known = licences !== undefined && products !== undefined
  const granted = known && channelsWith(entitlementsAt(licences, products, now), 'npvr').length > 0
  if (input.listed || (!input.refused && (granted || !known))) return { kind: 'available' }
  const productOffers = (products ?? [])
    .filter((p) => p.channels.npvr.length > 0)
    .sort((a, b) => Number(b.type === 'PVR') - Number(a.type === 'PVR') || a.title.localeCompare(b.title))
    .map((p) => p.title)
  const serviceOffers = (services ?? [])
    .filter((s) => isNpvrService(s) && purchaseEligibility(s, services ?? [], now).canBuy)
    .map((s) => s.title)
  return { kind: 'notInPackage', offers: [...productOffers.slice(0, 2), ...serviceOffers.slice(0, 1)] }
}
