import type { Sim } from './context'
import { SimError } from './context'
import { bumpStamp } from './stamps'
import type { PlaybackKind, PlaybackWire } from './playback'

/** The most entries kept per user: the oldest are dropped beyond. */
export const MAX_HISTORY = 100
export const DEFAULT_HISTORY_COUNT = 50

export interface WatchEntryWire {
  ID: string
  Kind: PlaybackKind
  ChannelID: string
  ProgrammeID?: string
  RecordingID?: string
  Title: string
  WatchedAt: number
}

interface EntryRow {
  id: number
  kind: PlaybackKind
  channel_id: string
  programme_id: string | null
  recording_id: string | null
  title: string
  watched_at: number
}

/** What makes two playbacks the same item: live is the channel, the others their programme or recording. */
const itemKey = (p: PlaybackWire): string => {
  if (p.Kind === 'live') return `live:${p.ChannelID}`
  if (p.Kind === 'recording') return `recording:${p.RecordingID ?? ''}`
  return `${p.Kind}:${p.ProgrammeID ?? ''}`
}

/**
 * A playback started: its item goes to the top of the history with the time (watched again, it
 * moves rather than doubling, under a new ID), the oldest beyond MAX_HISTORY are dropped, and
 * the Tags stamp (the user-wide one, document 000) moves.
 */
export const recordWatch = (sim: Sim, userId: string, p: PlaybackWire): void => {
  const key = itemKey(p)
  sim.db.transaction(() => {
    sim.db.prepare('DELETE FROM watch_history WHERE user_id = ? AND item_key = ?').run(userId, key)
    sim.db
      .prepare(
        `INSERT INTO watch_history (user_id, item_key, kind, channel_id, programme_id, recording_id, title, watched_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        userId,
        key,
        p.Kind,
        p.ChannelID,
        p.ProgrammeID ?? null,
        p.RecordingID ?? null,
        p.Title,
        sim.clock.now(),
      )
    sim.db
      .prepare(
        `DELETE FROM watch_history WHERE user_id = ? AND id NOT IN (
           SELECT id FROM watch_history WHERE user_id = ? ORDER BY watched_at DESC, id DESC LIMIT ?)`,
      )
      .run(userId, userId, MAX_HISTORY)
    bumpStamp(sim, userId, 'user')
  })()
}

/** GetUserWatchHistory: newest first. */
export const listWatchHistory = (sim: Sim, userId: string, count: number): { Entries: WatchEntryWire[] } => ({
  Entries: sim.db
    .prepare<[string, number], EntryRow>(
      `SELECT id, kind, channel_id, programme_id, recording_id, title, watched_at FROM watch_history
       WHERE user_id = ? ORDER BY watched_at DESC, id DESC LIMIT ?`,
    )
    .all(userId, count)
    .map((r) => ({
      ID: String(r.id),
      Kind: r.kind,
      ChannelID: r.channel_id,
      ...(r.programme_id !== null ? { ProgrammeID: r.programme_id } : {}),
      ...(r.recording_id !== null ? { RecordingID: r.recording_id } : {}),
      Title: r.title,
      WatchedAt: r.watched_at,
    })),
})

/**
 * RemoveUserWatchHistory: one entry by ID (40 when the user has none by that ID), or without an
 * ID all of it, resume points included (what was watched and where it stopped go together).
 * Moves the Tags stamp when something was removed.
 */
export const removeWatchHistory = (sim: Sim, userId: string, id?: string): number =>
  sim.db.transaction((): number => {
    let removed: number
    if (id !== undefined) {
      removed = /^\d{1,15}$/.test(id)
        ? sim.db.prepare('DELETE FROM watch_history WHERE user_id = ? AND id = ?').run(userId, Number(id))
            .changes
        : 0
      if (removed === 0) throw new SimError('notFound', `No watch-history entry ${id}`, { ID: id })
    } else {
      removed =
        sim.db.prepare('DELETE FROM watch_history WHERE user_id = ?').run(userId).changes +
        sim.db.prepare('DELETE FROM resumes WHERE user_id = ?').run(userId).changes
    }
    if (removed > 0) bumpStamp(sim, userId, 'user')
    return removed
  })()
