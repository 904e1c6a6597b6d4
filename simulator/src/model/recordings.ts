import type { Sim } from './context'
import { SimError, bool } from './context'
import { bumpStamp } from './stamps'
import { hasChannelRight } from './licences'
import { effectiveNpvr, type EffectiveNpvr } from './subscription'
import type { UserRow } from './users'

export type RecordingState = 'Scheduled' | 'Ongoing' | 'Finished' | 'Failed'

export interface RecordingRow {
  id: number
  user_id: string
  programme_id: string
  channel_id: string
  title: string
  start: number
  end: number
  series_id: string | null
  protected: number
  /** 0, or why it failed: a key of FAILURE_REASONS. */
  failed: number
  seen_state: RecordingState
  created_at: number
  /** The programme's episode ("S1 E4"), joined from the guide when it is still there. */
  episode?: string | null
}

/** Why a recording failed, as GetRecordings' FailureReason says it (the `failed` column's codes). */
export const FAILURE_REASONS = {
  1: 'OperatorError',
  2: 'NoSpace',
  3: 'ChannelUnavailable',
} as const
export type FailureReason = (typeof FAILURE_REASONS)[keyof typeof FAILURE_REASONS]
export const FAILURE_CODE: Record<FailureReason, number> = {
  OperatorError: 1,
  NoSpace: 2,
  ChannelUnavailable: 3,
}

const failureReasonOf = (failed: number): FailureReason =>
  FAILURE_REASONS[failed as keyof typeof FAILURE_REASONS] ?? 'OperatorError'

export interface RecordingWire {
  ID: string
  ChannelID: string
  ProgrammeID: string
  Title: string
  Start: number
  End: number
  State: RecordingState
  Protected: boolean
  SeriesID?: string
  Episode?: string
  FailureReason?: FailureReason
  ExpiresAt: number | null
  CreatedAt: number
}

export interface Quota {
  AllowedHours: number
  UsedHours: number
  ScheduledHours: number
}

/** A recording's state at time t: what the Recordings stamp follows (document 000). */
export const stateAt = (r: Pick<RecordingRow, 'start' | 'end' | 'failed'>, t: number): RecordingState =>
  r.failed !== 0 ? 'Failed' : t < r.start ? 'Scheduled' : t < r.end ? 'Ongoing' : 'Finished'

const expiresAt = (r: RecordingRow, autoExpireDays: number): number | null =>
  bool(r.protected) ? null : r.end + autoExpireDays * 86400

const toWire = (r: RecordingRow, now: number, autoExpireDays: number): RecordingWire => {
  const w: RecordingWire = {
    ID: String(r.id),
    ChannelID: r.channel_id,
    ProgrammeID: r.programme_id,
    Title: r.title,
    Start: r.start,
    End: r.end,
    State: stateAt(r, now),
    Protected: bool(r.protected),
    ExpiresAt: expiresAt(r, autoExpireDays),
    CreatedAt: r.created_at,
  }
  if (r.series_id !== null) w.SeriesID = r.series_id
  if (r.episode) w.Episode = r.episode
  if (r.failed !== 0) w.FailureReason = failureReasonOf(r.failed)
  return w
}

/** A recording with its programme's episode (a programme id is the guide's integer id). */
const WITH_EPISODE = `SELECT r.*, p.episode AS episode FROM recordings r
  LEFT JOIN programmes p ON r.programme_id GLOB '[0-9]*' AND p.id = CAST(r.programme_id AS INTEGER)`

const rowsOf = (sim: Sim, userId: string): RecordingRow[] =>
  sim.db
    .prepare<[string], RecordingRow>(`${WITH_EPISODE} WHERE r.user_id = ? ORDER BY r.start, r.id`)
    .all(userId)

const getRow = (sim: Sim, userId: string, id: string): RecordingRow => {
  const row = /^\d+$/.test(id)
    ? sim.db
        .prepare<[string, number], RecordingRow>(`${WITH_EPISODE} WHERE r.user_id = ? AND r.id = ?`)
        .get(userId, Number(id))
    : undefined
  if (!row) throw new SimError('notFound', `No recording ${id}`)
  return row
}

