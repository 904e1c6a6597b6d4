/**
 * The audio renditions and subtitles of the stream playing, as the player's menus use them.
 * The hls.js wrapper provides one per attached stream (hlsTracks.ts); the page gets undefined
 * before a stream is attached. Subtitles are not drawn by the video element: their text comes
 * through `onCue`, so that Kanal draws them itself, readable from across the room.
 */
export interface StreamTrack {
  readonly id: number
  readonly language: string
  readonly name: string
}

export interface StreamTracks {
  readonly audio: readonly StreamTrack[]
  readonly subtitles: readonly StreamTrack[]
  /** -1 when unknown. */
  readonly audioId: number
  /** -1: subtitles off. */
  readonly subtitleId: number
  setAudio(id: number): void
  /** -1 turns them off. */
  setSubtitles(id: number): void
  /** Called when the lists or the selection change; returns an unsubscribe. */
  onChange(listener: () => void): () => void
  /** The subtitle text to show now (null: none), as cues start and end. */
  onCue(listener: (text: string | null) => void): () => void
}
