import type { StreamTrack, StreamTracks } from '../../src/ui/player/hls/streamTracks'

/**
 * A stream's tracks as hls.js would report them, for tests: lists that arrive later (as the
 * master playlist is parsed), a selection that changes on request and cues pushed by the test.
 */
export class FakeStreamTracks implements StreamTracks {
  audio: StreamTrack[] = []
  subtitles: StreamTrack[] = []
  audioId = -1
  subtitleId = -1
  readonly calls: string[] = []
  private readonly _changes = new Set<() => void>()
  private readonly _cues = new Set<(text: string | null) => void>()

  /** The master playlist is parsed: the lists arrive, the stream's defaults selected. */
  load(audio: StreamTrack[], subtitles: StreamTrack[], audioId = audio[0]?.id ?? -1): void {
    this.audio = audio
    this.subtitles = subtitles
    this.audioId = audioId
    this._changed()
  }

  setAudio(id: number): void {
    this.calls.push(`audio ${id}`)
    this.audioId = id
    this._changed()
  }

  setSubtitles(id: number): void {
    this.calls.push(`subtitles ${id}`)
    this.subtitleId = id
    this._changed()
  }

  cue(text: string | null): void {
    this._cues.forEach((l) => l(text))
  }

  get listeners(): number {
    return this._changes.size + this._cues.size
  }

  onChange(listener: () => void): () => void {
    this._changes.add(listener)
    return () => this._changes.delete(listener)
  }

  onCue(listener: (text: string | null) => void): () => void {
    this._cues.add(listener)
    return () => this._cues.delete(listener)
  }

  private _changed(): void {
    this._changes.forEach((l) => l())
  }
}

export const EN_ES_AUDIO: StreamTrack[] = [
  { id: 0, language: 'en', name: 'English' },
  { id: 1, language: 'es', name: 'Español' },
]
export const EN_ES_SUBTITLES: StreamTrack[] = [
  { id: 0, language: 'en', name: 'English' },
  { id: 1, language: 'es', name: 'Español' },
]
