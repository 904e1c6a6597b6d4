import { T0, startClient, type Client, type Json } from './harness'
import { baseTimeOf } from '../../simulator/src/media/fmp4'

interface Playback {
  PlaybackID: string
  HlsURL: string
  Start: number
  End: number
}

interface Programme {
  ID: string
  Start: number
  End: number
}

interface MediaPlaylist {
  sequence: number
  type: string | undefined
  ended: boolean
  map: string | undefined
  /** Operator time of the first segment, from EXT-X-PROGRAM-DATE-TIME. */
  firstTime: number
  segments: { uri: string; duration: number }[]
}

/** Reads a media playlist line by line; throws on anything it does not expect. */
const parseMediaPlaylist = (text: string): MediaPlaylist => {
  const lines = text.split('\n').filter((l) => l !== '')
  expect(lines[0]).toBe('#EXTM3U')
  const tag = (name: string): string | undefined =>
    lines.find((l) => l.startsWith(`${name}:`))?.slice(name.length + 1)
  expect(tag('#EXT-X-TARGETDURATION')).toBe('2')
  const segments: MediaPlaylist['segments'] = []
  lines.forEach((l, i) => {
    if (!l.startsWith('#EXTINF:')) return
    const uri = lines[i + 1]
    if (uri === undefined || uri.startsWith('#')) throw new Error(`EXTINF without a URI: ${l}`)
    segments.push({ uri, duration: Number(l.slice(8).replace(/,$/, '')) })
  })
  const pdt = tag('#EXT-X-PROGRAM-DATE-TIME')
  if (pdt === undefined) throw new Error('no EXT-X-PROGRAM-DATE-TIME')
  return {
    sequence: Number(tag('#EXT-X-MEDIA-SEQUENCE')),
    type: tag('#EXT-X-PLAYLIST-TYPE'),
    ended: lines.includes('#EXT-X-ENDLIST'),
    map: /URI="([^"]+)"/.exec(tag('#EXT-X-MAP') ?? '')?.[1],
    firstTime: Date.parse(pdt) / 1000,
    segments,
  }
}

/** The master playlist's EXT-X-MEDIA lines as attribute maps, and its one variant. */
const parseMaster = (
  text: string,
): { media: Record<string, string>[]; variant: Record<string, string>; uri: string } => {
  const lines = text.split('\n').filter((l) => l !== '')
  expect(lines[0]).toBe('#EXTM3U')
  const attrs = (s: string): Record<string, string> =>
    Object.fromEntries(
      [...s.matchAll(/([A-Z-]+)=("[^"]*"|[^,]*)/g)].map((m) => [m[1], (m[2] ?? '').replace(/"/g, '')]),
    )
  const media = lines.filter((l) => l.startsWith('#EXT-X-MEDIA:')).map((l) => attrs(l.slice(13)))
  const at = lines.findIndex((l) => l.startsWith('#EXT-X-STREAM-INF:'))
  expect(lines.filter((l) => l.startsWith('#EXT-X-STREAM-INF:'))).toHaveLength(1)
  return { media, variant: attrs(lines[at]?.slice(18) ?? ''), uri: lines[at + 1] ?? '' }
}

