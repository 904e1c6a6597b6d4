import crypto from 'node:crypto'
import type { Sim } from './context'
import { SimError } from './context'
import { hasChannelRight } from './licences'
import { stateAt, type RecordingRow } from './recordings'
import type { ChannelService } from './products'
import type { UserRow } from './users'

export type PlaybackKind = 'live' | 'startover' | 'catchup' | 'recording'
export const PLAYBACK_KINDS: readonly PlaybackKind[] = ['live', 'startover', 'catchup', 'recording']

/** The looks of the HLS test media (simulator/media/hls, scripts/make-hls-media.sh), one per channel number. */
export const LOOKS = 4

/** A channel's own scrubbing rules (what document 002's `scrub.override` overrides). */
export interface ChannelScrubWire {
  Pause: boolean
  Forward: boolean
  Backward: boolean
}

export interface PlaybackWire {
  PlaybackID: string
  /** The stream: the HLS master playlist, as HlsURL (kept for clients that read URL). */
  URL: string
  /** The HLS master playlist, root-relative unless a public base URL is configured. */
  HlsURL: string
  Kind: PlaybackKind
  ChannelID: string
  ChannelNumber: number
  ChannelName: string
  ProgrammeID?: string
  RecordingID?: string
  Title: string
  /** The timeline: Unix seconds of the programme (or recording). */
  Start: number
  End: number
  /** Where to start playing, on the timeline. */
  Position: number
  /** How far the stream reaches now (the live edge); End once it is all there. */
  LiveEdge: number
  ChannelScrub: ChannelScrubWire
  /** Until when this playback is granted; KeepPlayback extends it. */
  ExpiresAt: number
}

interface ChannelRow {
  id: string
  number: number
  name: string
  catchup_hours: number
}

interface ProgrammeRow {
  id: number
  channel_id: string
  title: string
  start: number
  end: number
}

/** What a playback id stands for; the media route and KeepPlayback look it up. */
export interface Grant {
  id: string
  userId: string
  kind: PlaybackKind
  channelId: string
  programmeId?: string
  recordingId?: string
  /** The channel's look in the HLS media, 0..3 by channel number. */
  look: number
  /** The timeline the stream covers (Unix seconds): the programme or recording; live: when granted. */
  start: number
  end: number
  grantedAt: number
  expiresAt: number
}

const GRANT_SECONDS = 120
const MAX_GRANTS = 1000

/**
 * The channel's own scrubbing rules. The demo has one kind of channel that forbids
 * fast-forward (the broadcaster's rule, e.g. for advertising): channels whose number ends in 3.
 * A customer's document 002 `scrub` override replaces these.
 */
export const channelScrubOf = (channel: Pick<ChannelRow, 'number'>): ChannelScrubWire => ({
  Pause: true,
  Backward: true,
  Forward: channel.number % 10 !== 3,
})

const channelById = (sim: Sim, id: string): ChannelRow | undefined =>
  sim.db
    .prepare<[string], ChannelRow>('SELECT id, number, name, catchup_hours FROM channels WHERE id = ?')
    .get(id)

const programmeById = (sim: Sim, id: string): ProgrammeRow | undefined =>
  /^\d+$/.test(id)
    ? sim.db
        .prepare<
          [number],
          ProgrammeRow
        >('SELECT id, channel_id, title, start, end FROM programmes WHERE id = ?')
        .get(Number(id))
    : undefined

const programmeAt = (sim: Sim, channelId: string, t: number): ProgrammeRow | undefined =>
  sim.db
    .prepare<[string, number, number], ProgrammeRow>(
      `SELECT id, channel_id, title, start, end FROM programmes
       WHERE channel_id = ? AND start <= ? AND end > ? ORDER BY start DESC LIMIT 1`,
    )
    .get(channelId, t, t)

const recordingById = (sim: Sim, userId: string, id: string): RecordingRow | undefined =>
  /^\d+$/.test(id)
    ? sim.db
        .prepare<[string, number], RecordingRow>('SELECT * FROM recordings WHERE user_id = ? AND id = ?')
        .get(userId, Number(id))
    : undefined

const SERVICE: Record<Exclude<PlaybackKind, 'recording'>, ChannelService> = {
  live: 'live',
  startover: 'startover',
  catchup: 'catchup',
}

const NO_RIGHT: Record<Exclude<PlaybackKind, 'recording'>, string> = {
  live: 'This channel is not part of your subscription',
  startover: 'Start-over is not part of your subscription for this channel',
  catchup: 'Catch-up is not part of your subscription for this channel',
}

const mod = (a: number, n: number): number => ((a % n) + n) % n

const lookOf = (channel: ChannelRow): number => mod(channel.number - 1, LOOKS)

interface Resolved {
  channel: ChannelRow
  title: string
  start: number
  end: number
  position: number
  programmeId?: string
  recordingId?: string
}

