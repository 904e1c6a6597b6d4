import type { Sim } from './context'

export interface Stamps {
  Pins: number
  Recordings: number
  Rights: number
  Services: number
  Tags: number
}

interface StampRow {
  pins: number
  recordings: number
  rights: number
  services: number
  tags: number
}

/**
 * Document 000: only Recordings moves on its own; Pins, Rights, Services and Tags currently
 * move together with the user-wide stamp. They are stored apart so that the day the operator
 * separates them only this file changes.
 */
export type StampKind = 'recordings' | 'user'

export const initStamps = (sim: Sim, userId: string, at: number): void => {
  sim.db
    .prepare(
      `INSERT INTO user_stamps (user_id, pins, recordings, rights, services, tags) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT(user_id) DO NOTHING`,
    )
    .run(userId, at, at, at, at, at)
}

const readRow = (sim: Sim, userId: string): StampRow | undefined =>
  sim.db
    .prepare<
      [string],
      StampRow
    >('SELECT pins, recordings, rights, services, tags FROM user_stamps WHERE user_id = ?')
    .get(userId)

export const readStamps = (sim: Sim, userId: string): Stamps => {
  const r = readRow(sim, userId)
  if (!r) throw new Error(`no stamps for user ${userId}`)
  return { Pins: r.pins, Recordings: r.recordings, Rights: r.rights, Services: r.services, Tags: r.tags }
}

/**
 * Moves a stamp. It never goes backwards, and two changes in the same second still give two
 * different stamps: max(now, last + 1).
 */
export const bumpStamp = (sim: Sim, userId: string, kind: StampKind): number => {
  const r = readRow(sim, userId)
  if (!r) return 0
  const now = sim.clock.now()
  if (kind === 'recordings') {
    const next = Math.max(now, r.recordings + 1)
    sim.db.prepare('UPDATE user_stamps SET recordings = ? WHERE user_id = ?').run(next, userId)
    return next
  }
  const next = Math.max(now, Math.max(r.pins, r.rights, r.services, r.tags) + 1)
  sim.db
    .prepare('UPDATE user_stamps SET pins = ?, rights = ?, services = ?, tags = ? WHERE user_id = ?')
    .run(next, next, next, next, userId)
  return next
}

/** Document 000's cache time: the Recordings stamp moves when it has not moved for that long. */
export const expireRecordingsCache = (sim: Sim, userId: string): boolean => {
  const r = readRow(sim, userId)
  if (!r) return false
  if (sim.clock.now() - r.recordings < sim.config.maxCacheSeconds) return false
  bumpStamp(sim, userId, 'recordings')
  return true
}
