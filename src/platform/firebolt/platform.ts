import { Observable, catchError, defer, distinctUntilChanged, from, of, shareReplay, switchMap } from 'rxjs'
import type { Logger } from '../log'
import type { FireboltSdk } from './sdk'

/**
 * What Kanal takes from a Firebolt device: whether the app is in front, the device's language
 * and name, its voice guidance setting, and the moment to say the app is ready. Every call
 * goes through the SDK promise: a device whose SDK fails to load or answer leaves the app as
 * a plain browser would have it (in front, settings' language, default device name).
 */
export interface FireboltPlatform {
  /** False while the device keeps the app in background, inactive, suspended or unloading. */
  foreground$: Observable<boolean>
  /** Lifecycle.ready(): the first frame is drawn, the device may show the app. */
  ready(): void
  /** The device's interface language as an ISO 639-1 code ("es" from the locale "es-ES"), if it says. */
  language(): Promise<string | undefined>
  /** The name the viewer gave the device, else its model, if it says. */
  deviceName(): Promise<string | undefined>
  /**
   * Reports the device's voice guidance setting now and on every change (undefined when the
   * device cannot tell); returns what stops listening.
   */
  watchVoiceGuidance(onChange: (on: boolean | undefined) => void): () => void
}

/** Lifecycle states in which the app is on screen; 'initializing' is the app being drawn. */
const IN_FRONT = new Set(['foreground', 'initializing'])

/** "es-ES", "ES", " es " all mean the interface language "es"; anything else is no answer. */
export const languageCodeOf = (raw: unknown): string | undefined => {
  if (typeof raw !== 'string') return undefined
  const primary = raw.trim().split(/[-_]/)[0]?.toLowerCase() ?? ''
  return /^[a-z]{2,3}$/.test(primary) ? primary : undefined
}

/** Device names are free text from the platform: trimmed, at most 64 characters, never empty. */
export const deviceNameOf = (name: unknown, model: unknown): string | undefined => {
  for (const candidate of [name, model]) {
    if (typeof candidate === 'string' && candidate.trim() !== '') return candidate.trim().slice(0, 64)
  }
  return undefined
}

export const createFireboltPlatform = (sdk: Promise<FireboltSdk>, log: Logger): FireboltPlatform => {
  const failed = (what: string) => (error: unknown) => {
    log.warn(`firebolt: ${what} failed`, error)
    return undefined
  }
  // Reported once; each caller below then falls back on its own.
  sdk.catch(failed('loading the SDK'))

  const foreground$ = defer(() => from(sdk)).pipe(
    switchMap(
      (s) =>
        new Observable<boolean>((subscriber) => {
          subscriber.next(IN_FRONT.has(s.Lifecycle.state()))
          let id: number | undefined
          let closed = false
          s.Lifecycle.listen((event) => subscriber.next(IN_FRONT.has(event))).then(
            (listenerId) => (closed ? s.Lifecycle.clear(listenerId) : (id = listenerId)),
            failed('Lifecycle.listen'),
          )
          return () => {
            closed = true
            if (id !== undefined) s.Lifecycle.clear(id)
          }
        }),
    ),
    catchError(() => of(true)),
    distinctUntilChanged(),
    // One listener on the device however many parts of the app follow the lifecycle.
    shareReplay({ bufferSize: 1, refCount: true }),
  )

  return {
    foreground$,
    ready() {
      sdk.then((s) => s.Lifecycle.ready()).catch(failed('Lifecycle.ready'))
    },
    language: () =>
      sdk
        // Localization.language() is deprecated in favour of the locale ("es-ES").
        .then((s) => s.Localization.locale())
        .then(languageCodeOf)
        .catch(failed('Localization.locale')),
    deviceName: () =>
      sdk
        .then(async (s) => {
          const name = await s.Device.name().catch(() => undefined)
          return deviceNameOf(name, name ? undefined : await s.Device.model())
        })
        .catch(failed('Device.name')),
    watchVoiceGuidance(onChange) {
      let stopped = false
      let id: number | undefined
      const report = (on: boolean | undefined) => {
        if (!stopped) onChange(on)
      }
      sdk
        .then(async (s) => {
          const listenerId = await s.Accessibility.listen('voiceGuidanceSettingsChanged', (settings) =>
            report(typeof settings?.enabled === 'boolean' ? settings.enabled : undefined),
          )
          if (stopped) s.Accessibility.clear(listenerId)
          else id = listenerId
          const settings = await s.Accessibility.voiceGuidanceSettings()
          report(typeof settings?.enabled === 'boolean' ? settings.enabled : undefined)
        })
        .catch((error: unknown) => {
          failed('Accessibility.voiceGuidanceSettings')(error)
          report(undefined)
        })
      return () => {
        stopped = true
        if (id !== undefined) void sdk.then((s) => id !== undefined && s.Accessibility.clear(id))
      }
    },
  }
}
