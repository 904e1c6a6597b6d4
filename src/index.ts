import { Launch, Lightning, PlatformSettings, AppData } from '@lightningjs/sdk'
import { App } from './App'
import { buildKeyMap } from './platform/keys'
import { readSettings } from './platform/settings'
import { createLogger } from './platform/log'
import { provideContext } from './ui/context'
import { loadFontsInParallel } from './ui/fontLoader'

/** The composition root: settings are read once here and everything is wired from them. */
export default function (
  appSettings: Lightning.Application.Options & Record<string, unknown>,
  platformSettings: PlatformSettings,
  appData: AppData,
) {
  const log = createLogger('app')
  const { settings, warnings } = readSettings(appSettings)
  warnings.forEach((w) => log.warn(`settings.json: ${w}`))
  provideContext({ settings, log })
  const platform = { ...platformSettings, fontLoader: loadFontsInParallel } as PlatformSettings
  return Launch(App, { ...appSettings, keys: buildKeyMap() }, platform, appData)
}
