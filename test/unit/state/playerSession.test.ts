import { Subject } from 'rxjs'
import { NO_CAPABILITIES, type Capabilities } from '../../../src/domain/channels'
import type { Playback, PlaybackKind } from '../../../src/domain/playback'
import type { Programme } from '../../../src/domain/guide'
import type { Resume } from '../../../src/domain/resumes'
import type { ScrubSettings } from '../../../src/domain/subscription'
import {
  createPlayerSession,
  type MediaCommand,
  type PlayerState,
} from '../../../src/state/player/playerSession'
import type { FailureReader, PlayerPorts } from '../../../src/state/player/ports'

const T = 1_750_000_000

const playback = (over: Partial<Playback> = {}): Playback => ({
  playbackId: 'pb-1',
  url: 'http://sim/api/streams/pb-1/master.m3u8',
  kind: 'catchup',
  channelId: 'ch1',
  channelNumber: 1,
  channelName: 'Kanal 1',
  programmeId: '42',
  title: 'Evening News',
  start: T - 7200,
  end: T - 3600,
  position: T - 7200,
  liveEdge: T - 3600,
  channelScrub: {},
  ...over,
})

class Failure extends Error {
  constructor(readonly kind: ReturnType<FailureReader['kindOf']>) {
    super(kind)
  }
}
const failures: FailureReader = { kindOf: (e) => (e instanceof Failure ? e.kind : 'other') }

interface Fakes {
  playback?: Playback | Failure
  /** GetPlayback per kind and id ("catchup:43"), over `playback`. */
  playbacks?: Record<string, Playback | Failure>
  next?: Programme
  scrub?: ScrubSettings
  caps?: Capabilities
  resumes?: Resume[]
  keep?: () => Promise<void>
}

const setup = (fakes: Fakes = {}) => {
  const saved: { contentId: string; position: number }[] = []
  let nowMs = T * 1000
  const tick = new Subject<void>()
  const reconnect = new Subject<void>()
  const asked: string[] = []
  const heartbeat = new Subject<void>()
  const save = new Subject<void>()
  const ports: PlayerPorts = {
    ready: () => Promise.resolve(),
    getPlayback: (kind: PlaybackKind, id: string) => {
      asked.push(`${kind}:${id}`)
      const answer = fakes.playbacks?.[`${kind}:${id}`] ?? fakes.playback ?? playback()
      return answer instanceof Failure ? Promise.reject(answer) : Promise.resolve(answer)
    },
    nextProgramme: () => Promise.resolve(fakes.next),
    keepPlayback: () => (fakes.keep ? fakes.keep() : Promise.resolve()),
    scrubSettings: () => Promise.resolve(fakes.scrub),
    capabilities: () => fakes.caps ?? NO_CAPABILITIES,
    resumes: () => fakes.resumes ?? [],
    saveResume: (contentId, position) => {
      saved.push({ contentId, position })
      return Promise.resolve()
    },
  }
  const session = createPlayerSession({
    ports,
    failures,
    nowMs: () => nowMs,
    tick$: tick,
    heartbeat$: heartbeat,
    save$: save,
    reconnect$: reconnect,
    log: { debug: jest.fn(), info: jest.fn(), warn: jest.fn(), error: jest.fn() } as never,
  })
  const media: MediaCommand[] = []
  const states: PlayerState[] = []
  session.media$.subscribe((c) => media.push(c))
  session.state$.subscribe((s) => states.push(s))
  session.connect()
  return {
    session,
    media,
    states,
    saved,
    tick,
    heartbeat,
    save,
    reconnect,
    asked,
    advance: (seconds: number) => {
      nowMs += seconds * 1000
    },
  }
}

const flush = () => new Promise((r) => setTimeout(r, 0))

