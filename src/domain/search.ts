import type { Programme } from './guide'
import type { UnixSeconds } from './time'

/** What the operator's SearchGuide accepts (document of the wire contract). */
export const MAX_QUERY_LENGTH = 100
export const MIN_QUERY_LETTERS = 2

/** A programme found by SearchGuide, with the channel the operator named beside it. */
export interface SearchResult extends Programme {
  channelNumber: number
  channelName: string
}

export interface SearchAnswer {
  /** The query as the operator read it. */
  query: string
  results: SearchResult[]
  /** More programmes match than were sent. */
  more: boolean
}

/**
 * A query as typed: searchable, too short to search (fewer than two letters or digits once
 * spaces and symbols are left out: the operator refuses those rather than scanning everything),
 * or too long.
 */
export type QueryCheck = { kind: 'ok'; query: string } | { kind: 'short' } | { kind: 'tooLong'; max: number }

export const checkQuery = (typed: string): QueryCheck => {
  if (typed.length > MAX_QUERY_LENGTH) return { kind: 'tooLong', max: MAX_QUERY_LENGTH }
  const letters = typed.match(/[\p{L}\p{N}]/gu)?.length ?? 0
  if (letters < MIN_QUERY_LETTERS) return { kind: 'short' }
  return { kind: 'ok', query: typed.trim().replace(/\s+/g, ' ') }
}

/** Whether one more character may be typed: the keyboard stops at the operator's limit. */
export const canType = (typed: string, addition: string): boolean =>
  typed.length + addition.length <= MAX_QUERY_LENGTH

/** One day of results: 0 is today, 1 tomorrow, and so on (on the box's calendar). */
export interface DayGroup<T> {
  day: number
  /** A time on that day, to name it (the first result's start, or now for today). */
  at: UnixSeconds
  items: T[]
}

/**
 * Results grouped by the day they start on, in the order given (the operator's: soonest
 * first). `dayOf` numbers calendar days in the box's time zone; a programme that began before
 * today and is still on counts as today's.
 */
export const groupByDay = <T extends { start: UnixSeconds }>(
  items: readonly T[],
  now: UnixSeconds,
  dayOf: (at: UnixSeconds) => number,
): DayGroup<T>[] => {
  const today = dayOf(now)
  const groups: DayGroup<T>[] = []
  for (const item of items) {
    const day = Math.max(0, dayOf(item.start) - today)
    let group = groups.find((g) => g.day === day)
    if (!group) {
      group = { day, at: day === 0 ? now : item.start, items: [] }
      groups.push(group)
    }
    group.items.push(item)
  }
  return groups.sort((a, b) => a.day - b.day)
}

/** Calendar days in a zone `offsetSeconds` east of UTC (the box's own, from its Date). */
export const localDayOf =
  (offsetSeconds: (at: UnixSeconds) => number) =>
  (at: UnixSeconds): number =>
    Math.floor((at + offsetSeconds(at)) / 86400)
