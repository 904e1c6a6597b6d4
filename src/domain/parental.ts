import type { UnixSeconds } from './time'

/** The age steps of a programme's rating and of the parental limit (the operator's scale). */
export const RATINGS = [0, 6, 12, 16, 18] as const

/** The operator's parental settings (GetParentalControl). */
export interface ParentalControl {
  enabled: boolean
  /** Programmes rated above it are locked. */
  maxRating: number
  /** The PIN itself is on: with it off, nothing can be asked, so nothing is locked. */
  pinEnabled: boolean
}

/** Programmes unlocked with the PIN, by id, until when (the programme's end). */
export type Unlocks = ReadonlyMap<string, UnixSeconds>

/**
 * Until the box has the settings (a first start offline), only 18+ is locked: the strictest
 * step, which no operator default lets through.
 */
const UNKNOWN_SETTINGS_LIMIT = 16

/**
 * Whether a programme is locked for the viewer now: it is rated above the limit, the control
 * and the PIN are on, and it has not been unlocked (or the unlock has run out). A programme
 * without a rating is never locked: the guide did not say.
 */
export const isProgrammeLocked = (
  programme: { readonly id: string; readonly rating?: number | undefined },
  control: ParentalControl | undefined,
  unlocks: Unlocks,
  now: UnixSeconds,
): boolean => {
  const rating = programme.rating
  if (rating === undefined) return false
  const limit = control === undefined ? UNKNOWN_SETTINGS_LIMIT : control.maxRating
  if (control !== undefined && (!control.enabled || !control.pinEnabled)) return false
  if (rating <= limit) return false
  const until = unlocks.get(programme.id)
  return until === undefined || now >= until
}

/**
 * Whether the settings lock no programme at all, whatever its rating: the control or the PIN
 * off, or a limit at the top of the scale. Unknown settings may lock (see the limit above).
 */
export const locksNothing = (control: ParentalControl | undefined): boolean =>
  control !== undefined &&
  (!control.enabled || !control.pinEnabled || control.maxRating >= Math.max(...RATINGS))

/** The unlocks still running at `now` (the others are forgotten). */
export const runningUnlocks = (unlocks: Unlocks, now: UnixSeconds): Unlocks =>
  new Map([...unlocks].filter(([, until]) => now < until))

/** A rating as the operator sends it: one of the steps, or nothing when it is something else. */
export const ratingOf = (value: unknown): number | undefined =>
  typeof value === 'number' && (RATINGS as readonly number[]).includes(value) ? value : undefined

/** The limit one step stricter (-1) or laxer (+1), never off the scale. */
export const stepRating = (current: number, direction: 1 | -1): number => {
  const steps: readonly number[] = RATINGS
  const at = steps.indexOf(current)
  const from = at >= 0 ? at : steps.findIndex((r) => r >= current)
  const next = Math.min(steps.length - 1, Math.max(0, (from >= 0 ? from : steps.length - 1) + direction))
  return steps[next] ?? current
}
