import type { UnixSeconds } from './time'

export interface PinState {
  enabled: boolean
  failedAttempts: number
  lockedUntil: UnixSeconds | null
}

export const isPinLockedAt = (state: PinState, now: UnixSeconds): boolean =>
  state.lockedUntil !== null && now < state.lockedUntil

/** The purchase PIN has four digits (the operator refuses another length). */
export const PIN_LENGTH = 4

/** Adds a digit from the remote; digits beyond the PIN's length are ignored. */
export const typeDigit = (entered: string, digit: number): string =>
  entered.length >= PIN_LENGTH || !Number.isInteger(digit) || digit < 0 || digit > 9
    ? entered
    : `${entered}${digit}`

export const eraseDigit = (entered: string): string => entered.slice(0, -1)

export const isPinComplete = (entered: string): boolean => entered.length === PIN_LENGTH

/** What the screen draws for the PIN: a dot per digit typed, a dash per digit to come. Never the digits. */
export const maskPin = (entered: string): string[] =>
  Array.from({ length: PIN_LENGTH }, (_, i) => (i < entered.length ? '●' : '–'))

/** Whole seconds until a lock ends (rounded up), 0 when not locked. */
export const lockSecondsLeft = (lockedUntil: UnixSeconds | null, now: UnixSeconds): number =>
  lockedUntil === null ? 0 : Math.max(0, Math.ceil(lockedUntil - now))
