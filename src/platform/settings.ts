/**
 * Kanal's own settings, read from the `appSettings` block of settings.json. The same build
 * points at the simulator or at a real operator by editing that file, nothing else.
 * Anything missing or of the wrong type falls back to a default and is reported, never thrown.
 */
export const MIN_POLL_PERIOD_SECONDS = 300
/** A collapse window longer than this would swallow the checks that opening a screen asks for. */
export const MAX_POLL_COLLAPSE_SECONDS = 60
/** How often the player renews its grant: a withdrawn right ends playback within this. */
export const PLAYBACK_CHECK_RANGE = { min: 2, max: 300 } as const
/**
 * How old the cached parental settings may get before they are fetched again, stamp or not: the
 * longest an EnablePin made on another device (which moves no stamp) takes to reach the box.
 */
export const PARENTAL_MAX_AGE_RANGE = { min: 5, max: 86400 } as const
/** The pause before voice guidance speaks, in ms: long enough to keep scrolling quiet. */
export const VOICE_DELAY_RANGE = { min: 0, max: 2000 } as const
/** How long a stream may keep reconnecting (seconds) before the player shows its message. */
export const STREAM_RETRY_RANGE = { min: 1, max: 120 } as const
/** The pause in typing before a search is sent, in ms. */
export const SEARCH_DEBOUNCE_RANGE = { min: 0, max: 2000 } as const
/** How long a reminder's notice stays before it hides by itself, in seconds. */
export const REMINDER_NOTICE_RANGE = { min: 3, max: 600 } as const
/** How long before a reminded programme starts it is checked against the guide, in seconds. */
export const REMINDER_CHECK_AHEAD_RANGE = { min: 0, max: 86400 } as const
/** How often, within that, it is checked again, in seconds. */
export const REMINDER_CHECK_EVERY_RANGE = { min: 1, max: 3600 } as const

export interface KanalSettings {
  /** Base URL of the operator APIs, absolute or relative to the page. */
  apiBaseUrl: string
  /** Period of the GetUserTimestamps poll; never below MIN_POLL_PERIOD_SECONDS. */
  pollPeriodSeconds: number
  /** Relative jitter of each next poll, 0..0.5. */
  pollJitter: number
  /**
   * Checks the viewer triggers (a screen opened, the app back in front) within this many
   * seconds of the last one ride on it instead of asking again; 0..MAX_POLL_COLLAPSE_SECONDS.
   */
  pollCollapseSeconds: number
  /**
   * Period of the player's grant renewal (KeepPlayback), in seconds: a right withdrawn while
   * watching stops playback within one period; PLAYBACK_CHECK_RANGE.
   */
  playbackCheckSeconds: number
  /** Parental settings are fetched again at this age (seconds); PARENTAL_MAX_AGE_RANGE. */
  parentalMaxAgeSeconds: number
  /**
   * How long a stream may keep reconnecting (hls.js retrying a transient error, a live stream
   * that stopped coming) before the player stops with a message, in seconds; STREAM_RETRY_RANGE.
   */
  streamRetrySeconds: number
  /** Interface language, such as "en". */
  locale: string
  /** The operator's default for voice guidance (the platform's setting and the viewer's win). */
  voiceGuidance: boolean
  /** Milliseconds of quiet after a focus change before it is spoken; VOICE_DELAY_RANGE. */
  voiceGuidanceDelayMs: number
  /** Exposes a read-only window.__kanal for the e2e tests. */
  testHooks: boolean
  /** The pause in typing before a search is sent (ms); SEARCH_DEBOUNCE_RANGE. */
  searchDebounceMs: number
  /** Seconds a reminder's notice stays on screen; REMINDER_NOTICE_RANGE. */
  reminderNoticeSeconds: number
  /** A reminded programme is asked for again this many seconds before it starts. */
  reminderCheckAheadSeconds: number
  /** ...and again every this many seconds until it starts. */
  reminderCheckEverySeconds: number
  /**
   * The JSON-RPC WebSocket of RDK's Thunder (such as `ws://127.0.0.1:9998/jsonrpc`, with a
   * `?token=` where the box asks for one): when set, voice guidance speaks through its
   * `org.rdk.TextToSpeech` plugin. Absent by default, because a plain browser must never probe
   * a port on the machine it runs on.
   */
  rdkTextToSpeech?: string
}

export const DEFAULT_SETTINGS: Readonly<KanalSettings> = {
  apiBaseUrl: '/api',
  pollPeriodSeconds: 900,
  pollJitter: 0.2,
  pollCollapseSeconds: 10,
  playbackCheckSeconds: 20,
  parentalMaxAgeSeconds: 900,
  streamRetrySeconds: 20,
  locale: 'en',
  voiceGuidance: false,
  voiceGuidanceDelayMs: 300,
  testHooks: false,
  searchDebounceMs: 350,
  reminderNoticeSeconds: 60,
  reminderCheckAheadSeconds: 300,
  reminderCheckEverySeconds: 120,
}

export interface SettingsResult {
  settings: KanalSettings
  /** One readable line per value that was missing, malformed or out of range. */
  warnings: string[]
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)

