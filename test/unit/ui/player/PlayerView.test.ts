import type { Playback } from '../../../../src/domain/playback'
import type { PlayerState } from '../../../../src/state/player/playerSession'
import { osdModel } from '../../../../src/ui/player/osdModel'
import { OSD_SECONDS, PlayerView } from '../../../../src/ui/player/PlayerView'
import { mount } from '../../../helpers/lightning'

// No translations are loaded in unit tests: t() shows the keys, which is what is asserted.
const T = 1_750_000_000
const live: Playback = {
  playbackId: 'pb',
  url: 'http://sim/api/streams/pb/master.m3u8',
  kind: 'live',
  channelId: 'ch1',
  channelNumber: 1,
  channelName: 'Kanal 1',
  title: 'Evening News',
  start: T - 900,
  end: T + 2700,
  position: T,
  liveEdge: T,
  channelScrub: {},
}
const state = (over: Partial<PlayerState> = {}): PlayerState => ({
  status: 'playing',
  playback: live,
  position: T,
  liveEdge: T,
  bounds: { min: T - 900, max: T },
  atLive: true,
  rules: undefined,
  offer: undefined,
  error: undefined,
  refusal: undefined,
  reconnecting: false,
  carriedOn: undefined,
  ...over,
})

const intents = () => ({
  back: jest.fn(),
  retry: jest.fn(),
  signIn: jest.fn(),
  choose: jest.fn(),
  watchAgain: jest.fn(),
  openStore: jest.fn(),
})

describe('the OSD model', () => {
  it('places the position and the live edge on the programme, and says LIVE at the edge', () => {
    const m = osdModel(state({ position: T - 900 + 1800, liveEdge: T - 900 + 2700, atLive: false }))
    expect(m?.played).toBeCloseTo(0.5)
    expect(m?.reach).toBeCloseTo(0.75)
    expect(m?.showEdge).toBe(true)
    expect(m?.channel).toBe('1  Kanal 1')
    expect(m?.badge).toBe('player.osd.behind')
    expect(osdModel(state())?.badge).toBe('player.osd.live')
    expect(osdModel(state({ status: 'paused' }))?.badge).toBe('player.osd.paused')
    expect(osdModel(state({ playback: { ...live, kind: 'recording' }, atLive: false }))).toMatchObject({
      badge: 'player.kind.recording',
      showEdge: false,
    })
    expect(osdModel(state({ playback: undefined }))).toBeUndefined()
  })
})

describe('PlayerView', () => {
  beforeEach(() => jest.useFakeTimers())
  afterEach(() => jest.useRealTimers())

  it('shows the OSD when playback starts and hides it after a few seconds, unless paused', () => {
    const m = mount(PlayerView)
    m.subject.render(state({ status: 'loading', playback: undefined }))
    m.subject.render(state())
    expect(m.subject.osdShown).toBe(true)
    jest.advanceTimersByTime(OSD_SECONDS * 1000 + 100)
    expect(m.subject.osdShown).toBe(false)
    m.subject.render(state({ status: 'paused' }))
    jest.advanceTimersByTime(OSD_SECONDS * 1000 + 100)
    expect(m.subject.osdShown).toBe(true)
    m.destroy()
  })

  it('says why a refused action did not act, once per refusal', () => {
    const m = mount(PlayerView)
    m.subject.render(state({ refusal: { action: 'forward', reason: 'channel', seq: 1 } }))
    expect(m.subject.Notice.message).toBe('player.refused.forward.channel')
    m.subject.Notice.hide()
    m.subject.render(state({ refusal: { action: 'forward', reason: 'channel', seq: 1 } }))
    expect(m.subject.Notice.message).toBe('')
    m.subject.render(state({ refusal: { action: 'pause', reason: 'subscription', seq: 2 } }))
    expect(m.subject.Notice.message).toBe('player.refused.pause.subscription')
    m.destroy()
  })

  it('ends an error in a message with its way on, focused, never a bare black screen', () => {
    const m = mount(PlayerView)
    const i = intents()
    m.subject.intents = i
    m.subject.render(state({ status: 'error', error: 'stream' }))
    expect(m.subject.messageShown).toBe(true)
    expect(m.subject.Message.title).toBe('player.error.stream.title')
    expect(m.subject.Shade.visible).toBe(true)
    m.press('Enter')
    expect(i.retry).toHaveBeenCalled()
    m.press('Right', 'Enter')
    expect(i.back).toHaveBeenCalled()
    m.destroy()
  })

  it('asks an anonymous viewer to sign in', () => {
    const m = mount(PlayerView)
    const i = intents()
    m.subject.intents = i
    m.subject.showError('signIn')
    expect(m.subject.Message.title).toBe('player.error.signIn.title')
    m.press('Enter')
    expect(i.signIn).toHaveBeenCalled()
    m.destroy()
  })

  it('offers the resume point: resume or start from the beginning', () => {
    const m = mount(PlayerView)
    const i = intents()
    m.subject.intents = i
    const rec = { ...live, kind: 'recording' as const }
    m.subject.render(state({ status: 'offer', playback: rec, offer: { offset: 1260 } }))
    expect(m.subject.Message.title).toBe('player.offer.title')
    m.press('Right', 'Enter')
    expect(i.choose).toHaveBeenCalledWith(false)
    m.press('Left', 'Enter')
    expect(i.choose).toHaveBeenCalledWith(true)
    m.subject.render(state({ status: 'playing', playback: rec }))
    expect(m.subject.messageShown).toBe(false)
    m.destroy()
  })
})
