/**
 * A typed wrapper around the SDK's untyped VideoPlayer plugin (a <video> element under the
 * Lightning canvas): the only place where it is cast. The player page drives it with the
 * session's media commands and hears its events through `listen`.
 */
import { VideoPlayer } from '@lightningjs/sdk'
import type { Lightning } from '@lightningjs/sdk'

interface VideoPlayerPlugin {
  consumer(component: Lightning.Component): void
  open(url: string, config?: Record<string, unknown>): void
  close(): void
  play(): void
  pause(): void
  seek(time: number): void
  mute(muted?: boolean): void
  loop(looped?: boolean): void
  position(top?: number, left?: number): void
  size(width?: number, height?: number): void
  show(): void
  hide(): void
  readonly currentTime: number | undefined
  readonly src: string | null | undefined
  readonly playing: boolean
  readonly _videoEl: HTMLVideoElement | undefined
}

const plugin = VideoPlayer as unknown as VideoPlayerPlugin

/**
 * Which page owns the one <video> element: when zapping, the next player page opens its stream
 * before the previous one is told it is inactive, and that one must not close the new stream.
 */
let owner = 0

export type VideoEvent = 'timeupdate' | 'error' | 'playing' | 'waiting' | 'ended' | 'loadeddata'

export interface VideoListener {
  (event: VideoEvent, currentTime: number, detail?: { code?: number }): void
}

/**
 * The player's video. Events are read straight from the element (rather than the plugin's
 * `$videoPlayer*` consumer events) so that the page need not be the plugin's consumer and a
 * failure is never missed while the plugin re-registers its listeners on `open`.
 */
export const video = {
  /**
   * Loads `url` full screen, muted (autoplay policies), looped (the operator's clips are loops)
   * at `time`; returns the handle that `close` needs.
   */
  open(url: string, time: number): number {
    owner += 1
    plugin.position(0, 0)
    plugin.size(1920, 1080)
    plugin.mute(true)
    plugin.loop(true)
    plugin.open(url)
    const el = plugin._videoEl
    if (!el) return owner
    const seekOnce = (): void => {
      el.removeEventListener('loadedmetadata', seekOnce)
      el.currentTime = time
    }
    el.addEventListener('loadedmetadata', seekOnce)
    return owner
  },
  play(): void {
    plugin.play()
  },
  pause(): void {
    plugin.pause()
  },
  seek(time: number): void {
    const el = plugin._videoEl
    // The plugin's seek pauses and resumes around it; setting the time keeps play/pause as it is.
    if (el && plugin.src) el.currentTime = time
  },
  /** Closes the stream opened with `handle`, unless another has been opened since. */
  close(handle: number): void {
    if (handle === owner) plugin.close()
  },
  get currentTime(): number {
    return plugin.currentTime ?? 0
  },

  /** Listens to the element's events; returns the function that stops listening. */
  listen(listener: VideoListener): () => void {
    const el = plugin._videoEl
    if (!el) return () => undefined
    const events: VideoEvent[] = ['timeupdate', 'error', 'playing', 'waiting', 'ended', 'loadeddata']
    const handlers = events.map((name) => {
      const handler = (): void => {
        // An error while no source is set is the plugin clearing it on close, not a failure.
        if (name === 'error' && !el.getAttribute('src')) return
        listener(name, el.currentTime, name === 'error' ? { code: el.error?.code ?? 0 } : undefined)
      }
      el.addEventListener(name, handler)
      return [name, handler] as const
    })
    return () => handlers.forEach(([name, handler]) => el.removeEventListener(name, handler))
  },
}
