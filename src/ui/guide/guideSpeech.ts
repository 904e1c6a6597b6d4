import type { Capability } from '../../domain/channels'
import type { RecordingMark } from '../../domain/guideActions'
import { phrase, type Phrase } from '../i18n'
import type { Speech } from '../components/voice'

/** What voice guidance needs of the guide's focused cell, with its times already in the viewer's format. */
export interface CellFacts {
  channelName: string
  /** The programme's title; undefined for a hole ("No information", "Loading…"). */
  title: string | undefined
  hole: 'gap' | 'loading' | undefined
  start: number
  end: number
  /** `start` and `end` as the viewer reads them (ui/format.ts). */
  startText: string
  endText: string
  now: number
  /** What the package allows with this programme now (domain programmeBadges). */
  allowed: readonly Capability[]
  /** The channel cannot be watched: why, as the cell shows it ("Locked", "Sign in to watch"). */
  locked: Phrase | undefined
  mark: RecordingMark
}

const CAPABILITY_WORDS: Partial<Record<Capability, string>> = {
  catchup: 'voice.cap.catchup',
  startover: 'voice.cap.startover',
  npvr: 'voice.cap.npvr',
}

/** When the programme is, against now. */
const whenPhrase = (f: CellFacts): Phrase =>
  f.start <= f.now && f.now < f.end
    ? phrase('voice.guide.onNow')
    : f.end <= f.now
      ? phrase('voice.guide.ended')
      : phrase('voice.guide.later')

/**
 * The focused cell as one sentence: "Kanal 1, Morning Live, 22:05 to 01:05, on now, catch-up
 * available". Live is implied by "on now"; a locked channel says so instead of what it allows.
 */
export const guideCellSpeech = (f: CellFacts): Speech => {
  const what = f.title ?? phrase(f.hole === 'loading' ? 'guide.cell.loading' : 'guide.cell.gap')
  const times = phrase('voice.time.range', { start: f.startText, end: f.endText })
  if (f.title === undefined) return [f.channelName, what, times, f.locked]
  const recorded = f.mark === 'scheduled' || f.mark === 'recording'
  const allowed = f.locked
    ? [f.locked]
    : f.allowed
        .filter((c) => !(recorded && c === 'npvr'))
        .map((c) => CAPABILITY_WORDS[c])
        .filter((key): key is string => key !== undefined)
        .map((key) => phrase(key))
  const mark =
    f.mark === 'scheduled'
      ? phrase('guide.mark.scheduled')
      : f.mark === 'recording'
        ? phrase('guide.mark.recording')
        : undefined
  return [f.channelName, what, times, whenPhrase(f), ...allowed, mark]
}

/** What Info adds in the guide: the channel's number, the day, the episode and the description. */
export const guideCellDetail = (facts: {
  channelNumber: number
  day: string
  episode: string | undefined
  description: string | undefined
}): Speech => [
  phrase('voice.guide.channelNumber', { number: facts.channelNumber }),
  facts.day,
  facts.episode,
  facts.description,
]
