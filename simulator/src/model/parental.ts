import type { Sim } from './context'
import { SimError, bool } from './context'
import { bumpStamp } from './stamps'
import { checkPin } from './pin'
import type { UserRow } from './users'

/** The age steps a programme's Rating and a MaxRating take. */
export const RATINGS = [0, 6, 12, 16, 18] as const

export interface ParentalControl {
  Enabled: boolean
  /** Programmes rated above it are locked (while Enabled and the PIN is enabled). */
  MaxRating: number
  PinEnabled: boolean
}

export const parentalControl = (user: UserRow): ParentalControl => ({
  Enabled: bool(user.parental_enabled),
  MaxRating: user.parental_max_rating,
  PinEnabled: bool(user.pin_enabled),
})

const isRating = (v: unknown): v is number =>
  typeof v === 'number' && (RATINGS as readonly number[]).includes(v)

/**
 * Changes the parental settings; the PIN is needed even while it is disabled for purchases
 * (the settings are what keeps a child out). Moves the Pins stamp: today that is the user-wide
 * stamp, as document 000 says.
 */
export const setParentalControl = (
  sim: Sim,
  user: UserRow,
  pin: unknown,
  enabled: unknown,
  maxRating: unknown,
): ParentalControl => {
  if (typeof enabled !== 'boolean') throw new SimError('invalid', 'Enabled must be a boolean')
  if (!isRating(maxRating)) throw new SimError('invalid', `MaxRating must be one of ${RATINGS.join(', ')}`)
  checkPin(sim, user.id, pin)
  return writeParentalControl(sim, user, enabled, maxRating)
}

/** Writes the settings without a PIN (QA's "another device", whose PIN check happened there). */
export const writeParentalControl = (
  sim: Sim,
  user: UserRow,
  enabled: boolean,
  maxRating: number,
): ParentalControl => {
  if (!isRating(maxRating)) throw new SimError('invalid', `maxRating must be one of ${RATINGS.join(', ')}`)
  if (bool(user.parental_enabled) !== enabled || user.parental_max_rating !== maxRating) {
    sim.db
      .prepare('UPDATE users SET parental_enabled = ?, parental_max_rating = ? WHERE id = ?')
      .run(enabled ? 1 : 0, maxRating, user.id)
    bumpStamp(sim, user.id, 'user')
  }
  return { Enabled: enabled, MaxRating: maxRating, PinEnabled: bool(user.pin_enabled) }
}

/** Whether a programme of this rating is locked for the user now. */
export const isLockedFor = (user: UserRow, rating: number | null): boolean =>
  rating !== null &&
  bool(user.parental_enabled) &&
  bool(user.pin_enabled) &&
  rating > user.parental_max_rating

/**
 * Unlocks one programme with the PIN, checked here with the purchase PIN's count and lockout.
 * The unlock lasts until the programme ends; a programme already over (catch-up, a recording)
 * gets its own length from now, the time it takes to watch it. A programme that is not locked
 * needs no PIN.
 */
export const unlockProgramme = (
  sim: Sim,
  user: UserRow,
  programmeId: string,
  pin: unknown,
): { ProgrammeID: string; UnlockedUntil: number } => {
  const row = /^\d{1,15}$/.test(programmeId)
    ? sim.db
        .prepare<
          [number],
          { start: number; end: number; rating: number | null }
        >('SELECT start, end, rating FROM programmes WHERE id = ?')
        .get(Number(programmeId))
    : undefined
  if (!row) throw new SimError('notFound', `No programme ${programmeId}`, { ID: programmeId })
  if (isLockedFor(user, row.rating)) checkPin(sim, user.id, pin)
  const now = sim.clock.now()
  return { ProgrammeID: programmeId, UnlockedUntil: row.end > now ? row.end : now + (row.end - row.start) }
}
