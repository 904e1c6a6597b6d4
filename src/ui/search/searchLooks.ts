import type { Capabilities, Capability } from '../../domain/channels'
import { programmeBadges } from '../../domain/guideActions'
import { groupByDay, type SearchResult } from '../../domain/search'
import type { UnixSeconds } from '../../domain/time'
import type { SearchView } from '../../state/search/guideSearch'
import { phrase, type Phrase } from '../i18n'

/** A day's heading: today, tomorrow, or a date the page writes in the interface language. */
export type DayHeading = { kind: 'today' } | { kind: 'tomorrow' } | { kind: 'date'; at: UnixSeconds }

/** What the results list draws: a heading per day, then that day's programmes. */
export type ResultLine =
  | { kind: 'day'; heading: DayHeading }
  | { kind: 'result'; result: SearchResult; badges: readonly Capability[] }

export interface ResultFacts {
  now: UnixSeconds
  /** Calendar days in the box's time zone. */
  dayOf: (at: UnixSeconds) => number
  caps: (channelId: string) => Capabilities
  catchupHours: (channelId: string) => number
}

export const headingOf = (day: number, at: UnixSeconds): DayHeading =>
  day === 0 ? { kind: 'today' } : day === 1 ? { kind: 'tomorrow' } : { kind: 'date', at }

/** The results grouped by day, each with what the package allows on it now (the guide's badges). */
export const resultLines = (results: readonly SearchResult[], facts: ResultFacts): ResultLine[] =>
  groupByDay(results, facts.now, facts.dayOf).flatMap((group): ResultLine[] => [
    { kind: 'day', heading: headingOf(group.day, group.at) },
    ...group.items.map(
      (result): ResultLine => ({
        kind: 'result',
        result,
        badges: programmeBadges(
          result,
          facts.caps(result.channelId),
          facts.catchupHours(result.channelId),
          facts.now,
        ),
      }),
    ),
  ])

/** The line under the field: what to type, what is happening, or what went wrong. */
export const statusPhrase = (view: SearchView, tooLong: boolean, maxLength: number): Phrase => {
  if (tooLong) return phrase('search.tooLong', { max: maxLength })
  switch (view.status) {
    case 'hint':
      return phrase('search.hint')
    case 'searching':
      return phrase('search.searching')
    case 'failed': {
      const key =
        view.failure === 'offline'
          ? 'search.failed.offline'
          : view.failure === 'refused'
            ? 'search.failed.refused'
            : 'search.failed.other'
      return phrase(key)
    }
    case 'ready':
      if (view.results.length === 0) return phrase('search.none', { query: view.query })
      return phrase(view.more ? 'search.countMore' : 'search.count', {
        count: view.results.length,
        query: view.query,
      })
  }
}

/** Whether the status line is a warning (a failure, the length limit) rather than information. */
export const statusIsWarning = (view: SearchView, tooLong: boolean): boolean =>
  tooLong || view.status === 'failed'
