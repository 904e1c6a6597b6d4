import {
  createBrowserSpeechEngine,
  speechEngine,
  setSpeechEngine,
  voiceFor,
} from '../../../src/platform/speech'

const voice = (lang: string, name = lang) => ({ lang, name }) as SpeechSynthesisVoice

class FakeUtterance {
  lang = ''
  voice: SpeechSynthesisVoice | null = null
  constructor(readonly text: string) {}
}

describe('the browser speech engine', () => {
  it('picks a voice of the language: exact first, then the same base language', () => {
    const voices = [voice('en-US'), voice('fi-FI'), voice('es-ES'), voice('es-MX')]
    expect(voiceFor(voices, 'es-MX')?.lang).toBe('es-MX')
    expect(voiceFor(voices, 'fi')?.lang).toBe('fi-FI')
    expect(voiceFor(voices, 'da')).toBeUndefined()
  })

  it('speaks an utterance in the language, with its voice when the browser has one', () => {
    const spoken: FakeUtterance[] = []
    let cancelled = 0
    const synthesis = {
      getVoices: () => [voice('da-DK')],
      speak: (u: FakeUtterance) => spoken.push(u),
      cancel: () => (cancelled += 1),
    }
    const engine = createBrowserSpeechEngine(() => ({
      synthesis: synthesis as unknown as SpeechSynthesis,
      Utterance: FakeUtterance as unknown as typeof SpeechSynthesisUtterance,
    }))
    engine.speak('Guide', 'da')
    engine.cancel()
    expect(spoken.map((u) => [u.text, u.lang, u.voice?.lang])).toEqual([['Guide', 'da', 'da-DK']])
    expect(cancelled).toBe(1)
  })

  it('stays silent, without failing, where there is no speechSynthesis', () => {
    const engine = createBrowserSpeechEngine(() => ({ synthesis: undefined, Utterance: undefined }))
    expect(() => {
      engine.speak('Guide', 'en')
      engine.cancel()
    }).not.toThrow()
  })

  it('lets a platform put its own engine in', () => {
    const before = speechEngine()
    const calls: string[] = []
    setSpeechEngine({ speak: (text) => calls.push(text), cancel: () => calls.push('cancel') })
    speechEngine().speak('Store', 'en')
    expect(calls).toEqual(['Store'])
    setSpeechEngine(before)
  })
})
