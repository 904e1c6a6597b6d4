import path from 'node:path'

export type ScenarioName = 'demo' | 'empty' | 'large'
export const SCENARIOS: readonly ScenarioName[] = ['demo', 'empty', 'large']
export const isScenarioName = (v: unknown): v is ScenarioName =>
  typeof v === 'string' && (SCENARIOS as readonly string[]).includes(v)

export interface ClockConfig {
  /** Unix seconds the simulator clock starts at; the real time when absent. */
  start?: number
  /** Simulated seconds per real second; 0 freezes the clock (what tests want). */
  speed?: number
}

/** How one simulator process is set up; every field can come from the environment. */
export interface SimulatorConfig {
  host: string
  port: number
  /** Folder of the built app (`lng build` output) served at `/`. */
  appDir: string
  /** Folder of the built QA console served at `/qa/` (default simulator/console/dist). */
  consoleDir?: string
  /** SQLite file, or ':memory:' for a throw-away database. */
  dbPath: string
  /** Merged into the app's settings.json as served, e.g. to turn the e2e test hooks on. */
  settingsOverride: Record<string, unknown>
  logRequests: boolean
  /** Scenario seeded into a database that has none yet (or whose guide no longer covers today). */
  scenario?: ScenarioName
  clock?: ClockConfig
  /** Document 000's "maximum cache time": the Recordings stamp moves at least this often. */
  maxCacheSeconds?: number
  /** Simulated seconds a purchased licence stays PROCESSING. */
  licenceProcessingSeconds?: number
  /** Simulated lifetime of a session token. */
  sessionSeconds?: number
  /** Seed of the guide generator and of the fault dice. */
  seed?: number
  /**
   * Scheme and host put before the paths of logo, stream and JSON:API link URLs, e.g.
   * `https://tv.example`; empty (the default): the URLs are root-relative (`/api/logos/ch1.png`).
   * Never taken from a request's Host header, which any caller chooses.
   */
  publicBaseUrl?: string
  /**
   * Origins whose pages may call /api cross-origin (a build served by another web server),
   * such as `http://tv.example:8000`; `*` (the default) allows any. /qa never allows another.
   */
  corsOrigins?: string[]
}

/** The optional fields with their defaults filled in. */
export type ResolvedConfig = Required<Omit<SimulatorConfig, 'clock'>> & { clock: ClockConfig }

const ROOT = path.resolve(__dirname, '..', '..')

const numberFrom = (value: string | undefined): number | undefined =>
  value !== undefined && value !== '' && Number.isFinite(Number(value)) ? Number(value) : undefined

const listFrom = (value: string | undefined): string[] | undefined => {
  const items = (value ?? '')
    .split(',')
    .map((v) => v.trim())
    .filter((v) => v !== '')
  return items.length > 0 ? items : undefined
}

export const defaultConfig = (env: NodeJS.ProcessEnv = process.env): SimulatorConfig => ({
  host: env.HOST ?? '127.0.0.1',
  port: numberFrom(env.PORT) ?? 8080,
  appDir: env.KANAL_APP_DIR ?? path.join(ROOT, 'build'),
  dbPath: env.KANAL_DB ?? path.join(ROOT, 'simulator', 'data', 'kanal.sqlite'),
  settingsOverride: {},
  logRequests: env.KANAL_LOG_REQUESTS === '1',
  scenario: isScenarioName(env.KANAL_SCENARIO) ? env.KANAL_SCENARIO : 'demo',
  clock: { start: numberFrom(env.KANAL_CLOCK_START), speed: numberFrom(env.KANAL_CLOCK_SPEED) },
  publicBaseUrl: env.KANAL_PUBLIC_URL ?? '',
  corsOrigins: listFrom(env.KANAL_CORS_ORIGINS) ?? ['*'],
})

export const resolveConfig = (config: SimulatorConfig): ResolvedConfig => ({
  ...config,
  scenario: config.scenario ?? 'demo',
  clock: config.clock ?? {},
  consoleDir: config.consoleDir ?? path.join(ROOT, 'simulator', 'console', 'dist'),
  maxCacheSeconds: config.maxCacheSeconds ?? 24 * 3600,
  licenceProcessingSeconds: config.licenceProcessingSeconds ?? 5,
  sessionSeconds: config.sessionSeconds ?? 30 * 24 * 3600,
  seed: config.seed ?? 20250115,
  publicBaseUrl: (config.publicBaseUrl ?? '').replace(/\/+$/, ''),
  corsOrigins: config.corsOrigins ?? ['*'],
})
