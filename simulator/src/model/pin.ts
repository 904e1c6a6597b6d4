import type { Sim } from './context'
import { SimError, bool } from './context'
import { bumpStamp } from './stamps'
import { hashSecret, verifySecret } from './secrets'
import { getUser, type UserRow } from './users'
import { LIMITS } from '../limits'

export const MAX_PIN_ATTEMPTS = 3
const FIRST_LOCK_SECONDS = 60
const MAX_LOCK_SECONDS = 24 * 3600

export interface PinState {
  Enabled: boolean
  FailedAttempts: number
  LockedUntil: number | null
}

export const pinState = (sim: Sim, user: UserRow): PinState => {
  const locked = user.pin_locked_until !== null && user.pin_locked_until > sim.clock.now()
  return {
    Enabled: bool(user.pin_enabled),
    FailedAttempts: user.pin_failed,
    LockedUntil: locked ? user.pin_locked_until : null,
  }
}

/**
 * Checks a PIN. A wrong one counts; the third in a row locks the PIN for a time that doubles
 * with each lock (1 min, 2 min, 4 min... up to a day) until a right PIN is given. The count
 * is written even though the request then fails.
 */
export const checkPin = (sim: Sim, userId: string, pin: unknown): void => {
  const user = getUser(sim, userId)
  if (!user) throw new SimError('auth', 'Unknown user')
  const now = sim.clock.now()
  if (user.pin_locked_until !== null && user.pin_locked_until > now) {
    throw new SimError('pinLocked', 'The PIN is locked', { LockedUntil: user.pin_locked_until })
  }
  // Refused before it is hashed or counted: a typing accident, not a guess.
  if (typeof pin === 'string' && pin.length > LIMITS.pinChars) {
    throw new SimError('invalid', `A PIN has at most ${LIMITS.pinChars} characters`)
  }
  if (typeof pin !== 'string' || pin === '') {
    throw new SimError('pin', 'PIN required', {
      FailedAttempts: user.pin_failed,
      AttemptsLeft: MAX_PIN_ATTEMPTS - user.pin_failed,
    })
  }
  if (verifySecret(pin, user.pin_hash)) {
    sim.db
      .prepare('UPDATE users SET pin_failed = 0, pin_lock_count = 0, pin_locked_until = NULL WHERE id = ?')
      .run(userId)
    return
  }
  const failed = user.pin_failed + 1
  if (failed >= MAX_PIN_ATTEMPTS) {
    const lockedUntil = now + Math.min(FIRST_LOCK_SECONDS * 2 ** user.pin_lock_count, MAX_LOCK_SECONDS)
    sim.db
      .prepare(
        'UPDATE users SET pin_failed = 0, pin_lock_count = pin_lock_count + 1, pin_locked_until = ? WHERE id = ?',
      )
      .run(lockedUntil, userId)
    throw new SimError('pinLocked', 'Wrong PIN: the PIN is locked', { LockedUntil: lockedUntil })
  }
  sim.db.prepare('UPDATE users SET pin_failed = ? WHERE id = ?').run(failed, userId)
  throw new SimError('pin', 'Wrong PIN', { FailedAttempts: failed, AttemptsLeft: MAX_PIN_ATTEMPTS - failed })
}

export const changePin = (sim: Sim, user: UserRow, oldPin: unknown, newPin: unknown): void => {
  if (typeof newPin !== 'string' || !/^\d{4}$/.test(newPin))
    throw new SimError('invalid', 'NewPin must be 4 digits')
  checkPin(sim, user.id, oldPin)
  sim.db.prepare('UPDATE users SET pin_hash = ? WHERE id = ?').run(hashSecret(newPin), user.id)
}

/** Document 000: disabling the PIN moves the user-wide stamp; enabling it does not. */
export const setPinEnabled = (sim: Sim, user: UserRow, pin: unknown, enabled: boolean): void => {
  checkPin(sim, user.id, pin)
  if (bool(user.pin_enabled) === enabled) return
  sim.db.prepare('UPDATE users SET pin_enabled = ? WHERE id = ?').run(enabled ? 1 : 0, user.id)
  if (!enabled) bumpStamp(sim, user.id, 'user')
}

/** A purchase needs the PIN while it is enabled. */
export const checkPurchasePin = (sim: Sim, user: UserRow, pin: unknown): void => {
  if (bool(user.pin_enabled)) checkPin(sim, user.id, pin)
}