describe('HLS streams: playlists from the operator clock, segments under the grant, QA stream faults', () => {
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
  const play = async (kind: string, id: string): Promise<Playback> => {
    const out = await client.call('GetPlayback', { Kind: kind, ID: id }, anna)
    expect(out).toMatchObject({ StatusCode: 0 })
    return out.Content as Playback
  }
  /** A URL relative to a playback's master playlist. */
  const under = (p: Playback, rest: string): string =>
    client.url(new URL(rest, client.url(p.HlsURL)).pathname)
  const get = (p: Playback, rest: string): Promise<Response> => fetch(under(p, rest))
  /** The status of a request whose body is read and dropped, so that no connection stays busy. */
  const status = async (p: Playback, rest: string): Promise<number> => {
    const res = await get(p, rest)
    await res.arrayBuffer()
    return res.status
  }
  const text = async (p: Playback, rest: string): Promise<string> => {
    const res = await get(p, rest)
    expect(res.status).toBe(200)
    return res.text()
  }
  const playlist = async (p: Playback, rest: string): Promise<MediaPlaylist> => {
    const res = await get(p, rest)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toContain('application/vnd.apple.mpegurl')
    return parseMediaPlaylist(await res.text())
  }
  const segment = async (p: Playback, rest: string): Promise<Buffer> => {
    const res = await get(p, rest)
    expect(res.status).toBe(200)
    return Buffer.from(await res.arrayBuffer())
  }
  const fault = (body: Json) => client.qa('POST', '/faults', { route: '/api/streams/*', ...body })

  beforeAll(async () => {
    client = await startClient()
  })
  afterAll(async () => client.sim.close())
  beforeEach(async () => {
    // The clock first (the demo is seeded around it), and standing still: playlists follow it.
    await client.qa('POST', '/clock', { set: T0, speed: 0 })
    await client.qa('POST', '/reset', { scenario: 'demo' })
    await client.qa('DELETE', '/faults')
    anna = await client.login('anna')
  })

  it('answers a master playlist with one H.264 variant, two audio languages and two subtitle languages', async () => {
    const live = await play('live', 'ch1')
    expect(live.HlsURL).toBe(`/api/streams/${live.PlaybackID}/master.m3u8`)
    const master = parseMaster(await text(live, live.HlsURL))
    expect(master.variant).toMatchObject({
      CODECS: 'avc1.42c01e,mp4a.40.2',
      RESOLUTION: '640x360',
      AUDIO: 'aud',
      SUBTITLES: 'subs',
    })
    expect(Number(master.variant.BANDWIDTH)).toBeGreaterThan(100_000)
    expect(Number(master.variant.BANDWIDTH)).toBeLessThan(1_000_000)
    expect(master.uri).toBe('video.m3u8')
    expect(master.media.map((m) => [m.TYPE, m['GROUP-ID'], m.LANGUAGE, m.NAME, m.DEFAULT, m.URI])).toEqual([
      ['AUDIO', 'aud', 'en', 'English', 'YES', 'audio/en.m3u8'],
      ['AUDIO', 'aud', 'es', 'Español', 'NO', 'audio/es.m3u8'],
      ['SUBTITLES', 'subs', 'en', 'English', 'NO', 'subs/en.m3u8'],
      ['SUBTITLES', 'subs', 'es', 'Español', 'NO', 'subs/es.m3u8'],
    ])
    expect(master.media.filter((m) => m.TYPE === 'SUBTITLES').every((m) => m.AUTOSELECT === 'YES')).toBe(true)
  })

  it('slides a live window of six whole segments up to the operator clock, with its operator time', async () => {
    const live = await play('live', 'ch1')
    const video = await playlist(live, 'video.m3u8')
    const last = T0 / 2 - 1
    expect(video).toMatchObject({ sequence: last - 5, type: undefined, ended: false, map: 'video/init.mp4' })
    expect(video.firstTime).toBe((last - 5) * 2)
    expect(video.segments.map((s) => s.uri)).toEqual(
      [0, 1, 2, 3, 4, 5].map((i) => `video/${last - 5 + i}.m4s`),
    )
    expect(video.segments.every((s) => s.duration === 2)).toBe(true)
    // The audio and subtitle playlists list the same segments.
    for (const rest of ['audio/en.m3u8', 'audio/es.m3u8', 'subs/en.m3u8', 'subs/es.m3u8']) {
      const other = await playlist(live, rest)
      expect(other.sequence).toBe(video.sequence)
      expect(other.firstTime).toBe(video.firstTime)
      expect(other.segments).toHaveLength(6)
    }

    await client.advance(11)
    const later = await playlist(live, 'video.m3u8')
    expect(later.sequence).toBe(video.sequence + 5)
    expect(later.firstTime).toBe(video.firstTime + 10)
  })

  it('serves segments whose media time is operator time, across the loop’s seam', async () => {
    expect.hasAssertions()
    const live = await play('live', 'ch2')
    for (const [rest, type] of [
      ['video/init.mp4', 'video/mp4'],
      ['audio/es/init.mp4', 'audio/mp4'],
    ] as const) {
      const init = await get(live, rest)
      expect(init.headers.get('content-type')).toBe(type)
      await init.arrayBuffer()
    }
    const last = T0 / 2 - 1
    // The segment being made now is not there yet.
    expect(await status(live, `video/${last + 1}.m4s`)).toBe(404)

    // The loop is 16 segments: a seam inside a past programme (catch-up serves its whole span).
    const past = (await programmes('ch2', T0 - 6 * 3600, T0 - 3 * 3600)).find((x) => x.End <= T0)
    if (!past) throw new Error('no past programme')
    const cu = await play('catchup', past.ID)
    const seam = Math.ceil((past.Start / 2 + 1) / 16) * 16
    for (const n of [seam - 1, seam, seam + 1]) {
      expect(baseTimeOf(await segment(cu, `video/${n}.m4s`))).toBe(BigInt(n * 2 * 12800))
      // Audio frames (1024 samples) do not fall on 2 s: its segment starts within one frame.
      const audio = Number(baseTimeOf(await segment(cu, `audio/en/${n}.m4s`)))
      expect(audio - n * 2 * 48000).toBeGreaterThanOrEqual(0)
      expect(audio - n * 2 * 48000).toBeLessThan(1024)
    }
    const vtt = await text(cu, `subs/en/${seam}.vtt`)
    expect(vtt.split('\n').slice(0, 2)).toEqual([
      'WEBVTT',
      `X-TIMESTAMP-MAP=MPEGTS:${seam * 2 * 90000},LOCAL:00:00:00.000`,
    ])
    // The loop's first segment says which stream and language it is.
    expect(vtt).toContain('Kanal test stream two. English.')
    expect(await text(cu, `subs/es/${seam}.vtt`)).toContain('Canal de prueba dos. Español.')
  })

  it('starts over from the programme’s start as an EVENT playlist that grows until it ends', async () => {
    const on = (await programmes('ch2', T0, T0 + 60)).find((x) => x.Start <= T0 && x.End > T0)
    if (!on) throw new Error('nothing on now')
    const so = await play('startover', on.ID)
    const video = await playlist(so, 'video.m3u8')
    expect(video).toMatchObject({ sequence: on.Start / 2, type: 'EVENT', ended: false })
    expect(video.firstTime).toBe(on.Start)
    expect(video.segments).toHaveLength((T0 - on.Start) / 2)
    expect(await status(so, `video/${on.Start / 2 - 1}.m4s`)).toBe(404)
    expect(await status(so, `video/${on.Start / 2}.m4s`)).toBe(200)

    await client.advance(on.End - T0 + 10)
    const done = await playlist(so, 'video.m3u8')
    expect(done).toMatchObject({ sequence: on.Start / 2, type: 'EVENT', ended: true })
    expect(done.segments).toHaveLength((on.End - on.Start) / 2)
  })

  it('plays catch-up and recordings as VOD playlists of their span, and no segment outside it', async () => {
    const past = (await programmes('ch1', T0 - 6 * 3600, T0 - 3 * 3600)).find((x) => x.End <= T0)
    if (!past) throw new Error('no past programme')
    const cu = await play('catchup', past.ID)
    const video = await playlist(cu, 'video.m3u8')
    expect(video).toMatchObject({ sequence: past.Start / 2, type: 'VOD', ended: true })
    expect(video.firstTime).toBe(past.Start)
    expect(video.segments).toHaveLength((past.End - past.Start) / 2)
    expect((await playlist(cu, 'audio/es.m3u8')).segments).toHaveLength(video.segments.length)
    expect(await status(cu, `video/${past.Start / 2}.m4s`)).toBe(200)
    expect(await status(cu, `audio/en/${past.End / 2 - 1}.m4s`)).toBe(200)
    const outside = await get(cu, `video/${past.End / 2}.m4s`)
    expect(outside.status).toBe(404)
    expect(await outside.json()).toMatchObject({ code: 'not_found' })
    expect(await status(cu, `subs/en/${past.Start / 2 - 1}.vtt`)).toBe(404)

    const list = await client.content<{ Recordings: Json[] }>('GetRecordings', {}, anna)
    const finished = list.Recordings.find((r) => r.State === 'Finished')
    if (!finished) throw new Error('demo recordings missing')
    const rec = await play('recording', String(finished.ID))
    const recVideo = await playlist(rec, 'video.m3u8')
    const [start, end] = [Number(finished.Start), Number(finished.End)]
    expect(recVideo).toMatchObject({ sequence: Math.floor(start / 2), type: 'VOD', ended: true })
    expect(recVideo.segments).toHaveLength(Math.ceil(end / 2) - Math.floor(start / 2))
    expect(await status(rec, `video/${Math.ceil(end / 2)}.m4s`)).toBe(404)
  })

  it('checks the grant on every playlist and segment: 404 unknown, 403 once the rights are gone', async () => {
    expect.hasAssertions()
    const missing = await fetch(client.url('/api/streams/not-a-real-playback-id/master.m3u8'))
    expect(missing.status).toBe(404)
    expect(await missing.json()).toMatchObject({ code: 'not_found' })
    const live = await play('live', 'ch5')
    expect(await status(live, 'nothing.m3u8')).toBe(404)
    expect(await status(live, 'audio/fr.m3u8')).toBe(404)
    const n = T0 / 2 - 1
    const paths = [
      'master.m3u8',
      'video.m3u8',
      'audio/en.m3u8',
      'subs/es.m3u8',
      `video/${n}.m4s`,
      `audio/es/${n}.m4s`,
    ]
    for (const rest of paths) expect(await status(live, rest)).toBe(200)
    // anna's first licence is the base pack, which holds ch5.
    await client.qa('POST', '/another-device', { userId: 'anna', action: 'expireLicence', licenseId: 1 })
    for (const rest of [...paths, 'video/init.mp4', `subs/en/${n}.vtt`]) {
      const res = await get(live, rest)
      expect(res.status).toBe(403)
      expect(await res.json()).toMatchObject({ code: 'not_allowed' })
    }
  })

  describe('QA stream faults', () => {
    it('refuses a stream fault on a route that is not a stream', async () => {
      const res = await client.post('/qa/faults', { route: '/api/GetPlayback', kind: 'playlistMissing' })
      expect(res.statusCode).toBe(400)
      expect(res.body).toContain('/api/streams/')
    })

    it('playlistMissing: every playlist 404 (for as many requests as counted), segments still there', async () => {
      const live = await play('live', 'ch1')
      await fault({ kind: 'playlistMissing', count: 2 })
      expect(await status(live, 'master.m3u8')).toBe(404)
      expect(await status(live, `video/${T0 / 2 - 1}.m4s`)).toBe(200)
      expect(await status(live, 'audio/en.m3u8')).toBe(404)
      expect(await status(live, 'master.m3u8')).toBe(200)
    })

    it('playlistMalformed: a playlist that is not one', async () => {
      const live = await play('live', 'ch1')
      await fault({ kind: 'playlistMalformed' })
      const body = await text(live, 'video.m3u8')
      expect(body.startsWith('#EXTM3U')).toBe(false)
      expect(() => parseMediaPlaylist(body)).toThrow()
    })

    it('segmentMissing: the segment at the given time is gone in every track, its neighbours are not', async () => {
      expect.hasAssertions()
      const live = await play('live', 'ch1')
      const n = T0 / 2 - 3
      await fault({ kind: 'segmentMissing', at: n * 2 + 1 })
      for (const rest of [`video/${n}.m4s`, `audio/en/${n}.m4s`, `audio/es/${n}.m4s`, `subs/en/${n}.vtt`])
        expect(await status(live, rest)).toBe(404)
      for (const rest of [`video/${n - 1}.m4s`, `video/${n + 1}.m4s`])
        expect(await status(live, rest)).toBe(200)
    })

    it('liveStalled: live and start-over playlists stop advancing at the given time; catch-up is not touched', async () => {
      const live = await play('live', 'ch1')
      const on = (await programmes('ch1', T0, T0 + 60)).find((x) => x.Start <= T0 && x.End > T0)
      const so = await play('startover', on?.ID ?? '')
      const before = await playlist(live, 'video.m3u8')
      const soBefore = await playlist(so, 'video.m3u8')
      await fault({ kind: 'liveStalled' })
      await client.advance(20)
      expect((await playlist(live, 'video.m3u8')).sequence).toBe(before.sequence)
      expect((await playlist(so, 'audio/en.m3u8')).segments).toHaveLength(soBefore.segments.length)
      await client.qa('DELETE', '/faults')
      expect((await playlist(live, 'video.m3u8')).sequence).toBe(before.sequence + 10)
    })

    it('streamForbidden: 403 from the given moment on', async () => {
      const live = await play('live', 'ch1')
      await fault({ kind: 'streamForbidden', at: T0 + 6 })
      expect(await status(live, 'video.m3u8')).toBe(200)
      await client.advance(6)
      const res = await get(live, 'video.m3u8')
      expect(res.status).toBe(403)
      expect(await res.json()).toMatchObject({ code: 'not_allowed' })
      expect(await status(live, `video/${T0 / 2}.m4s`)).toBe(403)
      // The QA request log says which fault answered.
      const log = await client.qa<{ requests: { path: string; status: number; faults?: string[] }[] }>(
        'GET',
        '/requests',
      )
      expect(
        log.requests.filter((r) => r.path.startsWith(`/api/streams/${live.PlaybackID}/`)).at(-1),
      ).toMatchObject({
        status: 403,
        faults: ['streamForbidden'],
      })
    })

    it('codecUnsupported: the master announces HEVC video only', async () => {
      const live = await play('live', 'ch1')
      await fault({ kind: 'codecUnsupported' })
      const master = parseMaster(await text(live, 'master.m3u8'))
      expect(master.variant.CODECS).toMatch(/^hvc1\./)
      expect(master.variant.CODECS).not.toContain('avc1')
    })
  })
})