export const readSettings = (raw: unknown): SettingsResult => {
  const warnings: string[] = []
  const src = isRecord(raw) ? raw : {}
  if (!isRecord(raw)) warnings.push('appSettings is not an object; using defaults')

  const pick = <K extends keyof KanalSettings>(
    key: K,
    valid: (v: unknown) => v is KanalSettings[K],
  ): KanalSettings[K] => {
    const value = src[key]
    if (value === undefined) return DEFAULT_SETTINGS[key]
    if (valid(value)) return value
    warnings.push(
      `${key}: ${JSON.stringify(value)} is not valid; using ${JSON.stringify(DEFAULT_SETTINGS[key])}`,
    )
    return DEFAULT_SETTINGS[key]
  }
  const isNonEmptyString = (v: unknown): v is string => typeof v === 'string' && v.trim() !== ''
  const isFiniteNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v)
  const isBoolean = (v: unknown): v is boolean => typeof v === 'boolean'

  let pollPeriodSeconds = pick('pollPeriodSeconds', isFiniteNumber)
  if (pollPeriodSeconds < MIN_POLL_PERIOD_SECONDS) {
    warnings.push(
      `pollPeriodSeconds: ${pollPeriodSeconds} is below the ${MIN_POLL_PERIOD_SECONDS} s minimum of the operator; clamped`,
    )
    pollPeriodSeconds = MIN_POLL_PERIOD_SECONDS
  }
  /** A number setting kept within [min, max]; a value outside is clamped and reported. */
  const pickInRange = (
    key:
      | 'pollJitter'
      | 'pollCollapseSeconds'
      | 'playbackCheckSeconds'
      | 'voiceGuidanceDelayMs'
      | 'parentalMaxAgeSeconds'
      | 'streamRetrySeconds'
      | 'searchDebounceMs'
      | 'reminderNoticeSeconds'
      | 'reminderCheckAheadSeconds'
      | 'reminderCheckEverySeconds',
    min: number,
    max: number,
  ): number => {
    const value = pick(key, isFiniteNumber)
    if (value >= min && value <= max) return value
    const clamped = Math.min(max, Math.max(min, value))
    warnings.push(`${key}: ${value} is outside ${min}..${max}; clamped to ${clamped}`)
    return clamped
  }
  const pollJitter = pickInRange('pollJitter', 0, 0.5)
  const pollCollapseSeconds = pickInRange('pollCollapseSeconds', 0, MAX_POLL_COLLAPSE_SECONDS)
  const playbackCheckSeconds = pickInRange(
    'playbackCheckSeconds',
    PLAYBACK_CHECK_RANGE.min,
    PLAYBACK_CHECK_RANGE.max,
  )
  const parentalMaxAgeSeconds = pickInRange(
    'parentalMaxAgeSeconds',
    PARENTAL_MAX_AGE_RANGE.min,
    PARENTAL_MAX_AGE_RANGE.max,
  )
  const streamRetrySeconds = pickInRange('streamRetrySeconds', STREAM_RETRY_RANGE.min, STREAM_RETRY_RANGE.max)
  const voiceGuidanceDelayMs = pickInRange(
    'voiceGuidanceDelayMs',
    VOICE_DELAY_RANGE.min,
    VOICE_DELAY_RANGE.max,
  )

  const range = (
    key:
      | 'searchDebounceMs'
      | 'reminderNoticeSeconds'
      | 'reminderCheckAheadSeconds'
      | 'reminderCheckEverySeconds',
    r: { min: number; max: number },
  ): number => pickInRange(key, r.min, r.max)
  const searchDebounceMs = range('searchDebounceMs', SEARCH_DEBOUNCE_RANGE)
  const reminderNoticeSeconds = range('reminderNoticeSeconds', REMINDER_NOTICE_RANGE)
  const reminderCheckAheadSeconds = range('reminderCheckAheadSeconds', REMINDER_CHECK_AHEAD_RANGE)
  const reminderCheckEverySeconds = range('reminderCheckEverySeconds', REMINDER_CHECK_EVERY_RANGE)

  const rdkTextToSpeech = readWebSocketUrl(src.rdkTextToSpeech, 'rdkTextToSpeech', warnings)

  return {
    settings: {
      apiBaseUrl: pick('apiBaseUrl', isNonEmptyString).replace(/\/+$/, ''),
      pollPeriodSeconds,
      pollJitter,
      pollCollapseSeconds,
      playbackCheckSeconds,
      streamRetrySeconds,
      locale: pick('locale', isNonEmptyString),
      voiceGuidance: pick('voiceGuidance', isBoolean),
      voiceGuidanceDelayMs,
      parentalMaxAgeSeconds,
      testHooks: pick('testHooks', isBoolean),
      searchDebounceMs,
      reminderNoticeSeconds,
      reminderCheckAheadSeconds,
      reminderCheckEverySeconds,
      ...(rdkTextToSpeech === undefined ? {} : { rdkTextToSpeech }),
    },
    warnings,
  }
}

/**
 * A ws:// or wss:// URL, or undefined (with a warning when something else was given). The
 * warning names only the scheme and host: the URL may carry the box's security token.
 */
const readWebSocketUrl = (value: unknown, key: string, warnings: string[]): string | undefined => {
  if (value === undefined) return undefined
  if (typeof value !== 'string' || value.trim() === '') {
    warnings.push(`${key}: not a ws:// or wss:// URL; not used`)
    return undefined
  }
  let url: URL
  try {
    url = new URL(value.trim())
  } catch {
    warnings.push(`${key}: not a valid URL; not used`)
    return undefined
  }
  if (url.protocol !== 'ws:' && url.protocol !== 'wss:') {
    warnings.push(`${key}: ${url.protocol}//${url.host} is not a ws:// or wss:// URL; not used`)
    return undefined
  }
  return url.toString()
}
