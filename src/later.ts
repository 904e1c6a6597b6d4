import { asyncScheduler, shareReplay } from 'rxjs'
import type { PlatformSettings } from '@lightningjs/sdk'
import type { KanalSettings } from './platform/settings'
import { createLogger } from './platform/log'
import { createAppState } from './state/appState'
import { createLocalforageStore } from './state/storage/localforageStore'
import { createResilientStore } from './state/storage/resilientStore'
import { networkBack$, visibility$ } from './platform/lifecycle'
import { startFirebolt } from './platform/firebolt'
import { languagesOf, supportedLanguage } from './platform/languages'
import { createBrowserSpeechEngine, setSpeechEngine, speechEngine } from './platform/speech'
import { createRdkSpeechEngine } from './platform/rdkSpeech'
import { platformVoiceGuidance$, setPlatformVoiceGuidance } from './platform/accessibility'
import { PAGES } from './ui/shell/pages'
import type { LaterParts } from './ui/context'

/**
 * The second half of the composition root (src/index.ts has the first): the part of the app the
 * first frame does not need, in a script of its own that the boot page loads once it is drawn.
 * It wires the app state, the platform's services and the pages.
 */
export const startLater = (settings: KanalSettings, platformSettings: PlatformSettings): LaterParts => {
  // Undefined in a plain browser: then nothing of Firebolt is loaded or called.
  const firebolt = startFirebolt(window, createLogger('firebolt'))
  // The device's accessibility setting is voice guidance's default before the operator's.
  firebolt?.watchVoiceGuidance(setPlatformVoiceGuidance)
  // RDK's text-to-speech only where settings.json names Thunder's endpoint: a plain browser
  // never probes a port. The browser's engine speaks whatever the box cannot.
  if (settings.rdkTextToSpeech) {
    setSpeechEngine(
      createRdkSpeechEngine({
        url: settings.rdkTextToSpeech,
        fallback: createBrowserSpeechEngine(),
        log: createLogger('speech'),
      }),
    )
  }
  const staticPath = typeof platformSettings.path === 'string' ? platformSettings.path : './static'
  const platformLanguage = firebolt
    ? async () => {
        const [language, translations] = await Promise.all([
          firebolt.language(),
          fetch(`${staticPath}/translations.json`).then((r) => (r.ok ? r.json() : undefined) as unknown),
        ])
        return supportedLanguage(language, languagesOf(translations))
      }
    : undefined
  // The one place with the real clock, randomness and browser: everything below gets them.
  const state = createAppState({
    settings,
    apiBaseUrl: new URL(settings.apiBaseUrl, window.location.href).toString(),
    storage: createResilientStore(createLocalforageStore(), createLogger('storage')),
    scheduler: asyncScheduler,
    random: Math.random,
    nowMs: () => Date.now(),
    // One subscription to the page and the platform, shared by the poller and the player.
    visible$: visibility$(document, firebolt?.foreground$).pipe(
      shareReplay({ bufferSize: 1, refCount: true }),
    ),
    networkBack$: networkBack$(window),
    newDeviceId: () =>
      typeof crypto.randomUUID === 'function'
        ? crypto.randomUUID()
        : `box-${Math.random().toString(36).slice(2)}`,
    ...(firebolt ? { deviceName: () => firebolt.deviceName() } : {}),
    ...(platformLanguage ? { platformLanguage } : {}),
    log: createLogger('state'),
    // Read at each call: a platform may put in its own engine after start.
    speech: {
      speak: (text, lang) => speechEngine().speak(text, lang),
      cancel: () => speechEngine().cancel(),
    },
    platformVoiceGuidance$,
  })
  // The page going away for good closes the state; a page kept in the back-forward cache
  // (persisted) may come back, so it keeps its state.
  window.addEventListener('pagehide', (event) => {
    if (!event.persisted) state.close()
  })
  // The device shows the app once it has drawn something: the boot page has been.
  firebolt?.ready()
  return { state, pages: PAGES }
}
