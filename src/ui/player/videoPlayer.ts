/**
 * A typed wrapper around the SDK's untyped VideoPlayer plugin (a <video> element under the
 * Lightning canvas): the only place where it is cast. Streams are HLS, attached through the
 * plugin's loader and unloader hooks (hls/hlsStream.ts: hls.js, loaded on first use, or the
 * box's native HLS). The player page drives it with the session's media commands and hears
 * its events through `listen`.
 */
import { VideoPlayer } from '@lightningjs/sdk'
import type { Lightning } from '@lightningjs/sdk'
import { attachStream, type AttachedStream, type StreamStart } from './hls/hlsStream'
import type { StreamTracks } from './hls/streamTracks'
import { mediaElementTrouble, type StreamTrouble } from './hls/streamTrouble'

interface VideoPlayerPlugin {
  consumer(component: Lightning.Component): void
  loader(fn: (url: string, el: HTMLVideoElement, config: Record<string, unknown>) => Promise<void>): void
  unloader(fn: (el: HTMLVideoElement) => Promise<void>): void
  open(url: string, config?: Record<string, unknown>): void
  close(): void
  play(): void
  pause(): void
  mute(muted?: boolean): void
  loop(looped?: boolean): void
  position(top?: number, left?: number): void
  size(width?: number, height?: number): void
  readonly _videoEl: HTMLVideoElement | undefined
}

const plugin = VideoPlayer as unknown as VideoPlayerPlugin

/**
 * Which page owns the one <video> element: when zapping, the next player page opens its stream
 * before the previous one is told it is inactive, and that one must not close the new stream.
 */
let owner = 0

/** What the page hears: the operator time of the picture, the picture starting, trouble, tracks. */
export type VideoEvent =
  | { type: 'time'; at: number }
  | { type: 'playing' }
  | { type: 'trouble'; trouble: StreamTrouble }
  | { type: 'tracks'; tracks: StreamTracks | undefined }

export type VideoListener = (event: VideoEvent) => void

const listeners = new Set<VideoListener>()
const tell = (event: VideoEvent): void => listeners.forEach((l) => l(event))

let stream: AttachedStream | undefined
/** Grows with every load and unload: an attach that finishes after its stream was closed is undone. */
let attachments = 0

const startOf = (config: Record<string, unknown>): StreamStart => ({
  ...(typeof config.at === 'number' ? { at: config.at } : {}),
  ...(typeof config.origin === 'number' ? { origin: config.origin } : {}),
})

let hooked = false
const hookPlugin = (): void => {
  if (hooked) return
  hooked = true
  plugin.loader(async (url, el, config) => {
    attachments += 1
    const mine = attachments
    const attached = await attachStream(url, el, startOf(config), (trouble) => {
      if (mine === attachments) tell({ type: 'trouble', trouble })
    })
    if (mine !== attachments) {
      attached.destroy()
      return
    }
    stream = attached
    tell({ type: 'tracks', tracks: attached.tracks })
  })
  plugin.unloader((el) => {
    attachments += 1
    const was = stream
    stream = undefined
    if (was) {
      was.destroy()
      tell({ type: 'tracks', tracks: undefined })
    }
    el.removeAttribute('src')
    el.load()
    return Promise.resolve()
  })
}

let elementHooked: HTMLVideoElement | undefined
/** The element's own events, read straight from it (the plugin re-registers its own on open). */
const hookElement = (el: HTMLVideoElement): void => {
  if (elementHooked === el) return
  elementHooked = el
  el.addEventListener('timeupdate', () => {
    const at = stream?.operatorTime()
    if (at !== undefined) tell({ type: 'time', at })
  })
  el.addEventListener('playing', () => tell({ type: 'playing' }))
  el.addEventListener('error', () => {
    // An error while no source is set is the plugin clearing it on close, not a failure.
    if (el.getAttribute('src')) tell({ type: 'trouble', trouble: mediaElementTrouble(el.error?.code ?? 0) })
  })
}

export const video = {
  /**
   * Loads the HLS stream at `url` full screen, muted (autoplay policies), at operator time
   * `start.at` (the live edge without it); returns the handle that `close` needs.
   */
  open(url: string, start: StreamStart): number {
    hookPlugin()
    owner += 1
    plugin.position(0, 0)
    plugin.size(1920, 1080)
    plugin.mute(true)
    plugin.loop(false)
    plugin.open(url, { ...start })
    const el = plugin._videoEl
    if (el) hookElement(el)
    return owner
  },
  play(): void {
    plugin.play()
  },
  pause(): void {
    plugin.pause()
  },
  /** Moves to an operator time; the play/pause state stays as it is. */
  seek(at: number): void {
    stream?.seekTo(at)
  },
  /** Closes the stream opened with `handle`, unless another has been opened since. */
  close(handle: number): void {
    if (handle === owner) plugin.close()
  },
  /** The audio and subtitle tracks of the stream attached now. */
  get tracks(): StreamTracks | undefined {
    return stream?.tracks
  },

  /** Listens to the video's events; returns the function that stops listening. */
  listen(listener: VideoListener): () => void {
    listeners.add(listener)
    return () => listeners.delete(listener)
  },
}
