import { T0, startClient, type Client, type Json } from './harness'

interface Playback {
  PlaybackID: string
  URL: string
  HlsURL: string
  Kind: string
  ChannelID: string
  ChannelNumber: number
  ProgrammeID?: string
  RecordingID?: string
  Title: string
  Start: number
  End: number
  Position: number
  LiveEdge: number
  ChannelScrub: { Pause: boolean; Forward: boolean; Backward: boolean }
  ExpiresAt: number
}

interface Programme {
  ID: string
  Start: number
  End: number
}

describe('streams: GetPlayback, KeepPlayback and the media they grant', () => {
  let client: Client
  let anna: string

  const programmes = async (channel: string, from: number, to: number): Promise<Programme[]> => {
    const g = await client.content<{ Channels: { Programmes: Programme[] }[] }>(
      'GetGuide',
      { ChannelIDs: [channel], Start: from, End: to },
      anna,
    )
    return g.Channels[0]?.Programmes ?? []
  }
  const onNow = async (channel: string): Promise<Programme> => {
    const p = (await programmes(channel, T0, T0 + 60)).find((x) => x.Start <= T0 && x.End > T0)
    if (!p) throw new Error('nothing on now')
    return p
  }
  const play = (kind: string, id: string, token = anna) =>
    client.call('GetPlayback', { Kind: kind, ID: id }, token)
  const playOk = async (kind: string, id: string): Promise<Playback> => {
    const out = await play(kind, id)
    expect(out).toMatchObject({ StatusCode: 0 })
    return out.Content as Playback
  }
  const media = (url: string, range?: string) =>
    fetch(client.url(new URL(url, client.url('/')).pathname), range ? { headers: { range } } : {})

  beforeAll(async () => {
    client = await startClient()
  })
  afterAll(async () => client.sim.close())
  beforeEach(async () => {
    // The clock first: the demo is seeded around it.
    await client.qa('POST', '/clock', { set: T0 })
    await client.qa('POST', '/reset', { scenario: 'demo' })
    await client.qa('DELETE', '/faults')
    anna = await client.login('anna')
  })

  it('asks for a signed-in user', async () => {
    const anon = await client.content<{ token: string }>('LoginAnonymous', { deviceId: 'kiosk' })
    expect(await play('live', 'ch1', anon.token)).toMatchObject({ StatusCode: 30 })
    expect(await client.call('GetPlayback', { Kind: 'live', ID: 'ch1' })).toMatchObject({ StatusCode: 30 })
  })

  it('puts live where the simulator clock says, in the programme on now', async () => {
    const p = await onNow('ch1')
    const live = await playOk('live', 'ch1')
    expect(live).toMatchObject({
      Kind: 'live',
      ChannelID: 'ch1',
      ChannelNumber: 1,
      ProgrammeID: p.ID,
      Start: p.Start,
      End: p.End,
      Position: T0,
      LiveEdge: T0,
    })
    expect(live.URL).toMatch(/^\/api\/streams\/[A-Za-z0-9_-]+\/master\.m3u8$/)
    // The token never travels in the URL.
    expect(live.URL).not.toContain(anna)

    // 100 s later live has moved 100 s.
    await client.advance(100)
    const later = await playOk('live', 'ch1')
    expect(later.Position).toBe(T0 + 100)
  })

  it('serves the HLS master at URL as at HlsURL (the WebM clips are gone)', async () => {
    const live = await playOk('live', 'ch1')
    expect(live.URL).toBe(live.HlsURL)
    const master = await media(live.URL)
    expect(master.status).toBe(200)
    expect(await master.text()).toMatch(/^#EXTM3U/)
    expect((await media(client.url(`/api/streams/${live.PlaybackID}.webm`))).status).toBe(404)
  })

  it('refuses a channel that is not in the user’s products', async () => {
    // anna's sport licence is EXPIRED and ch150 is in no product she has.
    expect(await play('live', 'ch150')).toMatchObject({ StatusCode: 42 })
    expect(await play('live', 'nope')).toMatchObject({ StatusCode: 40 })
    expect(await play('rewind', 'ch1')).toMatchObject({ StatusCode: 41 })
  })

  it('starts over the programme on now from its beginning, and only that one', async () => {
    const p = await onNow('ch2')
    const so = await playOk('startover', p.ID)
    expect(so).toMatchObject({ Kind: 'startover', ChannelID: 'ch2', Start: p.Start, End: p.End })
    expect(so.Position).toBe(p.Start)
    expect(so.LiveEdge).toBe(T0)

    const past = (await programmes('ch2', T0 - 6 * 3600, T0 - 3 * 3600)).find((x) => x.End <= T0)
    expect(await play('startover', past?.ID ?? '')).toMatchObject({ StatusCode: 42 })
  })

  it('plays catch-up of a past programme within the channel’s window, not a future one', async () => {
    const past = (await programmes('ch1', T0 - 6 * 3600, T0 - 3 * 3600)).find((x) => x.End <= T0)
    if (!past) throw new Error('no past programme')
    const cu = await playOk('catchup', past.ID)
    expect(cu).toMatchObject({ Kind: 'catchup', Start: past.Start, End: past.End, Position: past.Start })
    expect(cu.LiveEdge).toBe(past.End)

    const future = (await programmes('ch1', T0 + 3 * 3600, T0 + 6 * 3600)).find((x) => x.Start > T0)
    expect(await play('catchup', future?.ID ?? '')).toMatchObject({ StatusCode: 42 })

    // Ten days later it has left the 7-day window.
    await client.advance(10 * 86400)
    anna = await client.login('anna')
    expect(await play('catchup', past.ID)).toMatchObject({ StatusCode: 42 })
  })

  it('plays the user’s own finished recordings, not scheduled ones nor someone else’s', async () => {
    const list = await client.content<{ Recordings: Json[] }>('GetRecordings', {}, anna)
    const finished = list.Recordings.find((r) => r.State === 'Finished')
    const scheduled = list.Recordings.find((r) => r.State === 'Scheduled')
    if (!finished || !scheduled) throw new Error('demo recordings missing')
    const rec = await playOk('recording', String(finished.ID))
    expect(rec).toMatchObject({
      Kind: 'recording',
      RecordingID: String(finished.ID),
      Start: finished.Start,
      End: finished.End,
      Position: finished.Start,
      LiveEdge: finished.End,
    })
    expect(await play('recording', String(scheduled.ID))).toMatchObject({ StatusCode: 42 })
    const dora = await client.login('dora')
    expect(await play('recording', String(finished.ID), dora)).toMatchObject({ StatusCode: 40 })
  })

  it('says which channels forbid fast-forward themselves (numbers ending in 3)', async () => {
    expect((await playOk('live', 'ch3')).ChannelScrub).toEqual({
      Pause: true,
      Forward: false,
      Backward: true,
    })
    expect((await playOk('live', 'ch1')).ChannelScrub).toEqual({ Pause: true, Forward: true, Backward: true })
  })

  it('stops granting when the right is withdrawn mid-play (KeepPlayback and the media)', async () => {
    const live = await playOk('live', 'ch5')
    expect(await client.call('KeepPlayback', { PlaybackID: live.PlaybackID }, anna)).toMatchObject({
      StatusCode: 0,
      Content: { ExpiresAt: T0 + 120 },
    })
    // anna's first licence is the base pack.
    await client.qa('POST', '/another-device', { userId: 'anna', action: 'expireLicence', licenseId: 1 })
    expect(await client.call('KeepPlayback', { PlaybackID: live.PlaybackID }, anna)).toMatchObject({
      StatusCode: 42,
    })
    const res = await media(live.URL)
    expect(res.status).toBe(403)
    expect(await client.call('KeepPlayback', { PlaybackID: 'unknown-playback' }, anna)).toMatchObject({
      StatusCode: 40,
    })
  })

  it('lets QA break the stream route with a fault', async () => {
    const live = await playOk('live', 'ch1')
    await client.qa('POST', '/faults', { route: '/api/streams/*', kind: 'status', status: 404 })
    expect((await media(live.URL)).status).toBe(404)
  })
})

describe('resume points: SetResume moves the Tags stamp (document 000), GetResumes gives them back', () => {
  let client: Client
  beforeAll(async () => {
    client = await startClient()
  })
  afterAll(async () => client.sim.close())

  it('saves a position, moves Tags (and the user-wide stamps with it) but not Recordings', async () => {
    await client.qa('POST', '/reset', { scenario: 'demo' })
    await client.qa('POST', '/clock', { set: T0 })
    const anna = await client.login('anna')
    const before = await client.stamps(anna)
    const saved = await client.content('SetResume', { ContentID: 'programme:42', Position: 610 }, anna)
    expect(saved).toEqual({ ContentID: 'programme:42', Position: 610, UpdatedAt: T0 })
    const after = await client.stamps(anna)
    expect(after.Tags).toBeGreaterThan(before.Tags)
    expect(after.Recordings).toBe(before.Recordings)
    const resumes = await client.content<Json[]>('GetResumes', {}, anna)
    expect(resumes[0]).toEqual({ ContentID: 'programme:42', Position: 610, UpdatedAt: T0 })
  })
})
