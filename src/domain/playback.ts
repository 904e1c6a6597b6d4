import type { Capabilities } from './channels'
import type { Resume } from './resumes'
import { trickPlayRules, type ChannelScrubRules, type TrickPlayAction } from './scrub'
import type { ScrubSettings } from './subscription'
import type { UnixSeconds } from './time'

/** live: the channel now; startover: the programme on now from its start; catchup: a past one; recording: the user's own. */
export type PlaybackKind = 'live' | 'startover' | 'catchup' | 'recording'
export const PLAYBACK_KINDS: readonly PlaybackKind[] = ['live', 'startover', 'catchup', 'recording']

export const isPlaybackKind = (s: string): s is PlaybackKind =>
  (PLAYBACK_KINDS as readonly string[]).includes(s)

/** What the operator granted for one playback (Kanal's GetPlayback). Times are Unix seconds. */
export interface Playback {
  playbackId: string
  url: string
  kind: PlaybackKind
  channelId: string
  channelNumber: number
  channelName: string
  programmeId?: string
  recordingId?: string
  title: string
  /** The timeline: the programme (or recording) from start to end. */
  start: UnixSeconds
  end: UnixSeconds
  /** Where to start playing, on the timeline. */
  position: number
  /** How far the stream reached when it was granted. */
  liveEdge: UnixSeconds
  /** The channel's own scrubbing rules (document 002's `scrub.override` replaces them). */
  channelScrub: ChannelScrubRules
}

/**
 * Why a trick-play action does not act. subscription/channel: document 002's scrubbing;
 * capability: live needs the channel's start-over right to go back or pause (there is no
 * timeshift without it); liveEdge: already at live, nothing to skip forward to.
 */
export type TrickPlayBlock = 'subscription' | 'channel' | 'capability' | 'liveEdge'

export type ActionPermission = { allowed: true } | { allowed: false; reason: TrickPlayBlock }
export type PlaybackRules = Readonly<Record<TrickPlayAction, ActionPermission>>

/**
 * Seconds from the live edge within which the viewer is "watching live". An HLS player plays
 * live a few segments behind the newest one (hls.js holds three target durations back, and
 * the newest segment is up to one old): with the operator's 2 s segments that is up to 8 s.
 */
export const LIVE_EDGE_TOLERANCE = 12

/**
 * How far back the live stream itself reaches (the operator's sliding window): further back
 * plays from the start-over stream.
 */
export const LIVE_WINDOW = 10

/** Whether the timeline grows with the clock (a programme on now, an ongoing recording). */
const growsWithClock = (p: Pick<Playback, 'kind'>): boolean => p.kind === 'live' || p.kind === 'startover'

/**
 * How far the stream reaches at `now`: the clock while the programme (or recording) is going
 * on, its end once it is over, never before its start.
 */
export const liveEdgeAt = (p: Pick<Playback, 'kind' | 'start' | 'end'>, now: number): number =>
  Math.min(Math.max(now, p.start), p.end)

/** Where a seek may land: live without start-over has no timeshift, everything else its whole reach. */
export const seekBounds = (
  p: Pick<Playback, 'kind' | 'start' | 'end'>,
  now: number,
  caps: Pick<Capabilities, 'startover'>,
): { min: number; max: number } => {
  const edge = liveEdgeAt(p, now)
  if (p.kind === 'live' && !caps.startover) return { min: edge, max: edge }
  return { min: p.start, max: edge }
}

export const clampPosition = (position: number, bounds: { min: number; max: number }): number =>
  Math.min(Math.max(position, bounds.min), bounds.max)

export const isAtLiveEdge = (
  p: Pick<Playback, 'kind' | 'start' | 'end'>,
  position: number,
  now: number,
): boolean => growsWithClock(p) && now < p.end && liveEdgeAt(p, now) - position <= LIVE_EDGE_TOLERANCE

/**
 * Which trick-play actions act now: document 002's scrubbing (the customer's override, else the
 * channel's rules), then what the kind of playback allows (no timeshift on live without the
 * start-over right; no fast-forward past the live edge).
 */
