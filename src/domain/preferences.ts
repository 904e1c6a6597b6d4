import {
  reviveAudioPreference,
  reviveSubtitlePreference,
  type AudioPreference,
  type SubtitlePreference,
} from './trackChoice'

/**
 * The viewer's preferences: interface language, how often the box looks for changes, voice
 * guidance and the audio and subtitle languages the player picks on every zap. The
 * poll period can only be one of a few choices inside document 000's range (never below five
 * minutes; an hour at most, so that another device's changes still arrive the same evening).
 */
export const POLL_PERIOD_CHOICES: readonly number[] = [300, 600, 900, 1800, 3600]
export const POLL_PERIOD_RANGE = { min: 300, max: 3600 } as const

export interface Preferences {
  /** A language code of static/translations.json; undefined: the settings' default. */
  language: string | undefined
  /** Seconds; undefined: the settings' default. */
  pollPeriodSeconds: number | undefined
  /** Voice guidance on or off as the viewer chose it; undefined: never chosen (the platform's or the operator's default applies). */
  voiceGuidance: boolean | undefined
  /** Preferred audio language ('auto' or a language); undefined: never chosen ('auto'). */
  audioLanguage?: AudioPreference | undefined
  /** Preferred subtitles ('off', 'auto' or a language); undefined: never chosen ('off'). */
  subtitleLanguage?: SubtitlePreference | undefined
}

/**
 * Whether voice guidance speaks: the viewer's own choice if they made one, else the platform's
 * accessibility setting if it has one, else the operator's default (settings.json).
 */
export const voiceGuidanceOn = (
  viewer: boolean | undefined,
  platform: boolean | undefined,
  operatorDefault: boolean,
): boolean => viewer ?? platform ?? operatorDefault

/** A saved period outside the range is brought inside it (an older app may have saved it). */
export const clampPollPeriod = (seconds: number): number =>
  Math.min(POLL_PERIOD_RANGE.max, Math.max(POLL_PERIOD_RANGE.min, Math.round(seconds)))

/** The next choice in a direction, from any value (an off-grid value moves to its neighbour). */
export const stepPollPeriod = (seconds: number, direction: 1 | -1): number => {
  const choices = POLL_PERIOD_CHOICES
  if (direction > 0) return choices.find((c) => c > seconds) ?? choices[choices.length - 1] ?? seconds
  return [...choices].reverse().find((c) => c < seconds) ?? choices[0] ?? seconds
}

/** The next language in the list, wrapping around. */
export const stepLanguage = (codes: readonly string[], current: string, direction: 1 | -1): string => {
  if (codes.length === 0) return current
  const index = codes.indexOf(current)
  const next = index < 0 ? 0 : (index + direction + codes.length) % codes.length
  return codes[next] ?? current
}

/** Reads what storage holds, keeping only what makes sense. */
export const revivePreferences = (raw: unknown): Preferences => {
  const o = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {}
  const language =
    typeof o.language === 'string' && /^[a-z]{2}(-[A-Z]{2})?$/.test(o.language) ? o.language : undefined
  const period =
    typeof o.pollPeriodSeconds === 'number' && Number.isFinite(o.pollPeriodSeconds)
      ? clampPollPeriod(o.pollPeriodSeconds)
      : undefined
  const voiceGuidance = typeof o.voiceGuidance === 'boolean' ? o.voiceGuidance : undefined
  const audioLanguage = reviveAudioPreference(o.audioLanguage)
  const subtitleLanguage = reviveSubtitlePreference(o.subtitleLanguage)
  return {
    language,
    pollPeriodSeconds: period,
    voiceGuidance,
    ...(audioLanguage !== undefined ? { audioLanguage } : {}),
    ...(subtitleLanguage !== undefined ? { subtitleLanguage } : {}),
  }
}
