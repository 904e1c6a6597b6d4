/**
 * Firebolt through the real SDK (the chunk's entry, src/platform/firebolt/entry.ts) talking to a
 * fake device: a transport injected as a Firebolt platform does (`window.__firebolt.
 * getTransportLayer`), which answers the SDK's JSON-RPC requests and sends lifecycle events.
 * And a plain browser: no chunk loaded, no call made.
 */
import { filter, firstValueFrom } from 'rxjs'
import { createApi } from '../../../src/api'
import { startFirebolt, type FireboltPlatform } from '../../../src/platform/firebolt'
import { isFireboltPresent } from '../../../src/platform/firebolt/presence'
import { FIREBOLT_CHUNK, FIREBOLT_SDK_GLOBAL } from '../../../src/platform/firebolt/sdk'
import { deviceNameOf, languageCodeOf } from '../../../src/platform/firebolt/platform'
import { languagesOf, supportedLanguage } from '../../../src/platform/languages'
import { visibility$ } from '../../../src/platform/lifecycle'
import type { Logger } from '../../../src/platform/log'
import { createPreferencesStore } from '../../../src/state/account/preferences'
import { DEFAULT_DEVICE_NAME, sessionApiOf } from '../../../src/state/session/apiSession'
import type { KeyValueStore } from '../../../src/state/storage/keyValueStore'

interface RpcRequest {
  jsonrpc: '2.0'
  method: string
  params: Record<string, unknown>
  id: number
}

/** A Firebolt device as the SDK's transport sees it: JSON-RPC strings in and out. */
class FakeDevice {
  readonly requests: RpcRequest[] = []
  private receiver: ((message: string) => void) | undefined
  /** 'lifecycle.background' -> id of the SDK's listen request, which events answer to. */
  private readonly listening = new Map<string, number>()

  constructor(private readonly answers: Record<string, unknown>) {}

  send(message: string): void {
    const parsed = JSON.parse(message) as RpcRequest | RpcRequest[]
    for (const request of Array.isArray(parsed) ? parsed : [parsed]) this.handle(request)
  }

  receive(callback: (message: string) => void): void {
    this.receiver = callback
  }

  emit(event: string, data: unknown): void {
    const id = this.listening.get(event)
    if (id === undefined) throw new Error(`the app does not listen to ${event}`)
    this.reply(id, data)
  }

  called(method: string): boolean {
    return this.requests.some((r) => r.method === method)
  }

  private handle(request: RpcRequest): void {
    this.requests.push(request)
    const [module = '', method = ''] = request.method.split('.')
    if (/^on[A-Z]/.test(method) && request.params.listen === true) {
      const event = `${module}.${method.charAt(2).toLowerCase()}${method.slice(3)}`
      this.listening.set(event, request.id)
      this.reply(request.id, { listening: true, event })
      return
    }
    this.reply(request.id, request.method in this.answers ? this.answers[request.method] : null)
  }

  private reply(id: number, result: unknown): void {
    queueMicrotask(() => this.receiver?.(JSON.stringify({ jsonrpc: '2.0', id, result })))
  }
}

const warnings: string[] = []
const log: Logger = {
  debug: () => undefined,
  info: () => undefined,
  warn: (message) => warnings.push(message),
  error: (message) => warnings.push(message),
}

type FireboltWindow = Window & { __firebolt?: unknown; ServiceManager?: unknown }
const win = window as FireboltWindow

/** Stands in for the browser loading lib/firebolt.js: runs the chunk's entry, then `load`. */
const serveChunk = () =>
  jest.spyOn(document.head, 'appendChild').mockImplementation(<T extends Node>(node: T): T => {
    if (node instanceof HTMLScriptElement && node.src.endsWith(FIREBOLT_CHUNK.slice(1))) {
      void import('../../../src/platform/firebolt/entry').then(() => node.dispatchEvent(new Event('load')))
    }
    return node
  })

