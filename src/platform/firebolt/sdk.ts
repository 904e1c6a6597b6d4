/**
 * The part of the Firebolt SDK that Kanal uses, typed after the SDK's own typings (entry.ts
 * checks that the real modules fit). The SDK is about 10 kB min+gzip, so it is built as a
 * chunk of its own (lib/firebolt.js, see scripts/postbuild.mjs) that only a Firebolt device
 * loads: a plain browser never downloads or evaluates it.
 */
export interface VoiceGuidanceSettings {
  enabled: boolean
}

export interface FireboltSdk {
  Lifecycle: {
    ready(): Promise<void>
    /** Synchronous: the state the SDK last heard of ('initializing' before ready()). */
    state(): string
    /** Every lifecycle event (foreground, background, inactive, suspended, unloading). */
    listen(callback: (event: string, data: object) => void): Promise<number>
    clear(id: number): boolean
  }
  Localization: {
    /** BCP 47 locale of the device's interface, such as "es-ES" (language() is deprecated). */
    locale(): Promise<string>
  }
  Device: {
    /** The name the viewer gave the device, such as "Living Room". */
    name(): Promise<string>
    model(): Promise<string>
  }
  Accessibility: {
    voiceGuidanceSettings(): Promise<VoiceGuidanceSettings>
    listen(
      event: 'voiceGuidanceSettingsChanged',
      callback: (settings: VoiceGuidanceSettings) => void,
    ): Promise<number>
    clear(id: number): boolean
  }
}

/** Where the chunk leaves the SDK for the app bundle to pick up. */
export const FIREBOLT_SDK_GLOBAL = '__kanalFireboltSdk'

/** The chunk's path, relative to index.html. */
export const FIREBOLT_CHUNK = './lib/firebolt.js'

/** Loads the SDK chunk with a <script> tag (the app bundle is one IIFE: no import()). */
export const loadFireboltSdk = (doc: Document, src = FIREBOLT_CHUNK): Promise<FireboltSdk> =>
  new Promise((resolve, reject) => {
    const script = doc.createElement('script')
    script.src = src
    script.async = true
    script.onload = () => {
      const sdk = (doc.defaultView as unknown as Record<string, FireboltSdk | undefined> | null)?.[
        FIREBOLT_SDK_GLOBAL
      ]
      if (sdk) resolve(sdk)
      else reject(new Error(`${src} loaded but did not provide the Firebolt SDK`))
    }
    script.onerror = () => reject(new Error(`${src} could not be loaded`))
    doc.head.appendChild(script)
  })