describe('a playback session', () => {
  it('loads the stream at the programme start (the stream aimed by its origin) and plays', async () => {
    const s = setup()
    await s.session.start('catchup', '42')
    expect(s.media).toEqual([{ type: 'load', url: playback().url, at: T - 7200, origin: T - 7200 }])
    expect(s.session.current).toMatchObject({ status: 'playing', position: T - 7200, liveEdge: T - 3600 })
  })

  it("live loads at the stream's own live edge", async () => {
    const live = playback({ kind: 'live', start: T - 600, end: T + 3000, position: T })
    const s = setup({ playback: live })
    await s.session.start('live', 'ch1')
    expect(s.media).toEqual([{ type: 'load', url: live.url }])
  })

  it('follows the stream clock (operator time), and a recording ends at its end', async () => {
    const rec = playback({ kind: 'recording', recordingId: 'r1' })
    const s = setup({ playback: rec })
    await s.session.start('recording', 'r1')
    s.session.streamTime(T - 7200 + 10.5)
    expect(s.session.current.position).toBeCloseTo(T - 7200 + 10.5)
    s.session.streamTime(T - 3600 - 5)
    expect(s.session.current.status).toBe('playing')
    s.session.streamTime(T - 3600 - 0.2)
    expect(s.session.current).toMatchObject({ status: 'ended', position: T - 3600 })
    expect(s.media.at(-1)).toEqual({ type: 'pause' })
  })

  it('catch-up goes on into the next programme when the rights allow it, with a notice', async () => {
    const next: Programme = {
      id: '43',
      channelId: 'ch1',
      title: 'Late Film',
      start: T - 3600,
      end: T - 1800,
      categories: [],
    }
    const nextPlayback = playback({
      playbackId: 'pb-2',
      url: 'http://sim/api/streams/pb-2/master.m3u8',
      programmeId: '43',
      title: 'Late Film',
      start: T - 3600,
      end: T - 1800,
      position: T - 3600,
    })
    const s = setup({ next, playbacks: { 'catchup:43': nextPlayback } })
    await s.session.start('catchup', '42')
    s.session.streamTime(T - 3600)
    await flush()
    await flush()
    expect(s.asked).toEqual(['catchup:42', 'catchup:43'])
    expect(s.media.at(-1)).toEqual({ type: 'load', url: nextPlayback.url, at: T - 3600, origin: T - 3600 })
    expect(s.session.current).toMatchObject({
      status: 'playing',
      position: T - 3600,
      playback: { programmeId: '43' },
      carriedOn: { title: 'Late Film', seq: 1 },
    })
  })

  it('catch-up ends as before when the next programme is not within the rights', async () => {
    const next: Programme = {
      id: '43',
      channelId: 'ch1',
      title: 'X',
      start: T - 3600,
      end: T - 1800,
      categories: [],
    }
    const s = setup({ next, playbacks: { 'catchup:43': new Failure('denied') } })
    await s.session.start('catchup', '42')
    s.session.streamTime(T - 3600)
    await flush()
    await flush()
    expect(s.session.current).toMatchObject({ status: 'ended', position: T - 3600, carriedOn: undefined })
  })

  it('offers the saved resume point first, and plays from it or from the start', async () => {
    const resumes = [{ contentId: 'programme:42', position: 1260, updatedAt: T }]
    const s = setup({ resumes })
    await s.session.start('catchup', '42')
    expect(s.session.current).toMatchObject({ status: 'offer', offer: { offset: 1260 } })
    expect(s.media).toEqual([])
    s.session.choose(true)
    expect(s.media[0]).toEqual({ type: 'load', url: playback().url, at: T - 7200 + 1260, origin: T - 7200 })
    expect(s.session.current.position).toBe(T - 7200 + 1260)

    const again = setup({ resumes })
    await again.session.start('catchup', '42')
    again.session.choose(false)
    expect(again.session.current.position).toBe(T - 7200)
  })

  it('refuses what document 002 forbids, says why, and does not act', async () => {
    const s = setup({ scrub: { override: true, pause: false, forward: false, backward: false } })
    await s.session.start('catchup', '42')
    const before = s.media.length
    s.session.togglePause()
    expect(s.session.current.status).toBe('playing')
    expect(s.session.current.refusal).toEqual({ action: 'pause', reason: 'subscription', seq: 1 })
    s.session.skip(30)
    expect(s.session.current.refusal).toEqual({ action: 'forward', reason: 'subscription', seq: 2 })
    s.session.skip(-30)
    expect(s.session.current.refusal).toEqual({ action: 'backward', reason: 'subscription', seq: 3 })
    expect(s.media.length).toBe(before)
    expect(s.session.current.position).toBe(T - 7200)
  })

  it('seeks within the rights: clamped to the programme, the media told where', async () => {
    const s = setup()
    await s.session.start('catchup', '42')
    s.session.skip(-30)
    expect(s.session.current.position).toBe(T - 7200)
    s.session.skip(120)
    expect(s.session.current.position).toBe(T - 7200 + 120)
    expect(s.media.at(-1)).toEqual({ type: 'seek', at: T - 7200 + 120 })
    s.session.togglePause()
    expect(s.media.at(-1)).toEqual({ type: 'pause' })
    expect(s.session.current.status).toBe('paused')
  })

  it('live: at the edge, fast-forward is refused as "already live"; pausing needs start-over', async () => {
    const live = playback({ kind: 'live', start: T - 600, end: T + 3000, position: T })
    const s = setup({ playback: live })
    await s.session.start('live', 'ch1')
    expect(s.session.current.atLive).toBe(true)
    s.session.skip(30)
    expect(s.session.current.refusal?.reason).toBe('liveEdge')
    s.session.togglePause()
    expect(s.session.current.refusal).toMatchObject({ action: 'pause', reason: 'capability' })

    const shifted = setup({ playback: live, caps: { ...NO_CAPABILITIES, live: true, startover: true } })
    await shifted.session.start('live', 'ch1')
    shifted.session.togglePause()
    expect(shifted.session.current.status).toBe('paused')
    // Paused, the live edge moves on without the viewer.
    shifted.advance(120)
    shifted.tick.next()
    expect(shifted.session.current).toMatchObject({ liveEdge: T + 120, position: T, atLive: false })
    shifted.session.goLive()
    expect(shifted.session.current).toMatchObject({ position: T + 120, status: 'playing', atLive: true })
  })

  it('saves the resume point periodically while playing and on exit', async () => {
    const s = setup()
    await s.session.start('catchup', '42')
    s.session.skip(600)
    s.save.next()
    await flush()
    expect(s.saved).toEqual([{ contentId: 'programme:42', position: 600 }])
    // Nothing new to save: no second call.
    s.save.next()
    await flush()
    expect(s.saved).toHaveLength(1)
    s.session.skip(60)
    await s.session.stop()
    expect(s.saved.at(-1)).toEqual({ contentId: 'programme:42', position: 660 })
    expect(s.media.at(-1)).toEqual({ type: 'stop' })
  })

  it('never saves a resume point for live', async () => {
    const s = setup({ playback: playback({ kind: 'live', start: T - 60, end: T + 60, position: T }) })
    await s.session.start('live', 'ch1')
    await s.session.stop()
    expect(s.saved).toEqual([])
  })

  it('ends in the right error: no right, not found, signed out, network, a stream failure', async () => {
    expect.hasAssertions()
    for (const [failure, kind] of [
      ['denied', 'notAllowed'],
      ['notFound', 'notFound'],
      ['auth', 'signIn'],
      ['network', 'network'],
    ] as const) {
      const s = setup({ playback: new Failure(failure) })
      await s.session.start('live', 'ch1')
      expect(s.session.current).toMatchObject({ status: 'error', error: kind })
    }
    const s = setup()
    await s.session.start('catchup', '42')
    s.session.streamTrouble({ kind: 'failed', failure: 'streamMissing' })
    await flush()
    expect(s.session.current).toMatchObject({ status: 'error', error: 'streamMissing' })
    expect(s.media.at(-1)).toEqual({ type: 'stop' })
  })

  it('reconnecting: shown while the stream retries, gone once new media arrives', async () => {
    const s = setup()
    await s.session.start('catchup', '42')
    s.session.streamTrouble({ kind: 'recovering', ifLost: 'segmentMissing' })
    expect(s.session.current).toMatchObject({ status: 'playing', reconnecting: true })
    // The picture playing out what was buffered is not a recovery.
    s.session.streamTime(T - 7200 + 4)
    expect(s.session.current).toMatchObject({ status: 'playing', reconnecting: true })
    s.session.streamTrouble({ kind: 'recovered' })
    expect(s.session.current).toMatchObject({ status: 'playing', reconnecting: false })
    // The patience that was running stopped with the recovery.
    s.reconnect.next()
    await flush()
    expect(s.session.current.status).toBe('playing')
  })

  it("reconnecting for longer than the patience ends in the failure's message", async () => {
    const live = playback({ kind: 'live', start: T - 600, end: T + 3000, position: T })
    const s = setup({ playback: live })
    await s.session.start('live', 'ch1')
    s.session.streamTrouble({ kind: 'recovering', ifLost: 'stalled' })
    s.session.streamTime(T + 2) // the buffer playing out: not a recovery
    s.reconnect.next()
    await flush()
    expect(s.session.current).toMatchObject({ status: 'error', error: 'stalled', reconnecting: false })
    expect(s.media.at(-1)).toEqual({ type: 'stop' })
  })

  it('live: going back past what the live stream holds plays the start-over stream', async () => {
    const live = playback({ kind: 'live', start: T - 600, end: T + 3000, position: T })
    const startover = playback({
      kind: 'startover',
      playbackId: 'pb-so',
      url: 'http://sim/so.m3u8',
      start: T - 600,
      end: T + 3000,
      position: T - 600,
    })
    const s = setup({
      playbacks: { 'live:ch1': live, 'startover:42': startover },
      caps: { ...NO_CAPABILITIES, live: true, startover: true },
    })
    await s.session.start('live', 'ch1')
    s.session.skip(-30)
    await flush()
    expect(s.asked).toEqual(['live:ch1', 'startover:42'])
    expect(s.media.at(-1)).toEqual({ type: 'load', url: startover.url, at: T - 30, origin: T - 600 })
    expect(s.session.current).toMatchObject({
      status: 'playing',
      position: T - 30,
      playback: { kind: 'startover' },
    })
  })

  it('tells a stream failure caused by the right ending from a broken stream, by renewing the grant', async () => {
    const s = setup({ keep: () => Promise.reject(new Failure('denied')) })
    await s.session.start('live', 'ch1')
    s.session.streamTrouble({ kind: 'failed', failure: 'segmentMissing' })
    await flush()
    expect(s.session.current).toMatchObject({ status: 'error', error: 'rightsWithdrawn' })
    expect(s.media.at(-1)).toEqual({ type: 'stop' })
  })

  it('stops with "rights withdrawn" when a grant renewal is refused mid-play', async () => {
    let refuse = false
    const s = setup({ keep: () => (refuse ? Promise.reject(new Failure('denied')) : Promise.resolve()) })
    await s.session.start('catchup', '42')
    s.heartbeat.next()
    await flush()
    expect(s.session.current.status).toBe('playing')
    refuse = true
    s.heartbeat.next()
    await flush()
    expect(s.session.current).toMatchObject({ status: 'error', error: 'rightsWithdrawn' })
    expect(s.media.at(-1)).toEqual({ type: 'stop' })
  })
})
