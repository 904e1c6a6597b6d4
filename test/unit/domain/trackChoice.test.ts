import {
  baseLanguage,
  chooseAudio,
  chooseSubtitles,
  reviveAudioPreference,
  reviveSubtitlePreference,
  stepChoice,
} from '../../../src/domain/trackChoice'
import { revivePreferences } from '../../../src/domain/preferences'

const audio = [
  { id: 0, language: 'en' },
  { id: 1, language: 'spa' },
]
const subtitles = [
  { id: 0, language: 'en-GB' },
  { id: 1, language: 'es' },
]

describe('the choice of audio and subtitle tracks', () => {
  it('reads language tags the way streams write them', () => {
    expect(baseLanguage('en-GB')).toBe('en')
    expect(baseLanguage('ENG')).toBe('en')
    expect(baseLanguage('ger')).toBe('de')
    expect(baseLanguage('pt_BR')).toBe('pt')
    expect(baseLanguage('')).toBe('')
  })

  it('plays the preferred audio language, else the interface language, else leaves the stream default', () => {
    expect(chooseAudio(audio, 'es', 'en')).toBe(1)
    expect(chooseAudio(audio, 'da', 'es')).toBe(1)
    expect(chooseAudio(audio, 'da', 'fi')).toBeUndefined()
    expect(chooseAudio(audio, 'auto', 'es')).toBe(1)
    expect(chooseAudio(audio, 'auto', 'en')).toBe(0)
    expect(chooseAudio(audio, 'auto', 'fi')).toBeUndefined()
    expect(chooseAudio([], 'es', 'es')).toBeUndefined()
  })

  it('shows subtitles only when asked, in the language asked or the interface language', () => {
    expect(chooseSubtitles(subtitles, 'off', 'es', 'en')).toBe(-1)
    expect(chooseSubtitles(subtitles, 'es', 'en', 'en')).toBe(1)
    expect(chooseSubtitles(subtitles, 'en', 'es', 'es')).toBe(0)
    // Danish subtitles asked for but missing: the viewer needs subtitles, in their language.
    expect(chooseSubtitles(subtitles, 'da', 'es', 'es')).toBe(1)
    expect(chooseSubtitles(subtitles, 'da', 'fi', 'en')).toBe(-1)
  })

  it('shows automatic subtitles when the audio is not in the interface language', () => {
    expect(chooseSubtitles(subtitles, 'auto', 'es', 'en')).toBe(1)
    expect(chooseSubtitles(subtitles, 'auto', 'es', 'spa')).toBe(-1)
    expect(chooseSubtitles(subtitles, 'auto', 'fi', 'en')).toBe(-1)
    expect(chooseSubtitles(subtitles, 'auto', 'es', '')).toBe(-1)
  })

  it('keeps only saved preferences that make sense', () => {
    expect(reviveAudioPreference('auto')).toBe('auto')
    expect(reviveAudioPreference('es')).toBe('es')
    expect(reviveAudioPreference('off')).toBeUndefined()
    expect(reviveAudioPreference(3)).toBeUndefined()
    expect(reviveSubtitlePreference('off')).toBe('off')
    expect(reviveSubtitlePreference('<script>')).toBeUndefined()
    expect(revivePreferences({ audioLanguage: 'es', subtitleLanguage: 'auto' })).toMatchObject({
      audioLanguage: 'es',
      subtitleLanguage: 'auto',
    })
    expect(revivePreferences({ audioLanguage: 12 })).not.toHaveProperty('audioLanguage')
  })

  it('steps through the choices, wrapping around', () => {
    const choices = ['off', 'auto', 'en', 'es']
    expect(stepChoice(choices, 'off', 1)).toBe('auto')
    expect(stepChoice(choices, 'es', 1)).toBe('off')
    expect(stepChoice(choices, 'off', -1)).toBe('es')
    expect(stepChoice(choices, 'fi', 1)).toBe('off')
  })
})