const npvrOf = (sim: Sim, user: UserRow): EffectiveNpvr => {
  const npvr = effectiveNpvr(sim, user.customer_id)
  if (!npvr || !npvr.available || !npvr.enabled)
    throw new SimError('notAllowed', 'nPVR is not available for this user')
  return npvr
}

const round2 = (hours: number): number => Math.round(hours * 100) / 100

const quotaOf = (rows: RecordingRow[], now: number, allowedHours: number): Quota => {
  let used = 0
  let scheduled = 0
  for (const r of rows) {
    if (r.failed !== 0) continue
    if (now >= r.end) used += r.end - r.start
    else if (now <= r.start) scheduled += r.end - r.start
    else {
      used += now - r.start
      scheduled += r.end - now
    }
  }
  return {
    AllowedHours: allowedHours,
    UsedHours: round2(used / 3600),
    ScheduledHours: round2(scheduled / 3600),
  }
}

export const listRecordings = (
  sim: Sim,
  user: UserRow,
): { Recordings: RecordingWire[]; Quota: Quota; AutoExpireDays: number } => {
  const npvr = npvrOf(sim, user)
  const now = sim.clock.now()
  const rows = rowsOf(sim, user.id)
  return {
    Recordings: rows.map((r) => toWire(r, now, npvr.autoExpireDays)),
    Quota: quotaOf(rows, now, npvr.storageHours),
    AutoExpireDays: npvr.autoExpireDays,
  }
}

interface ProgrammeRow {
  id: number
  channel_id: string
  start: number
  end: number
  title: string
  series_id: string | null
}

/**
 * Schedules a recording of one programme, or with `series` of every episode of its series on
 * that channel that has not ended. A series is a rule of the recording manager (VRM in
 * document 000), whose changes do not move the Recordings stamp; a single recording does.
 */
