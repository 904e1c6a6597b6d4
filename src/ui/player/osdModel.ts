import type { PlayerState } from '../../state/player/playerSession'
import { formatTime, formatTimeRange } from '../format'
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
  /** LIVE, PAUSED, "-12 min" behind live, or nothing. */
  badge: string
  badgeLive: boolean
  /** Whether the live-edge marker is drawn (programmes that grow with the clock). */
  showEdge: boolean
}

const fraction = (t0: number, start: number, end: number): number =>
  end > start ? Math.min(1, Math.max(0, (t0 - start) / (end - start))) : 0

export const osdModel = (s: PlayerState): OsdModel | undefined => {
  const p = s.playback
  if (!p) return undefined
  const behind = Math.round((s.liveEdge - s.position) / 60)
  const grows = p.kind === 'live' || p.kind === 'startover'
  const badge =
    s.status === 'paused'
      ? t('player.osd.paused')
      : s.atLive
        ? t('player.osd.live')
        : grows && behind > 0
          ? t('player.osd.behind', { minutes: behind })
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
    badgeLive: s.atLive && s.status !== 'paused',
    showEdge: grows,
  }
}
