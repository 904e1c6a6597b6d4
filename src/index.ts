import { Launch, Lightning, PlatformSettings, AppData } from '@lightningjs/sdk'
import { App } from './App'
import { buildKeyMap } from './platform/keys'
import { readSettings } from './platform/settings'
import { createLogger } from './platform/log'
import { provideContext } from './ui/context'
import { loadFontsInParallel } from './ui/fontLoader'
import { fittedStage } from './platform/stage'
import { installTextRules } from './ui/text/bidiCanvas'

/**
 * The composition root's first half, in the script evaluated before the first frame: settings,
 * the stage, the fonts and the app's shell with its boot page. The app state, the platform's
 * services and the pages are in src/later.ts, a script of its own that the boot page loads
 * once it is drawn (`startLater` in the context).
 */
export default function (
  appSettings: Lightning.Application.Options & Record<string, unknown>,
  platformSettings: PlatformSettings,
  appData: AppData,
) {
  const log = createLogger('app')
  const { settings, warnings } = readSettings(appSettings)
  warnings.forEach((w) => log.warn(`settings.json: ${w}`))
  provideContext({
    settings,
    log,
    startLater: () => import('./later').then((later) => later.startLater(settings, platformSettings)),
  })
  // Before the first text is drawn: direction, emoji and cuts of every text (ui/text).
  installTextRules(Lightning.textures.TextTexture as unknown as Parameters<typeof installTextRules>[0])
  const platform = { ...platformSettings, fontLoader: loadFontsInParallel } as PlatformSettings
  const stage = fittedStage(appSettings.stage, platformSettings, window.innerWidth, window.innerHeight)
  return Launch(App, { ...appSettings, stage, keys: buildKeyMap() }, platform, appData)
}
