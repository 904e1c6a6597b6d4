import type { KanalSettings } from '../platform/settings'
import type { Logger } from '../platform/log'
import type { AppState } from '../state/appState'

/**
 * What the composition root (src/index.ts) hands to the UI: settings, the logger and, as the
 * features arrive, the stores. Lightning builds pages itself, so they cannot take constructor
 * arguments; this is the one place they read their dependencies from.
 */
export interface AppContext {
  settings: KanalSettings
  log: Logger
  /** The stores; absent in component tests that need none. */
  state?: AppState
}

let current: AppContext | undefined

export const provideContext = (context: AppContext): void => {
  current = context
}

export const appContext = (): AppContext => {
  if (!current) throw new Error('appContext() called before provideContext() in src/index.ts')
  return current
}
