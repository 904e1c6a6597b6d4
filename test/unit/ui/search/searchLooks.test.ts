import { NO_CAPABILITIES, type Capabilities } from '../../../../src/domain/channels'
import { localDayOf, type SearchResult } from '../../../../src/domain/search'
import type { SearchView } from '../../../../src/state/search/guideSearch'
import { resultLines, statusIsWarning, statusPhrase } from '../../../../src/ui/search/searchLooks'
import { searchUpdateSpeech } from '../../../../src/ui/search/searchSpeech'

const now = Date.UTC(2026, 0, 10, 12) / 1000
const result = (id: string, start: number, channelId = 'ch1'): SearchResult => ({
  id,
  channelId,
  title: `Show ${id}`,
  start,
  end: start + 3600,
  categories: [],
  channelNumber: 1,
  channelName: 'Kanal 1',
})
const ALL: Capabilities = { live: true, catchup: true, startover: true, npvr: true }
const view = (over: Partial<SearchView>): SearchView => ({
  typed: 'news',
  status: 'ready',
  query: 'news',
  results: [],
  more: false,
  ...over,
})

describe('search results', () => {
  const facts = {
    now,
    dayOf: localDayOf(() => 0),
    caps: (id: string) => (id === 'ch1' ? ALL : NO_CAPABILITIES),
    catchupHours: () => 24,
  }

  test('a heading per day (today, tomorrow, then a date), each result with what the package allows', () => {
    const lines = resultLines(
      [
        result('a', now - 600),
        result('b', now + 7200, 'ch2'),
        result('c', now + 86400),
        result('d', now + 3 * 86400),
      ],
      facts,
    )
    expect(lines.map((l) => (l.kind === 'day' ? l.heading.kind : l.result.id))).toEqual([
      'today',
      'a',
      'b',
      'tomorrow',
      'c',
      'date',
      'd',
    ])
    const [, onNow, locked] = lines
    expect(onNow?.kind === 'result' && onNow.badges).toEqual(['live', 'startover', 'npvr'])
    expect(locked?.kind === 'result' && locked.badges).toEqual([])
  })

  test('the status line: hint, searching, none, a count, more, failures and the length limit', () => {
    expect(statusPhrase(view({ status: 'hint' }), false, 100)).toEqual({ key: 'search.hint' })
    expect(statusPhrase(view({ status: 'searching' }), false, 100)).toEqual({ key: 'search.searching' })
    expect(statusPhrase(view({}), false, 100)).toEqual({ key: 'search.none', values: { query: 'news' } })
    expect(statusPhrase(view({ results: [result('a', now)] }), false, 100)).toEqual({
      key: 'search.count',
      values: { count: 1, query: 'news' },
    })
    expect(statusPhrase(view({ results: [result('a', now)], more: true }), false, 100).key).toBe(
      'search.countMore',
    )
    expect(statusPhrase(view({ status: 'failed', failure: 'offline' }), false, 100).key).toBe(
      'search.failed.offline',
    )
    expect(statusPhrase(view({ status: 'failed', failure: 'other' }), false, 100).key).toBe(
      'search.failed.other',
    )
    expect(statusPhrase(view({ status: 'failed', failure: 'refused' }), false, 100).key).toBe(
      'search.failed.refused',
    )
    expect(statusPhrase(view({}), true, 100)).toEqual({ key: 'search.tooLong', values: { max: 100 } })
    expect(statusIsWarning(view({ status: 'failed' }), false)).toBe(true)
    expect(statusIsWarning(view({}), true)).toBe(true)
    expect(statusIsWarning(view({}), false)).toBe(false)
  })

  test('voice guidance says the answer, never each "searching"', () => {
    expect(searchUpdateSpeech(undefined, view({ status: 'searching' }), false, 100)).toBeUndefined()
    const answered = view({ results: [result('a', now)] })
    expect(searchUpdateSpeech(view({ status: 'searching' }), answered, false, 100)).toEqual({
      key: 'search.count',
      values: { count: 1, query: 'news' },
    })
    expect(searchUpdateSpeech(answered, { ...answered, typed: 'news ' }, false, 100)).toBeUndefined()
    expect(searchUpdateSpeech(answered, answered, true, 100)).toEqual({
      key: 'search.tooLong',
      values: { max: 100 },
    })
  })
})
