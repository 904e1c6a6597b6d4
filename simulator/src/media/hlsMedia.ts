import fs from 'node:fs'
import path from 'node:path'
import { avcCodecOf, baseTimeOf, shiftedBy, timescaleOf, videoSizeOf } from './fmp4'

/** The stream's languages, in the master playlist's order (English is the default audio). */
export const STREAM_LANGUAGES = [
  { code: 'en', name: 'English' },
  { code: 'es', name: 'Español' },
] as const
export type StreamLanguage = (typeof STREAM_LANGUAGES)[number]['code']
export const isStreamLanguage = (v: string): v is StreamLanguage => STREAM_LANGUAGES.some((l) => l.code === v)

/** Every segment covers this many seconds of operator time: segment N is [N * 2, N * 2 + 2). */
export const SEGMENT_SECONDS = 2

export interface Track {
  init: Buffer
  timescale: number
  /** The loop's segments in order, with the decode time of each one's first sample. */
  segments: readonly { bytes: Buffer; baseTime: bigint }[]
}

export interface Look {
  video: Track
  audio: Record<StreamLanguage, Track>
  /** The cue text of each loop segment per language; null where nothing is said. */
  cues: Record<StreamLanguage, readonly (string | null)[]>
  width: number
  height: number
  /** RFC 6381 codecs of the video and the audio. */
  codecs: string
  /** Peak bits per second over the loop's segments, video and one audio track. */
  bandwidth: number
  averageBandwidth: number
}

export interface HlsMedia {
  looks: readonly Look[]
  /** Segments per loop. */
  loopSegments: number
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)

const loadTrack = (dir: string, segments: number): Track => {
  const init = fs.readFileSync(path.join(dir, 'init.mp4'))
  const list = Array.from({ length: segments }, (_, k) => {
    const bytes = fs.readFileSync(path.join(dir, `seg-${String(k).padStart(2, '0')}.m4s`))
    return { bytes, baseTime: baseTimeOf(bytes) }
  })
  return { init, timescale: timescaleOf(init), segments: list }
}

const cuesOf = (raw: unknown, look: number, lang: StreamLanguage, segments: number): (string | null)[] => {
  const list =
    isRecord(raw) && Array.isArray(raw.looks) && isRecord(raw.looks[look]) ? raw.looks[look][lang] : []
  if (
    !Array.isArray(list) ||
    list.length !== segments ||
    !list.every((c) => c === null || typeof c === 'string')
  )
    throw new Error(`subtitles.json has no ${segments} cues for look ${look + 1} in ${lang}`)
  return list as (string | null)[]
}

/**
 * Reads simulator/media/hls (scripts/make-hls-media.sh): four looks of a loop of 2 s segments.
 * A few MB in all, read once at start. Throws with what is missing: the simulator cannot serve
 * streams without them.
 */
export const loadHlsMedia = (dir: string): HlsMedia => {
  const raw: unknown = JSON.parse(fs.readFileSync(path.join(dir, 'subtitles.json'), 'utf8'))
  if (!isRecord(raw) || raw.segmentSeconds !== SEGMENT_SECONDS || typeof raw.loopSeconds !== 'number')
    throw new Error(`subtitles.json must describe ${SEGMENT_SECONDS} s segments`)
  const loopSegments = raw.loopSeconds / SEGMENT_SECONDS
  const looks = [0, 1, 2, 3].map((i): Look => {
    const base = path.join(dir, `look-${i + 1}`)
    const video = loadTrack(path.join(base, 'video'), loopSegments)
    const audio = {
      en: loadTrack(path.join(base, 'audio-en'), loopSegments),
      es: loadTrack(path.join(base, 'audio-es'), loopSegments),
    }
    const bits = video.segments.map(
      (s, k) => ((s.bytes.length + (audio.en.segments[k]?.bytes.length ?? 0)) * 8) / SEGMENT_SECONDS,
    )
    return {
      video,
      audio,
      cues: { en: cuesOf(raw, i, 'en', loopSegments), es: cuesOf(raw, i, 'es', loopSegments) },
      ...videoSizeOf(video.init),
      codecs: `${avcCodecOf(video.init)},mp4a.40.2`,
      bandwidth: Math.ceil(Math.max(...bits)),
      averageBandwidth: Math.ceil(bits.reduce((a, b) => a + b, 0) / bits.length),
    }
  })
  return { looks, loopSegments }
}

/**
 * Segment N of the endless stream: the loop's segment N mod length, its decode time moved so
 * that media time is operator time (N * 2 s in the track's ticks, plus where the sample falls
 * in the loop's own segment). Loops follow each other without a gap: the loop is a whole number
 * of frames in every track.
 */
export const streamSegment = (media: HlsMedia, track: Track, n: number): Buffer => {
  const k = ((n % media.loopSegments) + media.loopSegments) % media.loopSegments
  const seg = track.segments[k]
  if (!seg) throw new Error(`No segment ${k}`)
  const loopStart = BigInt(n - k) * BigInt(SEGMENT_SECONDS) * BigInt(track.timescale)
  return shiftedBy(seg.bytes, loopStart)
}
