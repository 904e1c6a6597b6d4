import type { Sim } from './context'
import { SimError } from './context'
import { PROGRAMME_COLUMNS, lastProgrammeStart, toWire, type ProgrammeRow, type ProgrammeWire } from './guide'
import { SEARCH_BLOCK_SECONDS, blockOf, blockToken } from './searchIndex'

export const MAX_QUERY_CHARS = 100
export const MAX_SEARCH_COUNT = 200
export const DEFAULT_SEARCH_COUNT = 50
/** Fewer letters or digits than this would match most of the guide: refused, not scanned. */
export const MIN_QUERY_LETTERS = 2

export type SearchResultWire = ProgrammeWire & { ChannelNumber: number; ChannelName: string }

export interface SearchWire {
  Query: string
  Results: SearchResultWire[]
  More: boolean
}

export interface SearchInput {
  query: string
  from?: number
  to?: number
  count?: number
}

/** The words of a query: runs of letters, digits and their marks, in any script. */
export const queryWords = (query: string): string[] =>
  query.normalize('NFC').match(/[\p{L}\p{N}\p{M}]+/gu) ?? []

/**
 * The FTS5 query for the words: each quoted (so that AND, NEAR, `*`, `-`, `:` or a quote typed
 * by the viewer are plain text, never syntax) and a prefix ("caf" finds "Café Society"); all of
 * them must match.
 */
export const ftsQuery = (words: readonly string[]): string => words.map((w) => `"${w}"*`).join(' ')

/** Checks a query as typed; throws the 41 that says what is wrong. */
export const checkQuery = (query: string): string[] => {
  if (query.length > MAX_QUERY_CHARS)
    throw new SimError('invalid', `Query must be at most ${MAX_QUERY_CHARS} characters`)
  const letters = query.match(/[\p{L}\p{N}]/gu)?.length ?? 0
  if (letters < MIN_QUERY_LETTERS)
    throw new SimError(
      'invalid',
      `Query must have at least ${MIN_QUERY_LETTERS} letters or digits (spaces and symbols do not count)`,
    )
  return queryWords(query)
}

type ResultRow = ProgrammeRow & { channel_number: number; channel_name: string }

const SEARCH_SQL = `
  SELECT ${PROGRAMME_COLUMNS.split(', ')
    .map((c) => `p.${c}`)
    .join(', ')}, c.number AS channel_number, c.name AS channel_name
  FROM programmes_fts
  JOIN programmes p ON p.id = programmes_fts.rowid
  JOIN channels c ON c.id = p.channel_id
  WHERE programmes_fts MATCH ? AND p.start >= ? AND p.end > ? AND p.start < ?
  ORDER BY p.start, c.number, p.id
  LIMIT ?`

/** The words in the title or episode, and the programme in one of the blocks. */
const matchIn = (words: string, first: number, last: number): string => {
  const blocks: string[] = []
  for (let b = first; b <= last; b += 1) blocks.push(`"${blockToken(b)}"`)
  return `{title episode} : (${words}) AND blocks : (${blocks.join(' OR ')})`
}

/**
 * SearchGuide: programmes whose title or episode title has every word of the query (as a word
 * prefix, case- and accent-insensitive: FTS5's unicode61 with remove_diacritics 2) that end
 * after `from` (default: the operator's now) and start before `to` (default: the guide's end),
 * soonest first, ties by channel number.
 *
 * The guide is walked in time blocks from `from`: first the block `from` is in (every programme
 * on at `from` overlaps it), then programmes starting in the next block, the next two, four...
 * until there are enough results. A common word is answered from the first hours; a rare one
 * takes a handful of small queries over the fortnight.
 */
export const searchGuide = (sim: Sim, input: SearchInput, baseUrl: string): SearchWire => {
  const words = ftsQuery(checkQuery(input.query))
  const from = input.from ?? sim.clock.now()
  const to = input.to ?? Number.MAX_SAFE_INTEGER
  if (from >= to) throw new SimError('invalid', 'From must be before To')
  const count = input.count ?? DEFAULT_SEARCH_COUNT
  const stmt = sim.db.prepare<[string, number, number, number, number], ResultRow>(SEARCH_SQL)
  const lastStart = lastProgrammeStart(sim)
  const rows: ResultRow[] = []
  if (lastStart !== undefined) {
    const endBlock = blockOf(Math.min(to - 1, lastStart))
    let block = blockOf(from)
    let width = 1
    let startsFrom = Number.MIN_SAFE_INTEGER
    while (block <= endBlock && rows.length <= count) {
      const last = Math.min(block + width - 1, endBlock)
      rows.push(...stmt.all(matchIn(words, block, last), startsFrom, from, to, count + 1 - rows.length))
      block = last + 1
      startsFrom = block * SEARCH_BLOCK_SECONDS
      width *= 2
    }
  }
  return {
    Query: input.query,
    Results: rows.slice(0, count).map((r) => ({
      ...toWire(r, baseUrl),
      ChannelNumber: r.channel_number,
      ChannelName: r.channel_name,
    })),
    More: rows.length > count,
  }
}
