import { Launch, Lightning, PlatformSettings, AppData } from '@lightningjs/sdk'
import { App } from './App'
import { buildKeyMap } from './platform/keys'
import { readSettings } from './platform/settings'
import { createLogger } from './platform/log'
import { provideContext } from './ui/context'
import { loadFontsInParallel } from './ui/fontLoader'
import { asyncScheduler } from 'rxjs'
import { createAppState } from './state/appState'
import { createLocalforageStore } from './state/storage/localforageStore'
import { createResilientStore } from './state/storage/resilientStore'
import { networkBack$, visibility$ } from './platform/lifecycle'
import { speechEngine } from './platform/speech'
import { platformVoiceGuidance$ } from './platform/accessibility'

/** The composition root: settings are read once here and everything is wired from them. */
export default function (
  appSettings: Lightning.Application.Options & Record<string, unknown>,
  platformSettings: PlatformSettings,
  appData: AppData,
) {
  const log = createLogger('app')
  const { settings, warnings } = readSettings(appSettings)
  warnings.forEach((w) => log.warn(`settings.json: ${w}`))
  // The one place with the real clock, randomness and browser: everything below gets them.
  const state = createAppState({
    settings,
    apiBaseUrl: new URL(settings.apiBaseUrl, window.location.href).toString(),
    storage: createResilientStore(createLocalforageStore(), createLogger('storage')),
    scheduler: asyncScheduler,
    random: Math.random,
    nowMs: () => Date.now(),
    visible$: visibility$(document),
    networkBack$: networkBack$(window),
    newDeviceId: () =>
      typeof crypto.randomUUID === 'function'
        ? crypto.randomUUID()
        : `box-${Math.random().toString(36).slice(2)}`,
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
  const platform = { ...platformSettings, fontLoader: loadFontsInParallel } as PlatformSettings
  return Launch(App, { ...appSettings, keys: buildKeyMap() }, platform, appData)
}
