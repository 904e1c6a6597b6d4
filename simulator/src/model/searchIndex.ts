import type Database from 'better-sqlite3'

/**
 * SearchGuide's full-text index (programmes_fts, migration 6): each programme's title and
 * episode, and the time blocks it overlaps as tokens of a third column (`b<n>`: block n is
 * [n, n + 1) x SEARCH_BLOCK_SECONDS). The blocks let a search walk the guide from its start
 * time and stop once it has enough results, instead of visiting every match in the fortnight
 * ("the" matches one programme in eight).
 */
export const SEARCH_BLOCK_SECONDS = 3 * 3600
/** A programme longer than this many blocks (a week) is found from its first week only. */
const MAX_BLOCKS_PER_PROGRAMME = 56

export const blockOf = (t: number): number => Math.floor(t / SEARCH_BLOCK_SECONDS)

/** A block as a token: letters and digits only, so that the tokenizer keeps it whole. */
export const blockToken = (block: number): string => (block >= 0 ? `b${block}` : `bm${-block}`)

export const blockTokens = (start: number, end: number): string => {
  const first = blockOf(start)
  const last = Math.min(Math.max(first, blockOf(end - 1)), first + MAX_BLOCKS_PER_PROGRAMME - 1)
  const out: string[] = []
  for (let b = first; b <= last; b += 1) out.push(blockToken(b))
  return out.join(' ')
}

/**
 * The SQL function the index's writers and its update trigger use; every connection that
 * writes programmes registers it (db/connection.ts) before the migrations run.
 */
export const registerSearchFunctions = (db: Database.Database): void => {
  db.function('kanal_search_blocks', { deterministic: true }, (start: unknown, end: unknown) =>
    blockTokens(Number(start), Number(end)),
  )
}

/**
 * Adds the programmes with an id >= `firstId` to the index. A writer calls it after inserting a
 * batch (the seeds once for the whole guide, the XMLTV importer per channel): SQLite gives each
 * new row max(id) + 1, so the rows of a batch are exactly those at or above the first one's
 * id. Deletes and changes are kept in step by triggers (migration 6).
 */
export const indexProgrammesFrom = (db: Database.Database, firstId: number): number =>
  db
    .prepare(
      `INSERT INTO programmes_fts (rowid, title, episode, blocks)
       SELECT id, title, episode, kanal_search_blocks(start, end) FROM programmes WHERE id >= ?`,
    )
    .run(firstId).changes
