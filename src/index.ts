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
import { installTextRules } from './ui/text/bidiCanvas'

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
  return Launch(App, { ...appSettings, keys: buildKeyMap() }, platform, appData)
}
