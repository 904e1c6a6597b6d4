import { PreferencesSection, type PreferencesInput } from '../../../../src/ui/account/PreferencesSection'
import type { AccountRow } from '../../../../src/ui/account/AccountRow'
import { mount } from '../../../helpers/lightning'

// No translations are loaded in unit tests: t() shows the keys.
const input: PreferencesInput = {
  languages: [
    { code: 'en', name: 'English' },
    { code: 'es', name: 'Español' },
  ],
  language: 'en',
  pollPeriodSeconds: 900,
  voiceGuidance: false,
  audioLanguage: 'auto',
  subtitleLanguage: 'off',
  userName: 'Anna',
}

const intents = () => ({
  setLanguage: jest.fn(),
  setPollPeriod: jest.fn(),
  setVoiceGuidance: jest.fn(),
  setAudioLanguage: jest.fn(),
  setSubtitleLanguage: jest.fn(),
  setParental: jest.fn(),
  changePin: jest.fn(),
  signOut: jest.fn(),
  signIn: jest.fn(),
})

describe('the audio and subtitle preferences', () => {
  it('step through Automatic (and Off) and the languages, and are saved with OK', () => {
    const m = mount(PreferencesSection)
    const sent = intents()
    m.subject.intents = sent
    m.subject.show(input)
    m.press('Down', 'Down', 'Down')
    const row = (): AccountRow => m.focused() as unknown as AccountRow
    expect(row().model).toMatchObject({ label: 'account.prefs.audio', value: 'account.prefs.tracks.auto' })
    m.press('Right', 'Right')
    expect(row().model).toMatchObject({ value: 'Español', note: 'account.prefs.poll.dirty' })
    m.press('Enter')
    expect(sent.setAudioLanguage).toHaveBeenCalledWith('es')
    m.press('Down')
    expect(row().model).toMatchObject({ label: 'account.prefs.subtitles', value: 'account.prefs.tracks.off' })
    m.press('Left')
    expect(row().model?.value).toBe('Español')
    m.press('Left', 'Left')
    expect(row().model?.value).toBe('account.prefs.tracks.auto')
    m.press('Enter')
    expect(sent.setSubtitleLanguage).toHaveBeenCalledWith('auto')
    m.destroy()
  })

  it('puts back what was saved on Back', () => {
    const m = mount(PreferencesSection)
    m.subject.intents = intents()
    m.subject.show({ ...input, subtitleLanguage: 'en' })
    m.press('Down', 'Down', 'Down', 'Down', 'Right')
    const row = (): AccountRow => m.focused() as unknown as AccountRow
    expect(row().model?.value).toBe('Español')
    m.press('Back')
    expect(row().model?.value).toBe('English')
    m.destroy()
  })
})
