import type { PlayerState } from '../../state/player/playerSession'
import { formatDuration, formatTime, formatTimeRange } from '../format'
import { t } from '../i18n'

/** What the on-screen display shows, computed from the session's state (pure, for tests). */
export interface OsdModel {
  channel: string
  title: string
  times: string
  /** Where the viewer is, as a fraction of the programme (0..1). */
  played: number
  /** How far the stream reaches (the live edge), as a fraction of the programme. */
  reach: number
  /** The clock time at the viewer's position, e.g. 21:14. */
  positionLabel: string
  /** Reconnecting…, LIVE, PAUSED, "12 min behind live" ("1 h 5 min" past an hour), or nothing. */
  badge: string
  badgeLive: boolean
  /** Whether the live-edge marker is drawn (programmes that grow with the clock). */
  showEdge: boolean
  /** Seconds into the programme and left of it at the viewer's position. */
  elapsed: number
  remaining: number
  /** "23 min in, 37 min left", in the durations of the whole app. */
  progress: string
  /** The time of day (operator clock), or nothing when the page has not said it. */
  clock: string
  /** "Next: <title>" and its start, when the guide has the next programme on the channel. */
  next: string
  nextTime: string
}

/** What the page knows besides the session: the clock and the programme after this one. */
export interface OsdExtras {
  now: number
  next?: { title: string; start: number }
}

const fraction = (t0: number, start: number, end: number): number =>
  end > start ? Math.min(1, Math.max(0, (t0 - start) / (end - start))) : 0

export const osdModel = (s: PlayerState, extras?: OsdExtras): OsdModel | undefined => {
  const p = s.playback
  if (!p) return undefined
  const behind = Math.round((s.liveEdge - s.position) / 60)
  const elapsed = Math.max(0, Math.min(s.position, p.end) - p.start)
  const remaining = Math.max(0, p.end - Math.max(s.position, p.start))
  const grows = p.kind === 'live' || p.kind === 'startover'
  const badge = s.reconnecting
    ? t('player.osd.reconnecting')
    : s.status === 'paused'
      ? t('player.osd.paused')
      : s.atLive
        ? t('player.osd.live')
        : grows && behind > 0
          ? t('player.osd.behind', { behind: formatDuration(s.liveEdge - s.position) })
          : s.status === 'ended'
            ? t('player.osd.ended')
            : t(`player.kind.${p.kind}`)
  return {
    channel: p.channelNumber > 0 ? `${p.channelNumber}  ${p.channelName}` : p.channelName,
    title: p.title,
    times: formatTimeRange(p.start, p.end),
    played: fraction(s.position, p.start, p.end),
    reach: fraction(s.liveEdge, p.start, p.end),
    positionLabel: formatTime(Math.floor(s.position)),
    badge,
    badgeLive: s.atLive && s.status !== 'paused' && !s.reconnecting,
    showEdge: grows,
    elapsed,
    remaining,
    progress: t('programme.onAir.left', {
      elapsed: formatDuration(elapsed),
      remaining: formatDuration(remaining),
    }),
    clock: extras ? formatTime(extras.now) : '',
    next: extras?.next ? t('player.guide.next', { title: extras.next.title }) : '',
    nextTime: extras?.next ? formatTime(extras.next.start) : '',
  }
}
