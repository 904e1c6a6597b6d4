import type Hls from 'hls.js'
import type { HlsConstructor } from './hlsLibrary'
import type { StreamTrack, StreamTracks } from './streamTracks'

/** A cue as hls.js hands it over (a VTTCue when the browser has them). */
interface Cue {
  startTime: number
  endTime: number
  text: string
}

/**
 * StreamTracks over one hls.js instance. hls.js is told not to draw subtitles itself
 * (renderTextTracksNatively: false): it hands over the parsed cues, and the text that is due
 * at the video's current time is passed on whenever it changes.
 */
export const hlsTracks = (
  Hls: HlsConstructor,
  hls: Hls,
  media: HTMLMediaElement,
): StreamTracks & { dispose(): void } => {
  const changeListeners = new Set<() => void>()
  const cueListeners = new Set<(text: string | null) => void>()
  /** Parsed cues per subtitle track id. */
  const cues = new Map<number, Cue[]>()
  let shown: string | null = null

  const changed = (): void => changeListeners.forEach((l) => l())
  const showCue = (text: string | null): void => {
    if (text === shown) return
    shown = text
    cueListeners.forEach((l) => l(text))
  }
  const dueCue = (): void => {
    const list = cues.get(hls.subtitleTrack)
    const t = media.currentTime
    const due = list?.filter((c) => c.startTime <= t && t < c.endTime) ?? []
    showCue(due.length > 0 ? due.map((c) => c.text).join('\n') : null)
  }

  const onCues = (
    _: unknown,
    data: { type: string; cues: unknown; subtitleTrack?: { id: number } },
  ): void => {
    const id = data.subtitleTrack?.id
    if (data.type !== 'subtitles' || id === undefined || !Array.isArray(data.cues)) return
    const list = cues.get(id) ?? []
    for (const c of data.cues as Cue[]) {
      // The same cue comes again when a segment is loaded twice (a seek back).
      if (!list.some((o) => o.startTime === c.startTime && o.text === c.text))
        list.push({ startTime: c.startTime, endTime: c.endTime, text: c.text })
    }
    cues.set(id, list)
    dueCue()
  }
  const onSubtitleSwitch = (): void => {
    dueCue()
    changed()
  }

  const E = Hls.Events
  const listChanges = [
    E.MANIFEST_PARSED,
    E.AUDIO_TRACKS_UPDATED,
    E.AUDIO_TRACK_SWITCHED,
    E.SUBTITLE_TRACKS_UPDATED,
  ] as const
  listChanges.forEach((e) => hls.on(e, changed))
  hls.on(E.SUBTITLE_TRACK_SWITCH, onSubtitleSwitch)
  hls.on(E.CUES_PARSED, onCues)
  media.addEventListener('timeupdate', dueCue)
  media.addEventListener('seeked', dueCue)

  const track = (t: { id: number; lang?: string | undefined; name: string }): StreamTrack => ({
    id: t.id,
    language: t.lang ?? '',
    name: t.name,
  })

  return {
    get audio() {
      return hls.audioTracks.map(track)
    },
    get subtitles() {
      return hls.subtitleTracks.map(track)
    },
    get audioId() {
      return hls.audioTrack
    },
    get subtitleId() {
      return hls.subtitleTrack
    },
    setAudio(id) {
      if (hls.audioTracks.some((t) => t.id === id)) hls.audioTrack = id
    },
    setSubtitles(id) {
      if (id === -1 || hls.subtitleTracks.some((t) => t.id === id)) {
        hls.subtitleTrack = id
        // hls.js only loads the track's segments while its display is on.
        hls.subtitleDisplay = id !== -1
      }
    },
    onChange(listener) {
      changeListeners.add(listener)
      return () => changeListeners.delete(listener)
    },
    onCue(listener) {
      cueListeners.add(listener)
      return () => cueListeners.delete(listener)
    },
    dispose() {
      listChanges.forEach((e) => hls.off(e, changed))
      hls.off(E.SUBTITLE_TRACK_SWITCH, onSubtitleSwitch)
      hls.off(E.CUES_PARSED, onCues)
      media.removeEventListener('timeupdate', dueCue)
      media.removeEventListener('seeked', dueCue)
      showCue(null)
      changeListeners.clear()
      cueListeners.clear()
    },
  }
}