describe('Firebolt in a plain browser', () => {
  afterEach(() => {
    jest.restoreAllMocks()
    delete win.__firebolt
    delete win.ServiceManager
  })

  it('is not present: no chunk is loaded and no SDK exists', () => {
    const created = jest.spyOn(document, 'createElement')
    const appended = jest.spyOn(document.head, 'appendChild')
    expect(startFirebolt(window, log)).toBeUndefined()
    expect(created).not.toHaveBeenCalledWith('script')
    expect(appended).not.toHaveBeenCalled()
    expect((window as unknown as Record<string, unknown>)[FIREBOLT_SDK_GLOBAL]).toBeUndefined()
  })

  it('knows a device by what its platform injected, never by the SDK itself', () => {
    expect(isFireboltPresent(window)).toBe(false)
    // What the SDK's own module leaves behind when merely imported: not a device.
    win.__firebolt = { setTransportLayer: () => undefined }
    expect(isFireboltPresent(window)).toBe(false)
    win.__firebolt = { endpoint: 'http://not-a-socket' }
    expect(isFireboltPresent(window)).toBe(false)
    win.__firebolt = { endpoint: 'ws://127.0.0.1:9998' }
    expect(isFireboltPresent(window)).toBe(true)
    win.__firebolt = { getTransportLayer: () => ({}) }
    expect(isFireboltPresent(window)).toBe(true)
    delete win.__firebolt
    win.ServiceManager = { version: '1.0' }
    expect(isFireboltPresent(window)).toBe(true)
  })
})

describe('the values a device gives', () => {
  it('reads the interface language from a language or locale code', () => {
    expect(languageCodeOf('es')).toBe('es')
    expect(languageCodeOf('es-ES')).toBe('es')
    expect(languageCodeOf(' FI ')).toBe('fi')
    expect(languageCodeOf('')).toBeUndefined()
    expect(languageCodeOf(42)).toBeUndefined()
    expect(languageCodeOf('español')).toBeUndefined()
  })

  it('takes a language only when Kanal has its translations', () => {
    const available = languagesOf({ meta: { default: 'en' }, en: {}, es: {}, da: {} })
    expect(available).toEqual(['en', 'es', 'da'])
    expect(supportedLanguage('es', available)).toBe('es')
    expect(supportedLanguage('de', available)).toBeUndefined()
    expect(supportedLanguage(undefined, available)).toBeUndefined()
    expect(languagesOf(null)).toEqual([])
  })

  it('names the device by its name, else its model, trimmed and bounded', () => {
    expect(deviceNameOf(' Living Room ', 'XG1')).toBe('Living Room')
    expect(deviceNameOf('', 'XG1')).toBe('XG1')
    expect(deviceNameOf(undefined, undefined)).toBeUndefined()
    expect(deviceNameOf('x'.repeat(100), undefined)).toHaveLength(64)
  })
})

