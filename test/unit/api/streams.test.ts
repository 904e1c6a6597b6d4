/** @jest-environment node */
import { createApi } from '../../../src/api'
import { createEnvelopeClient } from '../../../src/api/envelopeClient'
import { createTransport } from '../../../src/api/transport'
import { SIM_START, startSimulator, type RunningSimulator } from './support/simulator'
import { failureOf, fakeFetch, recordingLogger } from './support/recorder'

const envelope = (Content: unknown, StatusCode = 0) => ({
  StatusCode,
  Severity: StatusCode === 0 ? 1 : 3,
  StatusMessage: StatusCode === 0 ? 'OK' : 'Not allowed',
  Content,
})

const offline = (answer: Parameters<typeof fakeFetch>[0]) =>
  createEnvelopeClient({
    transport: createTransport({
      baseUrl: 'http://op.test/api/',
      getToken: () => 't',
      fetch: fakeFetch(answer),
      retries: 0,
    }),
    logger: recordingLogger(),
  })

describe('GetPlayback / KeepPlayback client', () => {
  const wire = {
    PlaybackID: 'abc',
    URL: 'http://op.test/api/streams/abc/master.m3u8',
    HlsURL: 'http://op.test/api/streams/abc/master.m3u8',
    Kind: 'catchup',
    ChannelID: 'ch1',
    ChannelNumber: '1',
    ChannelName: 'Kanal 1',
    ProgrammeID: 42,
    Title: 'News',
    Start: 1000,
    End: 4600,
    Position: 1000,
    LiveEdge: 4600,
    ChannelScrub: { Pause: true, Forward: 0 },
    Unknown: 'ignored',
  }

  it('reads a playback liberally: numbers as strings, ids as numbers, scrub as 0/1', async () => {
    const p = await offline(() => ({ body: envelope(wire) })).getPlayback('catchup', '42')
    expect(p).toEqual({
      playbackId: 'abc',
      url: 'http://op.test/api/streams/abc/master.m3u8',
      kind: 'catchup',
      channelId: 'ch1',
      channelNumber: 1,
      channelName: 'Kanal 1',
      programmeId: '42',
      title: 'News',
      start: 1000,
      end: 4600,
      position: 1000,
      liveEdge: 4600,
      channelScrub: { pause: true, forward: false },
    })
  })

  it('reads a relative stream URL against the API base, HlsURL before URL', async () => {
    const p = await offline(() => ({
      body: envelope({ ...wire, URL: '/api/streams/old', HlsURL: '/api/streams/abc/master.m3u8' }),
    })).getPlayback('catchup', '42')
    expect(p.url).toBe('http://op.test/api/streams/abc/master.m3u8')
    const older = await offline(() => ({
      body: envelope({ ...wire, URL: '/api/streams/abc/master.m3u8', HlsURL: undefined }),
    })).getPlayback('catchup', '42')
    expect(older.url).toBe('http://op.test/api/streams/abc/master.m3u8')
  })

  it('refuses a malformed answer (no URL, a javascript: URL, End before Start) as a protocol error', async () => {
    expect.hasAssertions()
    for (const bad of [
      { ...wire, URL: undefined, HlsURL: undefined },
      { ...wire, HlsURL: 'javascript:alert(1)' },
      { ...wire, End: 500 },
      '{"StatusCode": 0, "Content": {"Playb',
    ]) {
      const e = await failureOf(
        offline(() => ({ body: typeof bad === 'string' ? bad : envelope(bad) })).getPlayback('live', 'ch1'),
      )
      expect(e.kind).toBe('protocol')
    }
  })

  it('maps refusals: 42 denied, 40 not found, 30 auth', async () => {
    expect.hasAssertions()
    for (const [code, kind] of [
      [42, 'denied'],
      [40, 'notFound'],
      [30, 'auth'],
    ] as const) {
      const e = await failureOf(offline(() => ({ body: envelope(null, code) })).keepPlayback('abc'))
      expect(e.kind).toBe(kind)
    }
  })
})

describe('against the simulator', () => {
  let s: RunningSimulator
  beforeAll(async () => {
    s = await startSimulator()
  })
  afterAll(async () => s.close())

  it('gets a live playback at the simulator clock and keeps it', async () => {
    const token = await s.tokenFor('anna')
    const api = createApi({ baseUrl: `${s.url}api`, getToken: () => token, retries: 0 })
    const p = await api.envelope.getPlayback('live', 'ch3')
    expect(p).toMatchObject({
      kind: 'live',
      channelId: 'ch3',
      position: SIM_START,
    })
    expect(p.url).toMatch(/^http:\/\/[^/]+\/api\/streams\/[^/]+\/master\.m3u8$/)
    expect(p.channelScrub).toEqual({ pause: true, forward: false, backward: true })
    expect(await api.envelope.keepPlayback(p.playbackId)).toEqual({ expiresAt: SIM_START + 120 })
  })
})
