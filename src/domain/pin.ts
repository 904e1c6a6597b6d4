import type { UnixSeconds } from './time'

export interface PinState {
  enabled: boolean
  failedAttempts: number
  lockedUntil: UnixSeconds | null
}

export const isPinLockedAt = (state: PinState, now: UnixSeconds): boolean =>
  state.lockedUntil !== null && now < state.lockedUntil
