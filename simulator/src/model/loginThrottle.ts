import type { Sim } from './context'
import { SimError } from './context'

/**
 * Sign-in throttling, in the manner of the PIN lock (model/pin.ts). Wrong passwords are counted
 * under two keys: the user name as typed, whether or not such a user exists (so that a lock
 * does not tell which names are real), and the client address (so that one address cannot
 * try a few passwords on each of many names). Past a few failures the answers slow down; at the
 * limit the key locks for a time that doubles with each lock, on the simulator clock. While
 * either key is locked every Login is refused, the right password too.
 *
 * Kept in SQLite beside the PIN lock rather than in memory: restarting the simulator must not
 * be a way to lift a lock, and QA's clock moves (which survive a restart too) stay meaningful.
 * A scenario reset (`/qa/reset`) empties it with the users.
 */
export const USER_LOCK_AFTER = 5
export const ADDRESS_LOCK_AFTER = 20
/** A user name's wrong passwords past this many are answered late: 250 ms, then 500 ms. */
export const SLOW_AFTER = 2
const SLOW_STEP_MS = 250
const MAX_SLOW_MS = 2000
export const FIRST_LOCK_SECONDS = 30
export const MAX_LOCK_SECONDS = 3600
/** A count with no new failure for this long starts over, as a typo a week ago should not count. */
const FORGET_FAILURES_SECONDS = 15 * 60
/** The doubling is forgotten a day after the last lock ended. */
const FORGET_LOCKS_SECONDS = 24 * 3600

interface ThrottleRow {
  key: string
  failed: number
  last_failed_at: number
  locked_until: number | null
  lock_count: number
}

const userKey = (username: string): string => `user:${username}`
const addressKey = (address: string): string => `address:${address}`

/** The row as it counts now: stale failures and an old lock history forgotten. */
const read = (sim: Sim, key: string, now: number): ThrottleRow => {
  const row = sim.db.prepare<[string], ThrottleRow>('SELECT * FROM login_throttle WHERE key = ?').get(key)
  if (!row) return { key, failed: 0, last_failed_at: now, locked_until: null, lock_count: 0 }
  const failed = row.last_failed_at + FORGET_FAILURES_SECONDS < now ? 0 : row.failed
  const lockCount =
    row.locked_until !== null && row.locked_until + FORGET_LOCKS_SECONDS < now ? 0 : row.lock_count
  return { ...row, failed, lock_count: lockCount }
}

const lockedUntilOf = (row: ThrottleRow, now: number): number | undefined =>
  row.locked_until !== null && row.locked_until > now ? row.locked_until : undefined

const refuse = (lockedUntil: number): SimError =>
  new SimError('loginLocked', 'Too many wrong passwords: signing in is locked for a while', {
    LockedUntil: lockedUntil,
  })

/** Refuses the Login while the user name or the address is locked (the later lock is named). */
export const checkLoginLock = (sim: Sim, username: string, address: string): void => {
  const now = sim.clock.now()
  const locks = [read(sim, userKey(username), now), read(sim, addressKey(address), now)]
    .map((row) => lockedUntilOf(row, now))
    .filter((until): until is number => until !== undefined)
  if (locks.length > 0) throw refuse(Math.max(...locks))
}

/**
 * Counts a wrong password under both keys (written at once, so that a burst of parallel tries
 * is counted before any answer goes out). Returns the lock it started, if any, else how long
 * the answer should wait.
 */
export const recordLoginFailure = (
  sim: Sim,
  username: string,
  address: string,
): { lockedUntil?: number; delayMs: number } => {
  const now = sim.clock.now()
  const write = sim.db.prepare(
    `INSERT INTO login_throttle (key, failed, last_failed_at, locked_until, lock_count) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT(key) DO UPDATE SET failed = excluded.failed, last_failed_at = excluded.last_failed_at,
       locked_until = excluded.locked_until, lock_count = excluded.lock_count`,
  )
  return sim.db.transaction(() => {
    let lockedUntil: number | undefined
    let userFailed = 0
    for (const [key, limit] of [
      [userKey(username), USER_LOCK_AFTER],
      [addressKey(address), ADDRESS_LOCK_AFTER],
    ] as const) {
      const row = read(sim, key, now)
      const failed = row.failed + 1
      if (failed >= limit) {
        const until = now + Math.min(FIRST_LOCK_SECONDS * 2 ** row.lock_count, MAX_LOCK_SECONDS)
        write.run(key, 0, now, until, row.lock_count + 1)
        lockedUntil = Math.max(lockedUntil ?? 0, until)
      } else {
        write.run(key, failed, now, row.locked_until, row.lock_count)
        if (key === userKey(username)) userFailed = failed
      }
    }
    if (lockedUntil !== undefined) return { lockedUntil, delayMs: 0 }
    const over = userFailed - SLOW_AFTER
    return { delayMs: over > 0 ? Math.min(SLOW_STEP_MS * 2 ** (over - 1), MAX_SLOW_MS) : 0 }
  })()
}

/**
 * A right password: the user name's count, lock and doubling start over. Not the address's:
 * signing in to one's own account must not wash away guesses at other names from that address.
 */
export const clearLoginFailures = (sim: Sim, username: string): void => {
  sim.db.prepare('DELETE FROM login_throttle WHERE key = ?').run(userKey(username))
}

export const loginLockedError = refuse
