import type { Capabilities, Capability } from './channels'
import { catchupAvailability, recordAvailability, startOverAvailability } from './guide'
import type { UnixSeconds } from './time'

/**
 * What a viewer may do with one programme of the guide right now, from the channel's
 * capabilities (entitlements), its catch-up window and the operator's time. The details page
 * lists these; the grid and the info panel show the same answers as badges.
 */
export type GuideAction =
  | 'watchLive'
  | 'startOver'
  | 'catchup'
  | 'record'
  | 'recordSeries'
  | 'cancelRecording'
  | 'cancelSeries'

/** Why an action is not offered, in words the screen translates. */
export type ActionRefusal =
  | 'liveNotEntitled'
  | 'startOverNotEntitled'
  | 'catchupNotEntitled'
  | 'catchupNoWindow'
  | 'catchupTooOld'
  | 'recordNotEntitled'
  | 'signedOut'
  /** The operator cannot be reached: playing and recording need it. */
  | 'offline'
  /** The user's package is not known yet (or could not be read): no "not part of your package". */
  | 'packageUnknown'

export type ActionOffer =
  | { action: GuideAction; allowed: true; until?: UnixSeconds }
  | { action: GuideAction; allowed: false; reason: ActionRefusal }

/** The recording mark of a programme: what the recordings store says about it. */
export type RecordingMark = 'scheduled' | 'recording' | 'recorded' | 'none'

export interface ProgrammeFacts {
  start: UnixSeconds
  end: UnixSeconds
  seriesId?: string
}

export interface ActionContext {
  caps: Capabilities
  catchupHours: number
  now: UnixSeconds
  signedIn: boolean
  mark: RecordingMark
  /** The id of the recording of this programme, when there is one (to cancel it). */
  recordingId?: string
  /** The operator cannot be reached: every action needs it, so none is offered. */
  offline?: boolean
  /**
   * False while the user's licences are not known (the caps are then empty): what the package
   * decides is refused as unknown rather than as not entitled. True when absent.
   */
  packageKnown?: boolean
  /** Episodes of this programme's series still to be recorded (seriesRules). */
  seriesScheduled?: number
}

/**
 * The actions for a programme, in the order they are offered. Actions that make no sense at
 * this time (start-over for a programme of tomorrow, recording one that is over) are absent;
 * those the package does not allow are listed with their reason, so the viewer learns why.
 */
export const programmeActions = (p: ProgrammeFacts, c: ActionContext): ActionOffer[] => {
  const out: ActionOffer[] = []
  const onAir = p.start <= c.now && c.now < p.end
  const ended = c.now >= p.end
  const refuse = (action: GuideAction, reason: ActionRefusal): ActionOffer =>
    c.signedIn ? { action, allowed: false, reason } : { action, allowed: false, reason: 'signedOut' }

  if (onAir) {
    out.push(c.caps.live ? { action: 'watchLive', allowed: true } : refuse('watchLive', 'liveNotEntitled'))
    const so = startOverAvailability(p, c.caps, c.now)
    out.push(
      so.available
        ? { action: 'startOver', allowed: true, ...(so.until !== undefined ? { until: so.until } : {}) }
        : refuse('startOver', 'startOverNotEntitled'),
    )
  }
  if (ended) {
    const cu = catchupAvailability(p, c.caps, c.catchupHours, c.now)
    if (cu.available)
      out.push({ action: 'catchup', allowed: true, ...(cu.until !== undefined ? { until: cu.until } : {}) })
    else if (cu.reason === 'notEntitled') out.push(refuse('catchup', 'catchupNotEntitled'))
    else if (cu.reason === 'noCatchupWindow') out.push(refuse('catchup', 'catchupNoWindow'))
    else if (cu.reason === 'tooOld') out.push(refuse('catchup', 'catchupTooOld'))
  }
  if (!ended) {
    if ((c.mark === 'scheduled' || c.mark === 'recording') && c.recordingId !== undefined) {
      out.push({ action: 'cancelRecording', allowed: true })
    } else {
      const rec = recordAvailability(p, c.caps, c.now)
      out.push(rec.available ? { action: 'record', allowed: true } : refuse('record', 'recordNotEntitled'))
      if (p.seriesId !== undefined)
        out.push(
          rec.available
            ? { action: 'recordSeries', allowed: true }
            : refuse('recordSeries', 'recordNotEntitled'),
        )
    }
    // After "Record the series" the way out is on the same page.
    if (p.seriesId !== undefined && (c.seriesScheduled ?? 0) > 0)
      out.push({ action: 'cancelSeries', allowed: true })
  }
  const checked =
    c.signedIn && c.packageKnown === false
      ? out.map(
          (o): ActionOffer =>
            !o.allowed && NOT_ENTITLED.has(o.reason) ? { ...o, reason: 'packageUnknown' } : o,
        )
      : out
  return c.offline === true
    ? checked.map(
        (o): ActionOffer => (o.allowed ? { action: o.action, allowed: false, reason: 'offline' } : o),
      )
    : checked
}

const NOT_ENTITLED: ReadonlySet<ActionRefusal> = new Set([
  'liveNotEntitled',
  'startOverNotEntitled',
  'catchupNotEntitled',
  'recordNotEntitled',
])

/**
 * Episodes still to be recorded per series at `now`: a series with any is being recorded, and
 * cancelling it removes them (one that has started stops on its own, a failed one is not
 * counted).
 */
export const seriesRules = (
  recordings: readonly { start: UnixSeconds; state: string; seriesId?: string }[],
  now: UnixSeconds,
): Map<string, number> => {
  const out = new Map<string, number>()
  for (const r of recordings) {
    if (r.seriesId === undefined || r.state === 'failed' || r.start <= now) continue
    out.set(r.seriesId, (out.get(r.seriesId) ?? 0) + 1)
  }
  return out
}

/**
 * The capability badges of one programme at `now`: live and start-over while it is on air,
 * catch-up once it has ended and while it is in the window, nPVR until it ends.
 */
export const programmeBadges = (
  p: ProgrammeFacts,
  caps: Capabilities,
  catchupHours: number,
  now: UnixSeconds,
): Capability[] => {
  const out: Capability[] = []
  const onAir = p.start <= now && now < p.end
  if (onAir && caps.live) out.push('live')
  if (catchupAvailability(p, caps, catchupHours, now).available) out.push('catchup')
  if (startOverAvailability(p, caps, now).available) out.push('startover')
  if (recordAvailability(p, caps, now).available) out.push('npvr')
  return out
}

/** Whether a channel shows as locked: the user may not watch it live. */
export const isLocked = (caps: Capabilities): boolean => !caps.live

/**
 * The mark of each programme from the user's recordings at `now`: a scheduled one that has
 * started is being recorded, one that is over is recorded (failed ones get no mark).
 */
export const recordingMarks = (
  recordings: readonly {
    id: string
    programmeId: string
    start: UnixSeconds
    end: UnixSeconds
    state: string
  }[],
  now: UnixSeconds,
): Map<string, { mark: RecordingMark; recordingId: string }> => {
  const out = new Map<string, { mark: RecordingMark; recordingId: string }>()
  for (const r of recordings) {
    if (r.state === 'failed') continue
    const mark: RecordingMark = now < r.start ? 'scheduled' : now < r.end ? 'recording' : 'recorded'
    out.set(r.programmeId, { mark, recordingId: r.id })
  }
  return out
}
