import { Launch, Lightning, PlatformSettings, AppData } from '@lightningjs/sdk'
import { App } from './App'
import { buildKeyMap } from './platform/keys'
import { readSettings } from './platform/settings'
import { createLogger } from './platform/log'
import { provideContext } from './ui/context'
import { loadFontsInParallel } from './ui/fontLoader'
import { asyncScheduler, shareReplay } from 'rxjs'
import { createAppState } from './state/appState'
import { createLocalforageStore } from './state/storage/localforageStore'
import { createResilientStore } from './state/storage/resilientStore'
import { networkBack$, visibility$ } from './platform/lifecycle'
import { startFirebolt } from './platform/firebolt'
import { languagesOf, supportedLanguage } from './platform/languages'
import { fittedStage } from './platform/stage'
import { installTextRules } from './ui/text/bidiCanvas'
import { createBrowserSpeechEngine, setSpeechEngine, speechEngine } from './platform/speech'
import { createRdkSpeechEngine } from './platform/rdkSpeech'
import { platformVoiceGuidance$, setPlatformVoiceGuidance } from './platform/accessibility'

/** The composition root: settings are read once here and everything is wired from them. */
export default function (
  appSettings: Lightning.Application.Options & Record<string, unknown>,
  platformSettings: PlatformSettings,
  appData: AppData,
) {
  const log = createLogger('app')
  const { settings, warnings } = readSettings(appSettings)
  warnings.forEach((w) => log.warn(`settings.json: ${w}`))
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
  provideContext({ settings, log, state })
  // The page going away for good closes the state; a page kept in the back-forward cache
  // (persisted) may come back, so it keeps its state.
  window.addEventListener('pagehide', (event) => {
    if (!event.persisted) state.close()
  })
  // Before the first text is drawn: direction, emoji and cuts of every text (ui/text).
  installTextRules(Lightning.textures.TextTexture as unknown as Parameters<typeof installTextRules>[0])
  const platform = { ...platformSettings, fontLoader: loadFontsInParallel } as PlatformSettings
  const stage = fittedStage(appSettings.stage, platformSettings, window.innerWidth, window.innerHeight)
  const app = Launch(App, { ...appSettings, stage, keys: buildKeyMap() }, platform, appData)
  // The device shows the app once it has drawn something, not a blank surface.
  if (firebolt) app.stage.once('frameEnd', () => firebolt.ready())
  return app
}