export const addRecording = (
  sim: Sim,
  user: UserRow,
  programmeId: string,
  series: boolean,
): RecordingWire[] => {
  const npvr = npvrOf(sim, user)
  const now = sim.clock.now()
  const programme = /^\d+$/.test(programmeId)
    ? sim.db
        .prepare<
          [number],
          ProgrammeRow
        >('SELECT id, channel_id, start, end, title, series_id FROM programmes WHERE id = ?')
        .get(Number(programmeId))
    : undefined
  if (!programme) throw new SimError('notFound', `No programme ${programmeId}`)
  if (!hasChannelRight(sim, user.id, programme.channel_id, 'npvr')) {
    throw new SimError('notAllowed', `Recording is not included for channel ${programme.channel_id}`)
  }
  if (programme.end <= now) throw new SimError('notAllowed', 'The programme has already ended')
  if (series && programme.series_id === null)
    throw new SimError('invalid', 'The programme is not part of a series')

  const existing = rowsOf(sim, user.id)
  const recorded = new Set(existing.map((r) => r.programme_id))
  const targets = series
    ? sim.db
        .prepare<[string, string, number], ProgrammeRow>(
          `SELECT id, channel_id, start, end, title, series_id FROM programmes
           WHERE series_id = ? AND channel_id = ? AND end > ? ORDER BY start`,
        )
        .all(programme.series_id ?? '', programme.channel_id, now)
        .filter((p) => !recorded.has(String(p.id)))
    : [programme]
  if (!series && recorded.has(String(programme.id)))
    throw new SimError('conflict', 'This programme is already recorded')

  const quota = quotaOf(existing, now, npvr.storageHours)
  const extra = targets.reduce((sum, p) => sum + (p.end - p.start), 0) / 3600
  if (quota.UsedHours + quota.ScheduledHours + extra > npvr.storageHours) {
    throw new SimError('quota', 'Not enough nPVR storage left', { Quota: quota })
  }

  return sim.db.transaction(() => {
    const insert = sim.db.prepare(
      `INSERT INTO recordings (user_id, programme_id, channel_id, title, start, end, series_id, seen_state, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    const ids = targets.map((p) =>
      Number(
        insert.run(
          user.id,
          String(p.id),
          p.channel_id,
          p.title,
          p.start,
          p.end,
          p.series_id,
          stateAt({ start: p.start, end: p.end, failed: 0 }, now),
          now,
        ).lastInsertRowid,
      ),
    )
    if (!series) bumpStamp(sim, user.id, 'recordings')
    return ids.map((id) => toWire(getRow(sim, user.id, String(id)), now, npvr.autoExpireDays))
  })()
}

/** Cancels a scheduled recording (removed) or an ongoing one (stopped now, kept as finished). */
export const cancelRecording = (sim: Sim, user: UserRow, recordingId: string): void => {
  const row = getRow(sim, user.id, recordingId)
  const now = sim.clock.now()
  const state = stateAt(row, now)
  if (state === 'Scheduled') sim.db.prepare('DELETE FROM recordings WHERE id = ?').run(row.id)
  else if (state === 'Ongoing') {
    sim.db
      .prepare("UPDATE recordings SET end = ?, seen_state = 'Finished' WHERE id = ?")
      .run(Math.max(now, row.start + 1), row.id)
  } else throw new SimError('notAllowed', `A ${state.toLowerCase()} recording cannot be cancelled`)
  bumpStamp(sim, user.id, 'recordings')
}

/** Cancels the scheduled episodes of a series rule; like any series change, no stamp moves. */
export const cancelSeries = (sim: Sim, user: UserRow, seriesId: string): number => {
  const now = sim.clock.now()
  return sim.db
    .prepare('DELETE FROM recordings WHERE user_id = ? AND series_id = ? AND start > ? AND failed = 0')
    .run(user.id, seriesId, now).changes
}

export const deleteRecording = (sim: Sim, user: UserRow, recordingId: string): void => {
  const row = getRow(sim, user.id, recordingId)
  const state = stateAt(row, sim.clock.now())
  if (state !== 'Finished' && state !== 'Failed') {
    throw new SimError('notAllowed', `A ${state.toLowerCase()} recording cannot be deleted: cancel it`)
  }
  if (bool(row.protected)) throw new SimError('notAllowed', 'The recording is protected')
  sim.db.prepare('DELETE FROM recordings WHERE id = ?').run(row.id)
  bumpStamp(sim, user.id, 'recordings')
}

export const protectRecording = (
  sim: Sim,
  user: UserRow,
  recordingId: string,
  value: boolean,
): RecordingWire => {
  const npvr = npvrOf(sim, user)
  const row = getRow(sim, user.id, recordingId)
  if (bool(row.protected) !== value) {
    sim.db.prepare('UPDATE recordings SET protected = ? WHERE id = ?').run(value ? 1 : 0, row.id)
    bumpStamp(sim, user.id, 'recordings')
  }
  return toWire(getRow(sim, user.id, recordingId), sim.clock.now(), npvr.autoExpireDays)
}

/**
 * What the clock did to the user's recordings since the last look: state changes
 * (scheduled -> ongoing -> finished) and auto-expiry of unprotected ones. Either moves the
 * Recordings stamp once.
 */
export const advanceRecordings = (sim: Sim, userId: string, customerId: string | null): boolean => {
  const now = sim.clock.now()
  let changed = false
  const update = sim.db.prepare('UPDATE recordings SET seen_state = ? WHERE id = ?')
  for (const r of rowsOf(sim, userId)) {
    const state = stateAt(r, now)
    if (state !== r.seen_state) {
      update.run(state, r.id)
      changed = true
    }
  }
  let npvr: EffectiveNpvr | undefined
  try {
    npvr = effectiveNpvr(sim, customerId)
  } catch {
    // Broken settings are reported by the settings route; the clock still moves the states.
    npvr = undefined
  }
  if (npvr) {
    const expired = sim.db
      .prepare('DELETE FROM recordings WHERE user_id = ? AND protected = 0 AND end + ? <= ?')
      .run(userId, npvr.autoExpireDays * 86400, now)
    if (expired.changes > 0) changed = true
  }
  if (changed) bumpStamp(sim, userId, 'recordings')
  return changed
}
