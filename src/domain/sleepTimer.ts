/**
 * The sleep timer: off or 15, 30, 60 or 90 minutes, counted on the operator's clock (a QA clock
 * move counts as time passing), with a warning a minute before it stops playback. Pure.
 */

/** Minutes; 0 is off. */
export const SLEEP_CHOICES: readonly number[] = [0, 15, 30, 60, 90]

/** How long before the end the viewer is warned. */
export const SLEEP_WARNING_MS = 60_000

export type SleepPhase = 'off' | 'running' | 'warning' | 'expired'

/** A set timer: what was chosen and when it ends (operator ms). */
export interface SleepSetting {
  readonly minutes: number
  readonly endsAtMs: number
}

export interface SleepStatus {
  readonly phase: SleepPhase
  /** What was chosen (0: off). */
  readonly minutes: number
  /** Until it ends, ms (0 when off or expired). */
  readonly remainingMs: number
}

export const SLEEP_OFF: SleepStatus = { phase: 'off', minutes: 0, remainingMs: 0 }

/** A timer of `minutes` set at `nowMs`; undefined for off or a length that is not a choice. */
export const setSleep = (minutes: number, nowMs: number): SleepSetting | undefined =>
  minutes > 0 && SLEEP_CHOICES.includes(minutes) ? { minutes, endsAtMs: nowMs + minutes * 60_000 } : undefined

export const sleepStatus = (
  setting: SleepSetting | undefined,
  nowMs: number,
  warningMs: number = SLEEP_WARNING_MS,
): SleepStatus => {
  if (!setting) return SLEEP_OFF
  const remainingMs = Math.max(0, setting.endsAtMs - nowMs)
  const phase: SleepPhase = remainingMs === 0 ? 'expired' : remainingMs <= warningMs ? 'warning' : 'running'
  return { phase, minutes: setting.minutes, remainingMs }
}

/** The next choice in a direction, wrapping (Off after 90 and before 15). */
export const stepSleep = (minutes: number, direction: 1 | -1): number => {
  const n = SLEEP_CHOICES.length
  const index = SLEEP_CHOICES.indexOf(minutes)
  const next = index < 0 ? 0 : (index + direction + n) % n
  return SLEEP_CHOICES[next] ?? 0
}

/** Whole minutes left, rounded up (a timer with 30 s left has "1 min" left). */
export const minutesLeft = (status: SleepStatus): number => Math.ceil(status.remainingMs / 60_000)