export const playbackRules = (input: {
  playback: Pick<Playback, 'kind' | 'start' | 'end' | 'channelScrub'>
  scrub: ScrubSettings | undefined
  caps: Pick<Capabilities, 'startover'>
  position: number
  now: number
}): PlaybackRules => {
  const { playback, scrub, caps, position, now } = input
  const scrubbing = trickPlayRules(scrub, playback.channelScrub)
  const rule = (action: TrickPlayAction): ActionPermission => {
    const s = scrubbing[action]
    if (!s.allowed) return s
    if (playback.kind === 'live' && action !== 'forward' && !caps.startover)
      return { allowed: false, reason: 'capability' }
    if (action === 'forward' && isAtLiveEdge(playback, position, now))
      return { allowed: false, reason: 'liveEdge' }
    return { allowed: true }
  }
  return { pause: rule('pause'), forward: rule('forward'), backward: rule('backward') }
}

/** The resume point's content id (document 000's Tags): recordings and catch-up keep one, live does not. */
export const resumeContentId = (
  p: Pick<Playback, 'kind' | 'programmeId' | 'recordingId'>,
): string | undefined => {
  if (p.kind === 'recording' && p.recordingId !== undefined) return `recording:${p.recordingId}`
  if (p.kind === 'catchup' && p.programmeId !== undefined) return `programme:${p.programmeId}`
  return undefined
}

/** A resume point this close to the start or the end is not worth offering. */
export const RESUME_MARGIN = 10
export const RESUME_END_MARGIN = 30

/**
 * The offer when the viewer comes back: "Resume from 23:10" (seconds into the content) or
 * start from the beginning; none for live, nothing saved, or a point at the very start or end.
 */
export const resumeOffer = (
  p: Pick<Playback, 'kind' | 'programmeId' | 'recordingId' | 'start' | 'end'>,
  resumes: readonly Resume[],
): { offset: number } | undefined => {
  const id = resumeContentId(p)
  if (id === undefined) return undefined
  const saved = resumes.find((r) => r.contentId === id)
  if (!saved) return undefined
  const duration = p.end - p.start
  if (saved.position < RESUME_MARGIN || saved.position > duration - RESUME_END_MARGIN) return undefined
  return { offset: saved.position }
}

/** What to save as the resume point at `position`: 0 once watched to (nearly) the end. */
export const resumePositionOf = (p: Pick<Playback, 'start' | 'end'>, position: number): number => {
  const offset = Math.max(0, Math.round(position - p.start))
  return offset > p.end - p.start - RESUME_END_MARGIN ? 0 : offset
}

/** 1:02:03 or 23:10: an offset into a programme, as the resume offer says it. */
export const formatOffset = (seconds: number): string => {
  const s = Math.max(0, Math.floor(seconds))
  const h = Math.floor(s / 3600)
  const m = Math.floor((s % 3600) / 60)
  const sec = String(s % 60).padStart(2, '0')
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${sec}` : `${m}:${sec}`
}

/** Channel zapping: the next or previous channel in the lineup, wrapping around. */
export const zapTarget = <C extends { id: string }>(
  lineup: readonly C[],
  currentId: string,
  step: 1 | -1,
): C | undefined => {
  if (lineup.length === 0) return undefined
  const at = lineup.findIndex((c) => c.id === currentId)
  const from = at === -1 ? (step === 1 ? -1 : 0) : at
  return lineup[(((from + step) % lineup.length) + lineup.length) % lineup.length]
}

/** The channel a typed number lands on: exactly that number, else none. */
export const channelByNumber = <C extends { number: number }>(
  lineup: readonly C[],
  digits: string,
): C | undefined => {
  const n = Number(digits)
  if (!Number.isInteger(n) || digits === '') return undefined
  return lineup.find((c) => c.number === n)
}

/** Channels around the current one for the mini guide: `before` above, `after` below. */
export const nearbyChannels = <C extends { id: string }>(
  lineup: readonly C[],
  currentId: string,
  before: number,
  after: number,
): C[] => {
  const at = Math.max(
    0,
    lineup.findIndex((c) => c.id === currentId),
  )
  const out: C[] = []
  for (let i = -before; i <= after; i += 1) {
    const c = lineup[at + i]
    if (c) out.push(c)
  }
  return out
}
