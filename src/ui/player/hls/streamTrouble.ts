/**
 * What the viewer sees of a streaming error: hls.js's error events (and the video element's
 * own, on boxes that play HLS natively) mapped to "carry on", "reconnecting" or a message.
 * Pure, so that every case is unit-tested without a browser.
 */
import type { StreamFailure } from '../../../state/player/playerSession'

export type StreamTrouble =
  /** Nothing the viewer needs to know (hls.js deals with it quietly). */
  | { readonly kind: 'ignore' }
  /**
   * A transient error that hls.js retries: "Reconnecting…" until the picture moves again, and
   * `ifLost` if it does not within the player's patience. `recover` asks the wrapper to help
   * hls.js (its README's recovery for a fatal media error).
   */
  | { readonly kind: 'recovering'; readonly ifLost: StreamFailure; readonly recover?: 'media' }
  | { readonly kind: 'failed'; readonly failure: StreamFailure }
  /** New media arrived after a transient error: the stream is whole again. */
  | { readonly kind: 'recovered' }

/** The parts of an hls.js ErrorData the decision reads. */
export interface HlsErrorFacts {
  readonly type: string
  readonly details: string
  readonly fatal: boolean
  /** The HTTP status of a failed load, when there was one. */
  readonly httpStatus?: number
  /** Whether a fatal media error was already given one recovery attempt on this stream. */
  readonly mediaRecoveryTried?: boolean
}

const PLAYLIST_LOADS = new Set([
  'manifestLoadError',
  'manifestLoadTimeOut',
  'levelLoadError',
  'levelLoadTimeOut',
  'audioTrackLoadError',
  'audioTrackLoadTimeOut',
  'subtitleTrackLoadError',
  'subtitleTrackLoadTimeOut',
])
const PLAYLIST_PARSING = new Set(['manifestParsingError', 'levelParsingError', 'levelEmptyError'])
const SEGMENT_LOADS = new Set(['fragLoadError', 'fragLoadTimeOut', 'fragGap'])
const CODECS = new Set([
  'manifestIncompatibleCodecsError',
  'bufferAddCodecError',
  'bufferIncompatibleCodecsError',
])
/** Stalls the gap controller nudges past by itself. */
const QUIET = new Set(['bufferNudgeOnStall', 'bufferSeekOverHole', 'bufferFullError', 'aborted'])

const failed = (failure: StreamFailure): StreamTrouble => ({ kind: 'failed', failure })

/** What one hls.js ERROR event means for the viewer. */
export const hlsTrouble = (e: HlsErrorFacts): StreamTrouble => {
  // The operator refuses the media: retrying cannot help, and the viewer should know why.
  if (e.httpStatus === 403 || e.httpStatus === 401) return failed('rightsWithdrawn')
  if (CODECS.has(e.details)) return failed('unplayable')
  if (e.details === 'playlistUnchangedError') return { kind: 'recovering', ifLost: 'stalled' }
  if (e.details === 'bufferStalledError') return { kind: 'recovering', ifLost: 'stalled' }
  if (!e.fatal) {
    if (QUIET.has(e.details)) return { kind: 'ignore' }
    if (e.type === 'networkError')
      return { kind: 'recovering', ifLost: SEGMENT_LOADS.has(e.details) ? 'segmentMissing' : 'stream' }
    return { kind: 'ignore' }
  }
  if (PLAYLIST_PARSING.has(e.details)) return failed('streamBroken')
  if (PLAYLIST_LOADS.has(e.details))
    return failed(e.httpStatus === 404 || e.httpStatus === 410 ? 'streamMissing' : 'stream')
  if (SEGMENT_LOADS.has(e.details)) return failed('segmentMissing')
  if (e.type === 'mediaError')
    return e.mediaRecoveryTried
      ? failed('unplayable')
      : { kind: 'recovering', ifLost: 'unplayable', recover: 'media' }
  return failed('stream')
}

/**
 * The video element's own error (MediaError.code), for boxes that play HLS natively: 4 is a
 * source it cannot play, 3 a decoding failure, 2 the network.
 */
export const mediaElementTrouble = (code: number): StreamTrouble => {
  return failed(code === 3 || code === 4 ? 'unplayable' : 'stream')
}
