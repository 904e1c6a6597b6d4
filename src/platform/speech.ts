/**
 * The seam to the box's text-to-speech: the browser's `speechSynthesis` by default; a platform
 * (Firebolt, RDK) puts its own engine in with `setSpeechEngine` at start. Everything that
 * speaks goes through `speechEngine()`, read at each call, so a late swap still applies.
 */
export interface SpeechEngine {
  speak(text: string, lang: string): void
  cancel(): void
}

interface BrowserSpeech {
  synthesis: SpeechSynthesis | undefined
  Utterance: typeof SpeechSynthesisUtterance | undefined
}

const browserSpeech = (): BrowserSpeech => {
  const w = typeof window === 'undefined' ? undefined : window
  return {
    synthesis: w?.speechSynthesis,
    Utterance: w?.SpeechSynthesisUtterance,
  }
}

/** The voice for a language ("fi" or "fi-FI"): an exact match first, then one of the same language. */
export const voiceFor = (
  voices: readonly SpeechSynthesisVoice[],
  lang: string,
): SpeechSynthesisVoice | undefined => {
  const wanted = lang.toLowerCase()
  const base = wanted.split('-')[0] ?? wanted
  return (
    voices.find((v) => v.lang.toLowerCase() === wanted) ??
    voices.find((v) => (v.lang.toLowerCase().split(/[-_]/)[0] ?? '') === base)
  )
}

/**
 * The browser's engine. A box without `speechSynthesis` (or whose engine throws) stays silent:
 * voice guidance must never stop the app.
 */
export const createBrowserSpeechEngine = (source: () => BrowserSpeech = browserSpeech): SpeechEngine => ({
  speak(text, lang) {
    const { synthesis, Utterance } = source()
    if (!synthesis || !Utterance) return
    try {
      const utterance = new Utterance(text)
      utterance.lang = lang
      const voice = voiceFor(synthesis.getVoices(), lang)
      if (voice) utterance.voice = voice
      synthesis.speak(utterance)
    } catch {
      // Silence is the only fallback there is.
    }
  },
  cancel() {
    try {
      source().synthesis?.cancel()
    } catch {
      // As above.
    }
  },
})

let engine: SpeechEngine = createBrowserSpeechEngine()

export const setSpeechEngine = (next: SpeechEngine): void => {
  engine = next
}

export const speechEngine = (): SpeechEngine => engine
