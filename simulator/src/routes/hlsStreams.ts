import path from 'node:path'
import type { FastifyInstance, FastifyReply } from 'fastify'
import type { Api } from '../http/api'
import { noteAppliedFaults } from '../http/hooks'
import { SimError } from '../model/context'
import type { Grant, Playbacks } from '../model/playback'
import { getUser } from '../model/users'
import type { Fault, StreamFaultKind } from '../faults'
import {
  isStreamLanguage,
  loadHlsMedia,
  streamSegment,
  type HlsMedia,
  type StreamLanguage,
} from '../media/hlsMedia'
import {
  LIVE_WINDOW,
  lastWholeSegment,
  masterPlaylist,
  mediaPlaylist,
  segmentAt,
  spanAt,
  webVttSegment,
  type SegmentSpan,
} from '../media/playlists'

const MEDIA_DIR = path.resolve(__dirname, '..', '..', 'media', 'hls')

/** What a path under /api/streams/<PlaybackID>/ asks for. */
type StreamRequest =
  | { what: 'master' }
  | { what: 'playlist'; track: 'video' | 'audio' | 'subs'; lang?: StreamLanguage }
  | { what: 'init'; track: 'video' | 'audio'; lang?: StreamLanguage }
  | { what: 'segment'; track: 'video' | 'audio' | 'subs'; lang?: StreamLanguage; n: number }

/** Parses the path after the playback id; undefined for anything else. */
export const parseStreamPath = (rest: string): StreamRequest | undefined => {
  if (rest === 'master.m3u8') return { what: 'master' }
  if (rest === 'video.m3u8') return { what: 'playlist', track: 'video' }
  if (rest === 'video/init.mp4') return { what: 'init', track: 'video' }
  let m = /^video\/(\d{1,12})\.m4s$/.exec(rest)
  if (m) return { what: 'segment', track: 'video', n: Number(m[1]) }
  m = /^(audio|subs)\/([a-z]{2})\.m3u8$/.exec(rest)
  if (m?.[1] && m[2] && isStreamLanguage(m[2]))
    return { what: 'playlist', track: m[1] as 'audio' | 'subs', lang: m[2] }
  m = /^audio\/([a-z]{2})\/init\.mp4$/.exec(rest)
  if (m?.[1] && isStreamLanguage(m[1])) return { what: 'init', track: 'audio', lang: m[1] }
  m = /^(?:audio\/([a-z]{2})\/(\d{1,12})\.m4s|subs\/([a-z]{2})\/(\d{1,12})\.vtt)$/.exec(rest)
  const lang = m?.[1] ?? m?.[3]
  if (m && lang !== undefined && isStreamLanguage(lang))
    return { what: 'segment', track: m[1] ? 'audio' : 'subs', lang, n: Number(m[2] ?? m[4]) }
  return undefined
}

/** The segments a grant's stream lists at operator time `now`. */
const spanOf = (grant: Grant, now: number): SegmentSpan =>
  spanAt(
    grant.kind === 'live' ? { kind: 'live' } : { kind: grant.kind, start: grant.start, end: grant.end },
    now,
  )

/**
 * Whether segment n may be fetched now: live from a window before the grant up to the live
 * edge (a paused player resumes where it was), the others within their span up to now.
 */
const segmentAllowed = (grant: Grant, n: number, now: number): boolean => {
  if (grant.kind === 'live')
    return n >= segmentAt(grant.grantedAt) - LIVE_WINDOW && n <= lastWholeSegment(now)
  const span = spanOf(grant, now)
  return n >= span.first && n <= span.last
}

/** A playlist that starts like one and is not: no #EXTM3U, a tag cut short. */
const MALFORMED_PLAYLIST = '#EXT-X-VERSION:7\n#EXT-X-TARGETDURATION:\n#EXTINF:two,\nvideo/'

/** The master playlist of the codec fault: HEVC video, which the box is taken not to play. */
const HEVC = 'hvc1.1.6.L93.B0,mp4a.40.2'

/**
 * The HLS streams: `/api/streams/<PlaybackID>/master.m3u8` and the playlists and segments it
 * names, written from the operator clock. Every request is checked against the grant behind
 * the playback id and the user's rights now (a <video> element sends no token: the id is the
 * grant). QA stream faults (faults.ts) act here.
 */
