import path from 'node:path'

/** How one simulator process is set up; every field can come from the environment. */
export interface SimulatorConfig {
  host: string
  port: number
  /** Folder of the built app (`lng build` output) served at `/`. */
  appDir: string
  /** SQLite file, or ':memory:' for a throw-away database. */
  dbPath: string
  /** Merged into the app's settings.json as served, e.g. to turn the e2e test hooks on. */
  settingsOverride: Record<string, unknown>
  logRequests: boolean
}

const ROOT = path.resolve(__dirname, '..', '..')

export const defaultConfig = (env: NodeJS.ProcessEnv = process.env): SimulatorConfig => ({
  host: env.HOST ?? '127.0.0.1',
  port: env.PORT !== undefined && env.PORT !== '' ? Number(env.PORT) : 8080,
  appDir: env.KANAL_APP_DIR ?? path.join(ROOT, 'build'),
  dbPath: env.KANAL_DB ?? path.join(ROOT, 'simulator', 'data', 'kanal.sqlite'),
  settingsOverride: {},
  logRequests: env.KANAL_LOG_REQUESTS === '1',
})
