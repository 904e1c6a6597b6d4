import { DAY, HOUR, type UnixSeconds } from './time'

/** The state the server reported; 'unknown' for a value Kanal does not know. */
export type RecordingState = 'scheduled' | 'ongoing' | 'finished' | 'failed' | 'unknown'

export interface Recording {
  id: string
  programmeId: string
  channelId: string
  title: string
  start: UnixSeconds
  end: UnixSeconds
  state: RecordingState
  protected: boolean
  seriesId?: string
  /** When the server will delete it; null when it never will (protected). */
  expiresAt: UnixSeconds | null
  createdAt?: UnixSeconds
}

export interface RecordingQuota {
  allowedHours: number
  usedHours: number
  scheduledHours: number
}

export interface RecordingList {
  recordings: readonly Recording[]
  quota: RecordingQuota
  autoExpireDays: number
}

type Timed = Pick<Recording, 'start' | 'end' | 'state'>

/**
 * The state at time t. A failed recording stays failed; otherwise the times decide, so that a
 * cached list shows the right state as the clock moves without asking the server.
 */
export const recordingStateAt = (r: Timed, t: UnixSeconds): Exclude<RecordingState, 'unknown'> => {
  if (r.state === 'failed') return 'failed'
  if (t < r.start) return 'scheduled'
  return t < r.end ? 'ongoing' : 'finished'
}

/** When an unprotected recording is deleted automatically; a protected one never is. */
export const recordingExpiry = (
  r: Pick<Recording, 'end' | 'protected'>,
  autoExpireDays: number,
): UnixSeconds | null => (r.protected ? null : r.end + autoExpireDays * DAY)

export const isExpiredAt = (
  r: Pick<Recording, 'end' | 'protected'>,
  autoExpireDays: number,
  t: UnixSeconds,
): boolean => {
  const expiry = recordingExpiry(r, autoExpireDays)
  return expiry !== null && t >= expiry
}

const round2 = (hours: number): number => Math.round(hours * 100) / 100

export interface QuotaUse extends RecordingQuota {
  leftHours: number
}

/**
 * Hours used (recorded so far) and scheduled (still to record) at time t, and what is left of
 * `allowedHours`. Failed recordings take no space; an ongoing one counts partly in each.
 */
export const quotaAt = (recordings: readonly Timed[], allowedHours: number, t: UnixSeconds): QuotaUse => {
  let used = 0
  let scheduled = 0
  for (const r of recordings) {
    if (r.state === 'failed') continue
    const length = Math.max(0, r.end - r.start)
    if (t >= r.end) used += length
    else if (t <= r.start) scheduled += length
    else {
      used += t - r.start
      scheduled += r.end - t
    }
  }
  const usedHours = round2(used / HOUR)
  const scheduledHours = round2(scheduled / HOUR)
  return {
    allowedHours,
    usedHours,
    scheduledHours,
    leftHours: Math.max(0, round2(allowedHours - usedHours - scheduledHours)),
  }
}

/** Whether a recording of `durationSeconds` more fits in the quota (used + scheduled + new <= allowed). */
export const fitsInQuota = (quota: RecordingQuota, durationSeconds: number): boolean =>
  quota.usedHours + quota.scheduledHours + durationSeconds / HOUR <= quota.allowedHours

export type RecordingAction =
  | { allowed: true }
  | { allowed: false; reason: 'protected' | 'notFinished' | 'finished' }

/** Only a finished (or failed) recording can be deleted, and not while it is protected. */
export const canDelete = (r: Recording, t: UnixSeconds): RecordingAction => {
  const state = recordingStateAt(r, t)
  if (state === 'scheduled' || state === 'ongoing') return { allowed: false, reason: 'notFinished' }
  return r.protected ? { allowed: false, reason: 'protected' } : { allowed: true }
}

/** A scheduled recording is removed by a cancel, an ongoing one stopped; a finished one cannot be. */
export const canCancel = (r: Recording, t: UnixSeconds): RecordingAction => {
  const state = recordingStateAt(r, t)
  return state === 'scheduled' || state === 'ongoing'
    ? { allowed: true }
    : { allowed: false, reason: 'finished' }
}