export const registerHlsStreams = (app: FastifyInstance, api: Api, playbacks: Playbacks): void => {
  let media: HlsMedia | undefined
  let missing: string | undefined
  try {
    media = loadHlsMedia(MEDIA_DIR)
  } catch (e) {
    // The simulator still runs (its API does not need media); streams say what is missing.
    missing = `The HLS media are missing or damaged (sh scripts/make-hls-media.sh): ${e instanceof Error ? e.message : String(e)}`
  }

  app.get<{ Params: { id: string; '*': string } }>('/api/streams/:id/*', async (req, reply) => {
    const fail = (status: number, code: string, message: string): FastifyReply =>
      reply
        .code(status)
        .type('application/json; charset=utf-8')
        .header('cache-control', 'no-store')
        .send({ code, message })
    const id = req.params.id
    const asked = /^[A-Za-z0-9_-]{10,64}$/.test(id) ? parseStreamPath(req.params['*']) : undefined
    if (!asked) return fail(404, 'not_found', 'No such stream')
    let grant: Grant
    try {
      grant = playbacks.media(id, (userId) => getUser(api.sim, userId))
    } catch (e) {
      if (!(e instanceof SimError)) throw e
      return e.kind === 'notAllowed' ? fail(403, 'not_allowed', e.message) : fail(404, 'not_found', e.message)
    }
    if (!media) return fail(503, 'media_missing', missing ?? 'No HLS media')
    const look = media.looks[grant.look]
    if (!look) return fail(404, 'not_found', 'No such stream')

    let now = api.sim.clock.now()
    const path = `/api/streams/${id}/${req.params['*']}`
    const fired = (when: (f: Fault & { kind: StreamFaultKind }) => boolean): Fault | undefined => {
      const f = api.faults.fireStream(path, when)[0]
      if (f) noteAppliedFaults(req, [f.kind])
      return f
    }
    const at = (f: Fault): number => f.at ?? now
    if (fired((f) => f.kind === 'streamForbidden' && now >= at(f)))
      return fail(403, 'not_allowed', 'Injected fault: the rights to this stream were withdrawn')

    reply.header('cache-control', 'no-store')
    if (asked.what === 'master' || asked.what === 'playlist') {
      if (fired((f) => f.kind === 'playlistMissing'))
        return fail(404, 'not_found', 'Injected fault: no playlist')
      if (fired((f) => f.kind === 'playlistMalformed'))
        return reply.type('application/vnd.apple.mpegurl').send(MALFORMED_PLAYLIST)
    }
    switch (asked.what) {
      case 'master': {
        const hevc = fired((f) => f.kind === 'codecUnsupported') !== undefined
        return reply
          .type('application/vnd.apple.mpegurl')
          .send(masterPlaylist({ ...look, ...(hevc ? { codecs: HEVC } : {}) }))
      }
      case 'playlist': {
        const stalled =
          grant.kind === 'live' || grant.kind === 'startover'
            ? fired((f) => f.kind === 'liveStalled' && now >= at(f))
            : undefined
        if (stalled) now = Math.min(now, at(stalled))
        const span = spanOf(grant, now)
        const body =
          asked.track === 'video'
            ? mediaPlaylist(span, (n) => `video/${n}.m4s`, 'video/init.mp4')
            : asked.track === 'audio'
              ? mediaPlaylist(span, (n) => `${asked.lang}/${n}.m4s`, `${asked.lang}/init.mp4`)
              : mediaPlaylist(span, (n) => `${asked.lang}/${n}.vtt`)
        return reply.type('application/vnd.apple.mpegurl').send(body)
      }
      case 'init': {
        const track = asked.track === 'video' ? look.video : look.audio[asked.lang ?? 'en']
        return reply.type(asked.track === 'video' ? 'video/mp4' : 'audio/mp4').send(track.init)
      }
      case 'segment': {
        const n = asked.n
        if (!segmentAllowed(grant, n, now))
          return fail(404, 'not_found', `Segment ${n} is outside this playback's span (or not yet there)`)
        if (fired((f) => f.kind === 'segmentMissing' && segmentAt(at(f)) === n))
          return fail(404, 'not_found', 'Injected fault: this segment is missing')
        const lang = asked.lang ?? 'en'
        if (asked.track === 'subs') {
          const cue =
            look.cues[lang][((n % media.loopSegments) + media.loopSegments) % media.loopSegments] ?? null
          return reply.type('text/vtt; charset=utf-8').send(webVttSegment(n, cue))
        }
        const track = asked.track === 'video' ? look.video : look.audio[lang]
        return reply
          .type(asked.track === 'video' ? 'video/mp4' : 'audio/mp4')
          .send(streamSegment(media, track, n))
      }
      default:
        return fail(404, 'not_found', 'No such stream')
    }
  })
}
