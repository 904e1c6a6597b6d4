import type { KanalSettings } from '../platform/settings'
import type { Logger } from '../platform/log'
import type { AppState } from '../state/appState'
import type { Pages } from './shell/pages'

/**
 * What the composition root (src/index.ts) hands to the UI: settings, the logger and, as the
 * features arrive, the stores. Lightning builds pages itself, so they cannot take constructor
 * arguments; this is the one place they read their dependencies from.
 */
export interface AppContext {
  settings: KanalSettings
  log: Logger
  /**
   * The stores: absent until the script loaded after the first frame has arrived (the boot
   * page shows until then), and in component tests that need none.
   */
  state?: AppState
  /** Loads that script and starts what it holds: the app state and the pages. */
  startLater?: () => Promise<LaterParts>
}

/** What the script loaded after the first frame (src/later.ts) starts. */
export interface LaterParts {
  state: AppState
  pages: Pages
}

let current: AppContext | undefined

export const provideContext = (context: AppContext): void => {
  current = context
}

export const appContext = (): AppContext => {
  if (!current) throw new Error('appContext() called before provideContext() in src/index.ts')
  return current
}
