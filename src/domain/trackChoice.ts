/**
 * Which audio and subtitle track to play, from the viewer's preferred languages (kept in the
 * Preferences) and the tracks a stream offers. Pure: the player applies the answer on every
 * zap, since each stream has its own list.
 */

/** A track as the choice reads it: its id in the stream and its language tag (BCP 47 or ISO 639-2). */
export interface TrackLanguage {
  readonly id: number
  readonly language: string
}

/** 'auto': the interface language when the stream has it, else the stream's own default. */
export type AudioPreference = 'auto' | (string & {})
/**
 * 'off': none; 'auto': in the interface language when the audio is in another language;
 * a language: in that language (else the interface language: the viewer asked for subtitles).
 */
export type SubtitlePreference = 'off' | 'auto' | (string & {})

export const AUDIO_AUTO = 'auto'
export const SUBTITLES_OFF = 'off'
export const SUBTITLES_AUTO = 'auto'

/**
 * Streams label languages in ISO 639-2 as often as in two letters ("eng", "en-GB", "EN"):
 * the three-letter codes of the languages a European operator carries, to their two letters.
 */
const ISO_639_2: Readonly<Record<string, string>> = {
  eng: 'en',
  spa: 'es',
  dan: 'da',
  fin: 'fi',
  swe: 'sv',
  nor: 'no',
  nob: 'nb',
  nno: 'nn',
  deu: 'de',
  ger: 'de',
  fra: 'fr',
  fre: 'fr',
  ita: 'it',
  nld: 'nl',
  dut: 'nl',
  por: 'pt',
  pol: 'pl',
  ara: 'ar',
  tur: 'tr',
  rus: 'ru',
  ukr: 'uk',
  est: 'et',
  isl: 'is',
  ice: 'is',
}

/** The primary language of a tag, lower case and in two letters where known ("eng-GB" -> "en"). */
export const baseLanguage = (tag: string): string => {
  const primary = (tag.trim().toLowerCase().split(/[-_]/)[0] ?? '').trim()
  return ISO_639_2[primary] ?? primary
}

export const sameLanguage = (a: string, b: string): boolean => {
  const x = baseLanguage(a)
  return x !== '' && x === baseLanguage(b)
}

const inLanguage = (tracks: readonly TrackLanguage[], language: string): TrackLanguage | undefined =>
  tracks.find((t) => sameLanguage(t.language, language))

/**
 * The audio track to select, or undefined to leave the stream's default (none in a language
 * that fits). A preferred language the stream lacks falls back to the interface language.
 */
export const chooseAudio = (
  tracks: readonly TrackLanguage[],
  preference: AudioPreference,
  interfaceLanguage: string,
): number | undefined => {
  const wanted = preference === AUDIO_AUTO ? undefined : inLanguage(tracks, preference)
  return (wanted ?? inLanguage(tracks, interfaceLanguage))?.id
}

/** The subtitle track to show, -1 for none. */
export const chooseSubtitles = (
  tracks: readonly TrackLanguage[],
  preference: SubtitlePreference,
  interfaceLanguage: string,
  /** The language of the audio being played ('' when unknown). */
  audioLanguage: string,
): number => {
  if (preference === SUBTITLES_OFF) return -1
  if (preference === SUBTITLES_AUTO) {
    // Nobody needs subtitles in the language they already hear.
    if (audioLanguage === '' || sameLanguage(audioLanguage, interfaceLanguage)) return -1
    return inLanguage(tracks, interfaceLanguage)?.id ?? -1
  }
  return (inLanguage(tracks, preference) ?? inLanguage(tracks, interfaceLanguage))?.id ?? -1
}

/** A saved preference that makes sense, else undefined (the default applies). */
export const reviveAudioPreference = (raw: unknown): AudioPreference | undefined =>
  raw === AUDIO_AUTO || isLanguageTag(raw) ? raw : undefined

export const reviveSubtitlePreference = (raw: unknown): SubtitlePreference | undefined =>
  raw === SUBTITLES_OFF || raw === SUBTITLES_AUTO || isLanguageTag(raw) ? raw : undefined

const isLanguageTag = (raw: unknown): raw is string =>
  typeof raw === 'string' &&
  raw !== SUBTITLES_OFF &&
  raw !== AUDIO_AUTO &&
  /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$/.test(raw)

/** The next choice of a list, wrapping around ('auto'/'off' first, then the languages). */
export const stepChoice = <T extends string>(choices: readonly T[], current: T, direction: 1 | -1): T => {
  if (choices.length === 0) return current
  const index = choices.indexOf(current)
  const next = index < 0 ? 0 : (index + direction + choices.length) % choices.length
  return choices[next] ?? current
}
