import type { Db } from '../db/connection'

/**
 * Adds programmes to SearchGuide's full-text index: those with an id >= `firstId`. A writer
 * calls it after inserting a batch (the seeds once for the whole guide, the XMLTV importer per
 * channel): SQLite gives each new row max(id) + 1, so the rows of a batch are exactly those at
 * or above the first one's id. Deletes and title changes are kept in step by triggers
 * (migration 6).
 */
export const indexProgrammesFrom = (db: Db, firstId: number): number =>
  db
    .prepare(
      'INSERT INTO programmes_fts (rowid, title, episode) SELECT id, title, episode FROM programmes WHERE id >= ?',
    )
    .run(firstId).changes
