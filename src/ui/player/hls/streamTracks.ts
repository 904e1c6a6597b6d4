export interface StreamTrack {
  readonly id: number
  readonly language: string
  readonly name: string
}
export interface StreamTracks {
  readonly audio: readonly StreamTrack[]
  readonly subtitles: readonly StreamTrack[]
  readonly audioId: number // -1 when unknown
  readonly subtitleId: number // -1: subtitles off
  setAudio(id: number): void
  setSubtitles(id: number): void // -1 turns them off
  /** Called when the lists or the selection change; returns an unsubscribe. */
  onChange(listener: () => void): () => void
  /** The subtitle text to show now (null: none), as cues start and end. */
  onCue(listener: (text: string | null) => void): () => void
}
