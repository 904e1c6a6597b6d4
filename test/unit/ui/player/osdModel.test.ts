import type { Playback } from '../../../../src/domain/playback'
import type { PlayerState } from '../../../../src/state/player/playerSession'
import { formatTime } from '../../../../src/ui/format'
import { osdModel } from '../../../../src/ui/player/osdModel'

const T = 1_750_000_000
const playback: Playback = {
  playbackId: 'pb',
  url: 'http://sim/api/streams/pb/master.m3u8',
  kind: 'catchup',
  channelId: 'ch1',
  channelNumber: 1,
  channelName: 'Kanal 1',
  title: 'A long film',
  start: T,
  end: T + 157 * 60,
  position: T,
  liveEdge: T + 157 * 60,
  channelScrub: {},
}
const state = (position: number): PlayerState => ({
  status: 'playing',
  playback,
  position,
  liveEdge: playback.end,
  bounds: { min: playback.start, max: playback.end },
  atLive: false,
  rules: undefined,
  offer: undefined,
  error: undefined,
  refusal: undefined,
  reconnecting: false,
  carriedOn: undefined,
})

describe('the OSD', () => {
  it('says how far into the programme the viewer is and how much is left', () => {
    expect(osdModel(state(T + 37 * 60))).toMatchObject({ elapsed: 37 * 60, remaining: 120 * 60 })
    expect(osdModel(state(T + 157 * 60))).toMatchObject({ elapsed: 157 * 60, remaining: 0 })
  })

  it('shows the clock and the next programme once the page knows them, nothing before', () => {
    expect(osdModel(state(T))).toMatchObject({ clock: '', next: '', nextTime: '' })
    const m = osdModel(state(T), { now: T + 7200, next: { title: 'Late News', start: T + 157 * 60 } })
    expect(m?.clock).toBe(formatTime(T + 7200))
    expect(m?.next).toBe('player.guide.next')
    expect(m?.nextTime).toBe(formatTime(T + 157 * 60))
  })

  it('says "Reconnecting…" while the stream retries, over any other badge', () => {
    const live = { ...state(T + 60), atLive: true, reconnecting: true }
    expect(osdModel(live)).toMatchObject({ badge: 'player.osd.reconnecting', badgeLive: false })
    expect(osdModel({ ...live, reconnecting: false })).toMatchObject({
      badge: 'player.osd.live',
      badgeLive: true,
    })
  })
})
