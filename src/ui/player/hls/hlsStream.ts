import type Hls from 'hls.js'
import type { ErrorData, LevelLoadedData } from 'hls.js'
import { hasMediaSource, loadHls, type HlsConstructor } from './hlsLibrary'
import { hlsTracks } from './hlsTracks'
import type { StreamTracks } from './streamTracks'
import { hlsTrouble, mediaElementTrouble, type StreamTrouble } from './streamTrouble'

/** Where to start: operator time (Unix seconds), or the live edge when left out. */
export interface StreamStart {
  at?: number
  /** The operator time the stream's timeline begins at, to aim the first load (VOD, EVENT). */
  origin?: number
}

export interface AttachedStream {
  /** The audio and subtitle tracks (hls.js only; a natively played stream has none to offer). */
  readonly tracks: StreamTracks | undefined
  /** Operator time (Unix seconds) of the picture showing, once the stream has told it. */
  operatorTime(): number | undefined
  /** Moves to an operator time (clamped to what the stream holds: never past its live edge). */
  seekTo(at: number): void
  destroy(): void
}

/** hls.js settings: Kanal draws the subtitles; a live playlist that stops moving is reported soon. */
const HLS_CONFIG = {
  renderTextTracksNatively: false,
  liveMaxUnchangedPlaylistRefresh: 3,
  // The operator's fMP4 segments pass through without transmuxing: a worker would only add its
  // own start-up to every zap.
  enableWorker: false,
} as const

/**
 * Attaches an HLS stream to the video element: hls.js wherever the box has Media Source
 * Extensions (the order hls.js's README gives), native HLS only where it has none. `onTrouble`
 * hears what a streaming error means for the viewer (streamTrouble.ts).
 */
export const attachStream = async (
  url: string,
  media: HTMLVideoElement,
  start: StreamStart,
  onTrouble: (t: StreamTrouble) => void,
): Promise<AttachedStream> => {
  let Hls: HlsConstructor | undefined
  if (hasMediaSource()) {
    try {
      Hls = await loadHls()
    } catch (error: unknown) {
      onTrouble({ kind: 'failed', failure: 'playerLoad' })
      throw error
    }
  }
  if (Hls?.isSupported()) return withHls(Hls, url, media, start, onTrouble)
  if (media.canPlayType('application/vnd.apple.mpegurl') !== '') return natively(url, media, start, onTrouble)
  onTrouble({ kind: 'failed', failure: 'unplayable' })
  throw new Error('this box plays neither HLS through Media Source Extensions nor natively')
}

const withHls = (
  Hls: HlsConstructor,
  url: string,
  media: HTMLVideoElement,
  start: StreamStart,
  onTrouble: (t: StreamTrouble) => void,
): AttachedStream => {
  const estimate = start.at !== undefined && start.origin !== undefined ? start.at - start.origin : -1
  const hls: Hls = new Hls({ ...HLS_CONFIG, startPosition: Math.max(estimate, -1) })
  const tracks = hlsTracks(Hls, hls, media)
  /** Operator seconds minus media seconds, from the playlist's EXT-X-PROGRAM-DATE-TIME. */
  let offset: number | undefined
  let aimed = start.at === undefined
  let mediaRecoveryTried = false
  /** A transient error was reported and no media has arrived since. */
  let troubled = false

  hls.on(Hls.Events.LEVEL_LOADED, (_: unknown, data: LevelLoadedData) => {
    const frag = data.details.fragments.find((f) => f.programDateTime !== null)
    if (!frag || frag.programDateTime === null) return
    offset = frag.programDateTime / 1000 - frag.start
    if (aimed || start.at === undefined) return
    aimed = true
    // The first load was aimed at the programme's start; the stream's own clock says exactly.
    const target = start.at - offset
    if (Math.abs(target - estimate) >= 1) {
      hls.stopLoad()
      hls.startLoad(Math.max(0, target))
    }
  })
  hls.on(Hls.Events.ERROR, (_: unknown, data: ErrorData) => {
    const trouble = hlsTrouble({
      type: data.type,
      details: data.details,
      fatal: data.fatal,
      ...(data.response?.code !== undefined ? { httpStatus: data.response.code } : {}),
      mediaRecoveryTried,
    })
    if (trouble.kind === 'recovering' && trouble.recover === 'media') {
      mediaRecoveryTried = true
      hls.recoverMediaError()
    }
    if (trouble.kind === 'failed') hls.stopLoad()
    if (trouble.kind === 'recovering') troubled = true
    onTrouble(trouble)
  })
  // Recovered only once new media is in: the picture moving on what was already buffered is
  // not a recovery (a live stream that stopped coming plays its buffer out first).
  hls.on(Hls.Events.FRAG_BUFFERED, () => {
    if (!troubled) return
    troubled = false
    onTrouble({ kind: 'recovered' })
  })
  hls.attachMedia(media)
  hls.loadSource(url)

  return {
    tracks,
    operatorTime() {
      const date = hls.playingDate
      if (date) return date.getTime() / 1000
      return offset === undefined ? undefined : media.currentTime + offset
    },
    seekTo(at) {
      if (offset === undefined) return
      let target = at - offset
      const edge = hls.liveSyncPosition
      if (edge !== null && target > edge) target = edge
      media.currentTime = Math.max(0, target)
    },
    destroy() {
      tracks.dispose()
      hls.destroy()
    },
  }
}

/** A box without MSE: the element plays the playlist itself; its start date gives operator time. */
const natively = (
  url: string,
  media: HTMLVideoElement,
  start: StreamStart,
  onTrouble: (t: StreamTrouble) => void,
): AttachedStream => {
  const withStartDate = media as HTMLVideoElement & { getStartDate?: () => Date }
  const offset = (): number | undefined => {
    const ms = withStartDate.getStartDate?.().getTime()
    return ms !== undefined && Number.isFinite(ms) ? ms / 1000 : undefined
  }
  const onError = (): void => {
    if (media.getAttribute('src')) onTrouble(mediaElementTrouble(media.error?.code ?? 0))
  }
  const onMetadata = (): void => {
    const o = offset()
    if (start.at !== undefined && o !== undefined) media.currentTime = Math.max(0, start.at - o)
  }
  media.addEventListener('error', onError)
  media.addEventListener('loadedmetadata', onMetadata, { once: true })
  media.setAttribute('src', url)
  media.load()
  return {
    tracks: undefined,
    operatorTime() {
      const o = offset()
      return o === undefined ? undefined : o + media.currentTime
    },
    seekTo(at) {
      const o = offset()
      if (o !== undefined) media.currentTime = Math.max(0, at - o)
    },
    destroy() {
      media.removeEventListener('error', onError)
      media.removeEventListener('loadedmetadata', onMetadata)
      media.removeAttribute('src')
      media.load()
    },
  }
}
