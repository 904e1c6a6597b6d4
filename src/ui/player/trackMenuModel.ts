import { minutesLeft, stepSleep, type SleepStatus } from '../../domain/sleepTimer'
import { phrase, type Phrase } from '../i18n'
import type { StreamTrack } from './hls/streamTracks'

export type TrackMenuRowId = 'audio' | 'subtitles' | 'sleep'

/** What the menu's rows read from the stream: its lists and what is selected. */
export interface TrackLists {
  readonly audio: readonly StreamTrack[]
  readonly subtitles: readonly StreamTrack[]
  readonly audioId: number
  readonly subtitleId: number
}

export interface TrackMenuRow {
  readonly id: TrackMenuRowId
  readonly label: Phrase
  /** The choice in force: a phrase ("Off") or the stream's own name of a track ("Español"). */
  readonly value: Phrase | string
  /** Left/Right change it (more than one choice). */
  readonly canStep: boolean
  /** Under the value: how long the sleep timer has left; nothing elsewhere. */
  readonly note: Phrase | undefined
}

/** What a Left/Right press asks for. */
export type TrackMenuAction =
  | { type: 'audio'; id: number }
  | { type: 'subtitles'; id: number }
  | { type: 'sleep'; minutes: number }

/** A track's words: the stream's name for it, else its language tag, else its place in the list. */
export const trackLabel = (track: StreamTrack, index: number): Phrase | string =>
  track.name.trim() || track.language.trim() || phrase('player.tracks.numbered', { count: index + 1 })

const labelOf = (tracks: readonly StreamTrack[], id: number): Phrase | string | undefined => {
  const index = tracks.findIndex((t) => t.id === id)
  const track = tracks[index]
  return track ? trackLabel(track, index) : undefined
}

export const sleepValue = (minutes: number): Phrase =>
  minutes > 0 ? phrase('player.sleep.minutes', { count: minutes }) : phrase('player.sleep.off')

/**
 * The rows of the player's menu: audio language, subtitles and the sleep timer. A stream with
 * no tracks yet (still loading, or a plain stream) shows "None" and cannot step.
 */
export const trackMenuRows = (lists: TrackLists | undefined, sleep: SleepStatus): TrackMenuRow[] => {
  const audio = lists?.audio ?? []
  const subtitles = lists?.subtitles ?? []
  const audioValue = labelOf(audio, lists?.audioId ?? -1) ?? (audio[0] ? trackLabel(audio[0], 0) : undefined)
  const subtitleValue =
    (lists ? labelOf(subtitles, lists.subtitleId) : undefined) ??
    phrase(subtitles.length > 0 ? 'player.tracks.off' : 'player.tracks.none')
  return [
    {
      id: 'audio',
      label: phrase('player.tracks.audio'),
      value: audioValue ?? phrase('player.tracks.none'),
      canStep: audio.length > 1,
      note: undefined,
    },
    {
      id: 'subtitles',
      label: phrase('player.tracks.subtitles'),
      value: subtitleValue,
      canStep: subtitles.length > 0,
      note: undefined,
    },
    {
      id: 'sleep',
      label: phrase('player.sleep.label'),
      value: sleepValue(sleep.minutes),
      canStep: true,
      note:
        sleep.phase === 'running' || sleep.phase === 'warning'
          ? phrase('player.sleep.left', { count: minutesLeft(sleep) })
          : undefined,
    },
  ]
}

const stepId = (ids: readonly number[], current: number, direction: 1 | -1): number | undefined => {
  if (ids.length === 0) return undefined
  const index = ids.indexOf(current)
  const next =
    index < 0 ? (direction > 0 ? 0 : ids.length - 1) : (index + direction + ids.length) % ids.length
  return ids[next]
}

/** What Left (-1) or Right (+1) on a row asks for, or undefined when there is nothing to change to. */
export const stepTrackMenu = (
  row: TrackMenuRowId,
  lists: TrackLists | undefined,
  sleep: SleepStatus,
  direction: 1 | -1,
): TrackMenuAction | undefined => {
  if (row === 'sleep') return { type: 'sleep', minutes: stepSleep(sleep.minutes, direction) }
  if (!lists) return undefined
  if (row === 'audio') {
    if (lists.audio.length < 2) return undefined
    const id = stepId(
      lists.audio.map((t) => t.id),
      lists.audioId,
      direction,
    )
    return id === undefined ? undefined : { type: 'audio', id }
  }
  if (lists.subtitles.length === 0) return undefined
  // Off is the first choice, before the stream's subtitles.
  const id = stepId([-1, ...lists.subtitles.map((t) => t.id)], lists.subtitleId, direction)
  return id === undefined ? undefined : { type: 'subtitles', id }
}