describe('Firebolt on a device', () => {
  const device = new FakeDevice({
    'localization.locale': 'es-ES',
    'device.name': 'Living Room',
    'device.model': 'XG1',
    'accessibility.voiceGuidanceSettings': { enabled: true, navigationHints: true, speed: 1 },
  })
  let firebolt: FireboltPlatform
  let consoleWarn: jest.SpyInstance

  beforeAll(() => {
    // The SDK warns on the console when a deprecated method is called.
    consoleWarn = jest.spyOn(console, 'warn')
    serveChunk()
    win.__firebolt = { getTransportLayer: () => device }
    const started = startFirebolt(window, log)
    if (started === undefined) throw new Error('Firebolt not detected')
    firebolt = started
  })

  afterAll(() => {
    jest.restoreAllMocks()
  })

  it('feeds foreground and background into the app visibility', async () => {
    const seen: boolean[] = []
    const subscription = visibility$(document, firebolt.foreground$).subscribe((v) => seen.push(v))
    // In front while initialising; the device then listens for lifecycle events.
    await firstValueFrom(firebolt.foreground$)
    await waitFor(() => device.called('lifecycle.onBackground'))
    device.emit('lifecycle.background', { state: 'background', previous: 'foreground' })
    await firstValueFrom(visibility$(document, firebolt.foreground$).pipe(filter((v) => !v)))
    device.emit('lifecycle.foreground', { state: 'foreground', previous: 'background' })
    await waitFor(() => seen.length >= 3)
    device.emit('lifecycle.inactive', { state: 'inactive', previous: 'foreground' })
    await waitFor(() => seen.length >= 4)
    subscription.unsubscribe()
    expect(seen).toEqual([true, false, true, false])
  })

  it('says ready when asked', async () => {
    firebolt.ready()
    await waitFor(() => device.called('lifecycle.ready'))
    expect(device.called('lifecycle.ready')).toBe(true)
  })

  it('gives the interface language when the viewer has not chosen one', async () => {
    const storage = jsonStore()
    const preferences = () =>
      createPreferencesStore({
        storage,
        defaults: { language: 'en', pollPeriodSeconds: 900 },
        platformLanguage: async () => supportedLanguage(await firebolt.language(), ['en', 'es', 'da']),
        log,
      })
    expect(await preferences().language()).toBe('es')
    // The viewer's own choice wins over the device's.
    await preferences().setLanguage('da')
    expect(await preferences().language()).toBe('da')
  })

  it('names the device at sign-in', async () => {
    const bodies: string[] = []
    const api = createApi({
      baseUrl: 'http://operator.test/api/',
      getToken: () => undefined,
      fetch: (_input, init) => {
        bodies.push(String(init?.body))
        const content = {
          token: 'token-1',
          expiresAt: 1_900_000_000,
          user: { id: '1', name: 'Anna', role: 'customer' },
        }
        return Promise.resolve(okResponse({ StatusCode: 0, StatusMessage: '', Content: content }))
      },
    })
    await sessionApiOf(api, () => firebolt.deviceName()).login('anna', 'secret', 'box-1')
    expect(bodies).toHaveLength(1)
    expect(bodies[0]).toContain('"deviceName":"Living Room"')
    // Without a platform the box keeps its default name.
    await sessionApiOf(api).login('anna', 'secret', 'box-1')
    expect(bodies[1]).toContain(`"deviceName":"${DEFAULT_DEVICE_NAME}"`)
  })

  it('reports the voice guidance setting and its changes, and nothing went wrong', async () => {
    const seen: (boolean | undefined)[] = []
    const stop = firebolt.watchVoiceGuidance((on) => seen.push(on))
    await waitFor(() => seen.length >= 1)
    device.emit('accessibility.voiceGuidanceSettingsChanged', {
      enabled: false,
      navigationHints: true,
      speed: 1,
    })
    await waitFor(() => seen.length >= 2)
    stop()
    expect(seen).toEqual([true, false])
    expect(warnings).toEqual([])
    expect(consoleWarn).not.toHaveBeenCalled()
  })
})

/** jsdom has neither structuredClone (the memory store's copy) nor fetch's Response. */
const jsonStore = (): KeyValueStore => {
  const items = new Map<string, string>()
  return {
    getItem: (key) => {
      const saved = items.get(key)
      return Promise.resolve(saved === undefined ? null : (JSON.parse(saved) as unknown))
    },
    setItem: (key, value) => {
      items.set(key, JSON.stringify(value))
      return Promise.resolve(value)
    },
    removeItem: (key) => {
      items.delete(key)
      return Promise.resolve()
    },
  }
}

const okResponse = (body: unknown): Response =>
  ({
    status: 200,
    headers: { get: () => null },
    text: () => Promise.resolve(JSON.stringify(body)),
  }) as unknown as Response

/** Lets the SDK's promise chains run until `done` holds (a bounded number of turns, no clock). */
const waitFor = async (done: () => boolean): Promise<void> => {
  for (let turn = 0; turn < 200; turn++) {
    if (done()) return
    await new Promise((resolve) => setTimeout(resolve, 0))
  }
  throw new Error('condition not met')
}