/** Checks the user's right to play `kind`/`id` now and finds its timeline; throws a SimError when refused. */
const resolve = (sim: Sim, user: UserRow, kind: PlaybackKind, id: string): Resolved => {
  const now = sim.clock.now()
  if (kind === 'recording') {
    const r = recordingById(sim, user.id, id)
    if (!r) throw new SimError('notFound', `No recording ${id}`)
    const state = stateAt(r, now)
    if (state === 'Scheduled') throw new SimError('notAllowed', 'This recording has not started yet')
    if (state === 'Failed') throw new SimError('notAllowed', 'This recording failed')
    const channel = channelById(sim, r.channel_id)
    if (!channel) throw new SimError('notFound', `No channel ${r.channel_id}`)
    return {
      channel,
      title: r.title,
      start: r.start,
      end: r.end,
      position: r.start,
      programmeId: r.programme_id,
      recordingId: String(r.id),
    }
  }
  if (kind === 'live') {
    const channel = channelById(sim, id)
    if (!channel) throw new SimError('notFound', `No channel ${id}`)
    if (!hasChannelRight(sim, user.id, channel.id, 'live')) throw new SimError('notAllowed', NO_RIGHT.live)
    const p = programmeAt(sim, channel.id, now)
    // A gap in the guide still plays: the hour around now stands in for the programme.
    const start = p?.start ?? Math.floor(now / 3600) * 3600
    return {
      channel,
      title: p?.title ?? channel.name,
      start,
      end: p?.end ?? start + 3600,
      position: now,
      ...(p ? { programmeId: String(p.id) } : {}),
    }
  }
  const p = programmeById(sim, id)
  if (!p) throw new SimError('notFound', `No programme ${id}`)
  const channel = channelById(sim, p.channel_id)
  if (!channel) throw new SimError('notFound', `No channel ${p.channel_id}`)
  if (p.start > now) throw new SimError('notAllowed', 'This programme has not started yet')
  if (kind === 'startover' && p.end <= now)
    throw new SimError('notAllowed', 'This programme is over: watch it from catch-up')
  if (kind === 'catchup' && (channel.catchup_hours <= 0 || p.start < now - channel.catchup_hours * 3600))
    throw new SimError('notAllowed', 'This programme is no longer available for catch-up')
  if (!hasChannelRight(sim, user.id, channel.id, SERVICE[kind]))
    throw new SimError('notAllowed', NO_RIGHT[kind])
  return {
    channel,
    title: p.title,
    start: p.start,
    end: p.end,
    position: p.start,
    programmeId: String(p.id),
  }
}

/** Playback grants by id, in memory: they live for minutes and a restart ends them anyway. */
export class Playbacks {
  private readonly grants = new Map<string, Grant>()

  constructor(private readonly sim: Sim) {}

  /** GetPlayback: checks the right, grants a playback id and says where "now" is in the stream. */
  start(user: UserRow, kind: PlaybackKind, id: string, baseUrl: string): PlaybackWire {
    const r = resolve(this.sim, user, kind, id)
    const now = this.sim.clock.now()
    const grant: Grant = {
      id: crypto.randomBytes(18).toString('base64url'),
      userId: user.id,
      kind,
      channelId: r.channel.id,
      look: lookOf(r.channel),
      start: r.start,
      end: r.end,
      grantedAt: now,
      expiresAt: now + GRANT_SECONDS,
      ...(kind === 'recording' ? { recordingId: id } : kind === 'live' ? {} : { programmeId: id }),
    }
    this.remember(grant)
    return {
      PlaybackID: grant.id,
      URL: `${baseUrl}/api/streams/${grant.id}/master.m3u8`,
      HlsURL: `${baseUrl}/api/streams/${grant.id}/master.m3u8`,
      Kind: kind,
      ChannelID: r.channel.id,
      ChannelNumber: r.channel.number,
      ChannelName: r.channel.name,
      ...(r.programmeId !== undefined ? { ProgrammeID: r.programmeId } : {}),
      ...(r.recordingId !== undefined ? { RecordingID: r.recordingId } : {}),
      Title: r.title,
      Start: r.start,
      End: r.end,
      Position: r.position,
      LiveEdge: Math.min(Math.max(now, r.start), r.end),
      ChannelScrub: channelScrubOf(r.channel),
      ExpiresAt: grant.expiresAt,
    }
  }

  /** KeepPlayback: the right is checked again (a licence may have ended) and the grant extended. */
  keep(user: UserRow, playbackId: string): { ExpiresAt: number } {
    const grant = this.grants.get(playbackId)
    if (!grant || grant.userId !== user.id) throw new SimError('notFound', 'No such playback')
    this.recheck(user, grant)
    grant.expiresAt = this.sim.clock.now() + GRANT_SECONDS
    return { ExpiresAt: grant.expiresAt }
  }

  /** The grant behind a media request, if it is still current and still allowed. */
  media(playbackId: string, userOf: (userId: string) => UserRow | undefined): Grant {
    const grant = this.grants.get(playbackId)
    if (!grant) throw new SimError('notFound', 'No such playback')
    const user = userOf(grant.userId)
    if (!user) throw new SimError('notFound', 'No such playback')
    // A grant past its time is still served while the right holds (a paused player resumes).
    this.recheck(user, grant)
    return grant
  }

  private recheck(user: UserRow, grant: Grant): void {
    if (grant.kind === 'recording') {
      if (!recordingById(this.sim, user.id, grant.recordingId ?? ''))
        throw new SimError('notAllowed', 'This recording has been deleted')
      return
    }
    if (!hasChannelRight(this.sim, user.id, grant.channelId, SERVICE[grant.kind]))
      throw new SimError('notAllowed', NO_RIGHT[grant.kind])
  }

  private remember(grant: Grant): void {
    if (this.grants.size >= MAX_GRANTS) {
      const oldest = this.grants.keys().next()
      if (!oldest.done) this.grants.delete(oldest.value)
    }
    this.grants.set(grant.id, grant)
  }
}
