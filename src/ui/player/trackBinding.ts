import {
  chooseAudio,
  chooseSubtitles,
  type AudioPreference,
  type SubtitlePreference,
} from '../../domain/trackChoice'
import type { StreamTracks } from './hls/streamTracks'

/** What the choice of a new stream's tracks reads: the Preferences and the interface language. */
export interface TrackPreferences {
  audio: AudioPreference
  subtitles: SubtitlePreference
  interfaceLanguage: string
}

export interface TrackBindingOptions {
  /** Read when the stream's lists arrive (the Preferences may have changed since the last zap). */
  preferences: () => TrackPreferences
  /** The lists or the selection changed (the menu redraws). */
  changed: () => void
  /** The subtitle text to show now (null: none). */
  cue: (text: string | null) => void
}

/**
 * Follows one stream's tracks: once its audio and subtitle lists are known, the preferred
 * languages are applied, once, so that a choice the viewer then makes in the menu holds for
 * this stream; the next zap binds the next stream and applies them again. Returns the unbinding.
 */
export const bindStreamTracks = (tracks: StreamTracks, options: TrackBindingOptions): (() => void) => {
  let audioApplied = false
  let subtitlesApplied = false
  let audioId = -1
  let bound = true
  const chooseSubtitlesNow = (prefs: TrackPreferences): void => {
    if (!bound) return
    const audio = tracks.audio.find((t) => t.id === audioId) ?? tracks.audio[0]
    const chosen = chooseSubtitles(
      tracks.subtitles,
      prefs.subtitles,
      prefs.interfaceLanguage,
      audio?.language ?? '',
    )
    if (chosen !== tracks.subtitleId) tracks.setSubtitles(chosen)
  }
  const apply = (): void => {
    const prefs = options.preferences()
    if (!audioApplied && tracks.audio.length > 0) {
      audioApplied = true
      const chosen = chooseAudio(tracks.audio, prefs.audio, prefs.interfaceLanguage)
      audioId = chosen ?? tracks.audioId
      if (chosen !== undefined && chosen !== tracks.audioId) tracks.setAudio(chosen)
    }
    // 'Automatic' subtitles depend on the audio language: chosen after it (a stream without
    // separate audio renditions has none to wait for).
    if (!subtitlesApplied && tracks.subtitles.length > 0 && (audioApplied || tracks.audio.length === 0)) {
      subtitlesApplied = true
      // hls.js makes its own initial subtitle choice right after telling of the new list:
      // the viewer's choice goes in once that is done.
      queueMicrotask(() => chooseSubtitlesNow(prefs))
    }
  }
  const offChange = tracks.onChange(() => {
    apply()
    options.changed()
  })
  const offCue = tracks.onCue((text) => options.cue(text))
  apply()
  options.changed()
  return () => {
    bound = false
    offChange()
    offCue()
    options.cue(null)
  }
}
