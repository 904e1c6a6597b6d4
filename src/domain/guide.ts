import type { Capabilities } from './channels'
import { HOUR, type UnixSeconds } from './time'

export interface Programme {
  id: string
  channelId: string
  title: string
  start: UnixSeconds
  end: UnixSeconds
  description?: string
  categories: readonly string[]
  seriesId?: string
  episode?: string
  /** A picture of the programme (absolute URL), when the operator has one. */
  image?: string
  /** Minimum age (0, 6, 12, 16, 18), when the operator gives one (domain/parental). */
  rating?: number
  /** New episode, premiere, live broadcast: marks on the guide's cells (absent when none). */
  flags?: readonly ProgrammeFlag[]
}

export type ProgrammeFlag = 'new' | 'premiere' | 'live'
export const PROGRAMME_FLAGS: readonly ProgrammeFlag[] = ['new', 'premiere', 'live']

/** A programme looked up by id, with the next airing of the same title when the operator knows one. */
export interface ProgrammeDetails {
  programme: Programme
  nextAiring?: Programme
}

/** Programmes of some channels over [start, end) (Kanal's GetGuide). */
export interface GuideWindow {
  start: UnixSeconds
  end: UnixSeconds
  channels: readonly { channelId: string; programmes: readonly Programme[] }[]
}

/** The programme on air at t among one channel's programmes (any order), if any. */
export const programmeAt = (programmes: readonly Programme[], t: UnixSeconds): Programme | undefined =>
  programmes.find((p) => p.start <= t && t < p.end)

/** The programmes of a window for one channel, sorted by start. */
export const programmesOf = (window: GuideWindow, channelId: string): Programme[] =>
  [...(window.channels.find((c) => c.channelId === channelId)?.programmes ?? [])].sort(
    (a, b) => a.start - b.start,
  )

export type Availability<R extends string> =
  | { available: true; until?: UnixSeconds }
  | { available: false; reason: R }

export type CatchupRefusal = 'notEntitled' | 'noCatchupWindow' | 'notEnded' | 'tooOld'

/**
 * Catch-up: a programme that has ended, on a channel the user has catch-up for, whose start is
 * still inside the channel's catch-up window. `until` is when it leaves the window.
 */
export const catchupAvailability = (
  programme: Pick<Programme, 'start' | 'end'>,
  caps: Capabilities,
  catchupHours: number,
  now: UnixSeconds,
): Availability<CatchupRefusal> => {
  if (!caps.catchup) return { available: false, reason: 'notEntitled' }
  if (catchupHours <= 0) return { available: false, reason: 'noCatchupWindow' }
  if (now < programme.end) return { available: false, reason: 'notEnded' }
  const until = programme.start + catchupHours * HOUR
  return now < until ? { available: true, until } : { available: false, reason: 'tooOld' }
}

export type StartOverRefusal = 'notEntitled' | 'notOnAir'

/** Start-over: restart the programme on air now, on a channel the user has start-over for. */
export const startOverAvailability = (
  programme: Pick<Programme, 'start' | 'end'>,
  caps: Capabilities,
  now: UnixSeconds,
): Availability<StartOverRefusal> => {
  if (!caps.startover) return { available: false, reason: 'notEntitled' }
  return programme.start <= now && now < programme.end
    ? { available: true, until: programme.end }
    : { available: false, reason: 'notOnAir' }
}

export type RecordRefusal = 'notEntitled' | 'ended'

/** nPVR: a programme that has not ended, on a channel the user may record. */
export const recordAvailability = (
  programme: Pick<Programme, 'end'>,
  caps: Capabilities,
  now: UnixSeconds,
): Availability<RecordRefusal> => {
  if (!caps.npvr) return { available: false, reason: 'notEntitled' }
  return now < programme.end ? { available: true } : { available: false, reason: 'ended' }
}
