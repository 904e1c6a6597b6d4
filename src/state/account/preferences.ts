import { BehaviorSubject, Observable, distinctUntilChanged, map } from 'rxjs'
import type { Logger } from '../../platform/log'
import {
  AUDIO_AUTO,
  SUBTITLES_OFF,
  type AudioPreference,
  type SubtitlePreference,
} from '../../domain/trackChoice'
import { clampPollPeriod, revivePreferences, type Preferences } from '../../domain/preferences'
import type { KeyValueStore } from '../storage/keyValueStore'

export interface PreferencesOptions {
  storage: KeyValueStore
  /** What applies while the viewer chose nothing (settings.json). */
  defaults: { language: string; pollPeriodSeconds: number }
  /**
   * The device's own interface language (Firebolt's Localization), one the app has
   * translations for, or undefined: it comes before the settings' default.
   */
  platformLanguage?: () => Promise<string | undefined>
  log: Logger
}

const KEY = 'preferences'

/**
 * The viewer's preferences, kept on the box (not per user: the language is the TV's): the
 * interface language, read before the first page so that the app starts in it, the poll
 * period of the timestamps (document 000), within its range, voice guidance on or off and the
 * audio and subtitle languages. A storage failure keeps the
 * choice for the session and says so in the log; it never stops the app.
 */
export interface PreferencesStore {
  /** Reads the saved preferences once; later calls share the first read. */
  load(): Promise<Preferences>
  /** Replays the current preferences. */
  state$: Observable<Preferences>
  readonly current: Preferences
  language(): Promise<string>
  /** The poll period in force (saved or default); replays the current one. */
  pollPeriodSeconds$: Observable<number>
  pollPeriodSeconds(): number
  setLanguage(language: string): Promise<void>
  setPollPeriod(seconds: number): Promise<void>
  /** The viewer's own voice-guidance choice (undefined: never made); replays the current one. */
  voiceGuidance$: Observable<boolean | undefined>
  setVoiceGuidance(on: boolean): Promise<void>
  /** The audio and subtitle languages the player picks on every zap ('auto' and 'off' unless chosen). */
  readonly tracks: { audio: AudioPreference; subtitles: SubtitlePreference }
  setAudioLanguage(preference: AudioPreference): Promise<void>
  setSubtitleLanguage(preference: SubtitlePreference): Promise<void>
  /** The app closes: the streams complete. */
  dispose(): void
}

export const createPreferencesStore = (options: PreferencesOptions): PreferencesStore => {
  const { storage, defaults, log } = options
  const state = new BehaviorSubject<Preferences>({
    language: undefined,
    pollPeriodSeconds: undefined,
    voiceGuidance: undefined,
  })
  let loading: Promise<Preferences> | undefined

  const load = (): Promise<Preferences> => {
    loading ??= storage.getItem(KEY).then(
      (raw) => {
        const saved = revivePreferences(raw)
        state.next(saved)
        return saved
      },
      () => {
        log.warn('preferences: not readable; using the defaults')
        return state.value
      },
    )
    return loading
  }

  const write = async (next: Preferences): Promise<void> => {
    state.next(next)
    try {
      await storage.setItem(KEY, next)
    } catch {
      log.warn('preferences: not saved; they will last until the app closes')
    }
  }

  return {
    load,
    state$: state.asObservable(),
    get current(): Preferences {
      return state.value
    },
    /** The language to start in: the saved one, else the device's, else the settings' default. */
    async language(): Promise<string> {
      const saved = (await load()).language
      if (saved !== undefined) return saved
      const platform = await options.platformLanguage?.().catch(() => undefined)
      return platform ?? defaults.language
    },
    /** The poll period in force, as it changes (the saved one, else the settings'). */
    pollPeriodSeconds$: state.pipe(
      map((p) => p.pollPeriodSeconds ?? defaults.pollPeriodSeconds),
      distinctUntilChanged(),
    ),
    pollPeriodSeconds(): number {
      return state.value.pollPeriodSeconds ?? defaults.pollPeriodSeconds
    },
    async setLanguage(language: string): Promise<void> {
      await load()
      await write({ ...state.value, language })
    },
    async setPollPeriod(seconds: number): Promise<void> {
      await load()
      await write({ ...state.value, pollPeriodSeconds: clampPollPeriod(seconds) })
    },
    voiceGuidance$: state.pipe(
      map((p) => p.voiceGuidance),
      distinctUntilChanged(),
    ),
    async setVoiceGuidance(on: boolean): Promise<void> {
      await load()
      await write({ ...state.value, voiceGuidance: on })
    },
    get tracks() {
      return {
        audio: state.value.audioLanguage ?? AUDIO_AUTO,
        subtitles: state.value.subtitleLanguage ?? SUBTITLES_OFF,
      }
    },
    async setAudioLanguage(audioLanguage: AudioPreference): Promise<void> {
      await load()
      await write({ ...state.value, audioLanguage })
    },
    async setSubtitleLanguage(subtitleLanguage: SubtitlePreference): Promise<void> {
      await load()
      await write({ ...state.value, subtitleLanguage })
    },
    dispose() {
      state.complete()
    },
  }
}
