import {
  AUDIO_AUTO,
  SUBTITLES_AUTO,
  SUBTITLES_OFF,
  type AudioPreference,
  type SubtitlePreference,
} from '../../domain/trackChoice'
import { t } from '../i18n'

type Languages = readonly { code: string; name: string }[]

/**
 * The choices of the audio and subtitle rows in the Preferences: Automatic (and Off for
 * subtitles), then the interface languages, each under its own name as the language row shows it.
 */
export const audioChoices = (languages: Languages): AudioPreference[] => [
  AUDIO_AUTO,
  ...languages.map((l) => l.code),
]

export const subtitleChoices = (languages: Languages): SubtitlePreference[] => [
  SUBTITLES_OFF,
  SUBTITLES_AUTO,
  ...languages.map((l) => l.code),
]

/** A choice's words: "Automatic", "Off", or the language's own name (its code if unnamed). */
export const trackPreferenceText = (choice: string, languages: Languages): string => {
  if (choice === AUDIO_AUTO || choice === SUBTITLES_AUTO) return t('account.prefs.tracks.auto')
  if (choice === SUBTITLES_OFF) return t('account.prefs.tracks.off')
  return languages.find((l) => l.code === choice)?.name ?? choice
}
