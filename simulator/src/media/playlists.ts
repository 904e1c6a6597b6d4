import { SEGMENT_SECONDS, STREAM_LANGUAGES } from './hlsMedia'

/** Which segments a media playlist lists: [first, last], and whether more will come. */
export interface SegmentSpan {
  first: number
  last: number
  /** EVENT (grows, no ENDLIST until done), VOD (complete) or live (a sliding window). */
  type: 'live' | 'event' | 'vod'
  /** The span is complete: EXT-X-ENDLIST. */
  ended: boolean
}

/** How many segments a live playlist lists. */
export const LIVE_WINDOW = 6

/** The segment that covers operator time t (Unix seconds). */
export const segmentAt = (t: number): number => Math.floor(t / SEGMENT_SECONDS)

/** The last segment that is whole at operator time `now`: a segment is published once it ends. */
export const lastWholeSegment = (now: number): number => segmentAt(now) - 1

/**
 * The segments of a stream at operator time `now`.
 * - live: the last LIVE_WINDOW whole segments;
 * - a span [start, end) (start-over, catch-up, recording): its segments up to now, as EVENT
 *   while it is still on air and as VOD once it is all there. Start-over is always EVENT
 *   (the player knows it is watching live TV from the start).
 */
export const spanAt = (
  stream: { kind: 'live' } | { kind: 'startover' | 'catchup' | 'recording'; start: number; end: number },
  now: number,
): SegmentSpan => {
  const edge = lastWholeSegment(now)
  if (stream.kind === 'live') return { first: edge - LIVE_WINDOW + 1, last: edge, type: 'live', ended: false }
  const first = segmentAt(stream.start)
  const lastOfSpan = Math.ceil(stream.end / SEGMENT_SECONDS) - 1
  const ended = edge >= lastOfSpan
  const last = Math.max(first - 1, Math.min(edge, lastOfSpan))
  const type = stream.kind === 'startover' || !ended ? 'event' : 'vod'
  return { first, last, type, ended }
}

const iso = (unixSeconds: number): string => new Date(unixSeconds * 1000).toISOString()

/**
 * A media playlist of segments span.first..span.last. `uri(n)` names segment n; `map` is the
 * init segment (fMP4), absent for WebVTT. The first segment carries its operator time
 * (EXT-X-PROGRAM-DATE-TIME), from which a player reads the time of every frame.
 */
export const mediaPlaylist = (span: SegmentSpan, uri: (n: number) => string, map?: string): string => {
  const lines = [
    '#EXTM3U',
    '#EXT-X-VERSION:7',
    `#EXT-X-TARGETDURATION:${SEGMENT_SECONDS}`,
    `#EXT-X-MEDIA-SEQUENCE:${span.first}`,
    '#EXT-X-INDEPENDENT-SEGMENTS',
  ]
  if (span.type === 'event') lines.push('#EXT-X-PLAYLIST-TYPE:EVENT')
  if (span.type === 'vod') lines.push('#EXT-X-PLAYLIST-TYPE:VOD')
  if (map !== undefined) lines.push(`#EXT-X-MAP:URI="${map}"`)
  for (let n = span.first; n <= span.last; n += 1) {
    if (n === span.first) lines.push(`#EXT-X-PROGRAM-DATE-TIME:${iso(n * SEGMENT_SECONDS)}`)
    lines.push(`#EXTINF:${SEGMENT_SECONDS.toFixed(3)},`, uri(n))
  }
  if (span.ended) lines.push('#EXT-X-ENDLIST')
  return `${lines.join('\n')}\n`
}

/** The master playlist: one video rendition, an audio group and a subtitle group, two languages each. */
export const masterPlaylist = (video: {
  codecs: string
  bandwidth: number
  averageBandwidth: number
  width: number
  height: number
}): string => {
  const lines = ['#EXTM3U', '#EXT-X-VERSION:7', '#EXT-X-INDEPENDENT-SEGMENTS']
  STREAM_LANGUAGES.forEach((l, i) => {
    const def = i === 0 ? 'YES' : 'NO'
    lines.push(
      `#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID="aud",LANGUAGE="${l.code}",NAME="${l.name}",DEFAULT=${def},AUTOSELECT=YES,CHANNELS="2",URI="audio/${l.code}.m3u8"`,
    )
  })
  for (const l of STREAM_LANGUAGES) {
    lines.push(
      `#EXT-X-MEDIA:TYPE=SUBTITLES,GROUP-ID="subs",LANGUAGE="${l.code}",NAME="${l.name}",DEFAULT=NO,AUTOSELECT=YES,FORCED=NO,URI="subs/${l.code}.m3u8"`,
    )
  }
  lines.push(
    `#EXT-X-STREAM-INF:BANDWIDTH=${video.bandwidth},AVERAGE-BANDWIDTH=${video.averageBandwidth},CODECS="${video.codecs}",RESOLUTION=${video.width}x${video.height},AUDIO="aud",SUBTITLES="subs"`,
    'video.m3u8',
  )
  return `${lines.join('\n')}\n`
}

const vttTime = (seconds: number): string => {
  const ms = Math.round(seconds * 1000)
  const h = Math.floor(ms / 3_600_000)
  const m = Math.floor(ms / 60_000) % 60
  const s = Math.floor(ms / 1000) % 60
  const pad = (v: number, n = 2): string => String(v).padStart(n, '0')
  return `${pad(h)}:${pad(m)}:${pad(s)}.${pad(ms % 1000, 3)}`
}

/**
 * The WebVTT segment n: its cue (if any) over the whole segment. X-TIMESTAMP-MAP ties the
 * segment's local time 0 to its operator time on the 90 kHz clock, the same time the audio and
 * video decode times carry, so a player places the cue under the right picture.
 */
export const webVttSegment = (n: number, text: string | null): string => {
  const lines = ['WEBVTT', `X-TIMESTAMP-MAP=MPEGTS:${n * SEGMENT_SECONDS * 90000},LOCAL:00:00:00.000`, '']
  if (text !== null) lines.push(`${vttTime(0)} --> ${vttTime(SEGMENT_SECONDS)}`, text, '')
  return lines.join('\n')
}
