import { Subject } from 'rxjs'
import { apiError } from '../../../src/api'
import type { AccountChange } from '../../../src/domain/accountChanges'
import type { Stamps } from '../../../src/domain/stamps'
import type { SubscriptionSettings, SubscriptionSettingsPatch } from '../../../src/domain/subscription'
import type { Logger } from '../../../src/platform/log'
import { watchHistory } from '../../../src/state/account/historyWatcher'
import { createPinChange } from '../../../src/state/account/pinChange'
import { createPreferencesStore } from '../../../src/state/account/preferences'
import { createSettingsStore, type SettingsState } from '../../../src/state/account/settingsStore'
import type { KeyValueStore } from '../../../src/state/storage/keyValueStore'

const quiet: Logger = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} }
const flush = (): Promise<void> => new Promise((r) => setTimeout(r, 0))

const anna: SubscriptionSettings = {
  nPvr: { override: false, enabled: true, storageHours: 100, autoExpireDays: 90 },
  scrub: { override: false },
  packages: [],
}

const ready = (s: SettingsState): Extract<SettingsState, { kind: 'ready' }> => {
  if (s.kind !== 'ready') throw new Error(`not ready: ${s.kind}`)
  return s
}

describe('the recording settings store', () => {
  const storeWith = (save: (patch: SubscriptionSettingsPatch) => Promise<SubscriptionSettings>) => {
    const sent: SubscriptionSettingsPatch[] = []
    const afterSave = jest.fn()
    const store = createSettingsStore({
      load: () => Promise.resolve(anna),
      save: (patch) => {
        sent.push(patch)
        return save(patch)
      },
      afterSave,
    })
    return { store, sent, afterSave }
  }

  it('sends the stepped value on OK and shows what the operator saved', async () => {
    const { store, sent, afterSave } = storeWith(async (p) => ({
      ...anna,
      nPvr: { ...anna.nPvr, override: true, storageHours: p.nPvr?.storageHours ?? 0 },
    }))
    await store.load()
    store.step('storageHours', 1)
    expect(ready(store.current).rows.storageHours).toMatchObject({ value: 110, dirty: true })
    expect(sent).toEqual([])
    await store.confirm('storageHours')
    expect(sent).toEqual([{ nPvr: { override: true, storageHours: 110 } }])
    expect(ready(store.current).rows.storageHours).toMatchObject({ value: 110, dirty: false, saving: false })
    expect(afterSave).toHaveBeenCalledTimes(1)
  })

  it('stops at the limit and sends nothing beyond it', async () => {
    const { store, sent } = storeWith(async () => anna)
    await store.load()
    for (let i = 0; i < 100; i++) store.step('storageHours', 1)
    expect(ready(store.current).rows.storageHours).toMatchObject({ value: 999, limit: 'max' })
    await store.confirm('storageHours')
    expect(sent).toEqual([{ nPvr: { override: true, storageHours: 999 } }])
  })

  it('keeps a refusal next to the setting, puts the saved value back and makes a final one read-only', async () => {
    const { store } = storeWith(() =>
      Promise.reject(
        apiError({ kind: 'denied', reason: 'nPvr is not available', code: 'nPvr.override', status: 403 }),
      ),
    )
    await store.load()
    await store.confirm('enabled')
    const row = ready(store.current).rows.enabled
    expect(row).toMatchObject({ value: true, problem: 'npvrUnavailable', readOnly: 'npvrUnavailable' })
    // Read-only now: nothing else is sent.
    await store.confirm('enabled')
    expect(ready(store.current).rows.enabled.saving).toBe(false)
  })

  it('keeps the last good settings when a reload fails, and says so only on a first load', async () => {
    let fail = true
    const store = createSettingsStore({
      load: () =>
        fail ? Promise.reject(apiError({ kind: 'network', reason: 'down' })) : Promise.resolve(anna),
      save: () => Promise.resolve(anna),
      afterSave: () => undefined,
    })
    await store.load()
    expect(store.current).toEqual({ kind: 'failed', problem: 'offline' })
    fail = false
    await store.load()
    fail = true
    await store.load()
    expect(store.current.kind).toBe('ready')
  })

  it('undoes a stepped value with Back', async () => {
    const { store } = storeWith(async () => anna)
    await store.load()
    store.step('autoExpireDays', -1)
    expect(store.revert('autoExpireDays')).toBe(true)
    expect(ready(store.current).rows.autoExpireDays).toMatchObject({ value: 90, dirty: false })
    expect(store.revert('autoExpireDays')).toBe(false)
  })
})

describe('the history watcher', () => {
  const stamps = (n: number): Stamps => ({ pins: n, recordings: n, rights: n, services: n, tags: n })
  const change = (id: string, type: AccountChange['type'], deviceId?: string): AccountChange =>
    ({ id, at: 1, text: type, type, ...(deviceId ? { device: { deviceId } } : {}) }) as AccountChange

  it('signs out when this device appears removed, and refreshes services on a new service event', async () => {
    let page: AccountChange[] = [change('1', 'DEVICE_ADDED', 'me')]
    const stamps$ = new Subject<Stamps>()
    const onDeviceRemoved = jest.fn()
    const onServicesChanged = jest.fn()
    const newest = jest.fn(() => Promise.resolve(page))
    const sub = watchHistory({
      newest,
      deviceId: 'me',
      stamps$,
      onDeviceRemoved,
      onServicesChanged,
      log: quiet,
    })
    stamps$.next(stamps(1))
    await flush()
    // The same stamps again: nothing moved, nothing asked.
    stamps$.next(stamps(1))
    await flush()
    expect(newest).toHaveBeenCalledTimes(1)
    expect(onServicesChanged).not.toHaveBeenCalled()

    page = [change('2', 'SERVICE_ADDED'), ...page]
    stamps$.next(stamps(2))
    await flush()
    expect(onServicesChanged).toHaveBeenCalledTimes(1)
    expect(onDeviceRemoved).not.toHaveBeenCalled()

    page = [change('3', 'DEVICE_REMOVED', 'me'), ...page]
    stamps$.next(stamps(3))
    await flush()
    expect(onDeviceRemoved).toHaveBeenCalledTimes(1)
    sub.unsubscribe()
  })

  it('lives through a failed read and looks again at the next move', async () => {
    const newest = jest
      .fn<Promise<AccountChange[]>, [AbortSignal]>()
      .mockRejectedValueOnce(new Error('down'))
      .mockResolvedValue([change('9', 'DEVICE_REMOVED', 'me')])
    const stamps$ = new Subject<Stamps>()
    const onDeviceRemoved = jest.fn()
    watchHistory({
      newest,
      deviceId: 'me',
      stamps$,
      onDeviceRemoved,
      onServicesChanged: () => {},
      log: quiet,
    })
    stamps$.next(stamps(1))
    await flush()
    stamps$.next(stamps(2))
    await flush()
    expect(onDeviceRemoved).toHaveBeenCalledTimes(1)
  })
})

describe('the PIN change', () => {
  it('asks the old PIN, the new one twice, and sends once', async () => {
    const changePin = jest.fn(() => Promise.resolve())
    const onDone = jest.fn()
    const flow = createPinChange({ changePin, nowSeconds: () => 100, onDone })
    flow.open()
    flow.enter('1234')
    flow.enter('4321')
    expect(flow.current).toEqual({ step: 'repeat' })
    flow.enter('4321')
    await flush()
    expect(changePin).toHaveBeenCalledWith('1234', '4321')
    expect(onDone).toHaveBeenCalled()
    expect(flow.current).toEqual({ step: 'closed' })
  })

  it('asks the new PIN again when the two differ, without sending', () => {
    const changePin = jest.fn(() => Promise.resolve())
    const flow = createPinChange({ changePin, nowSeconds: () => 100, onDone: () => {} })
    flow.open()
    flow.enter('1234')
    flow.enter('4321')
    flow.enter('9999')
    expect(flow.current).toEqual({ step: 'new', mismatch: true })
    expect(changePin).not.toHaveBeenCalled()
  })

  it('says a wrong old PIN with the tries left, and a lock until when', async () => {
    const changePin = jest
      .fn<Promise<void>, [string, string]>()
      .mockRejectedValueOnce(apiError({ kind: 'denied', reason: 'Wrong PIN', code: 45, attemptsLeft: 2 }))
      .mockRejectedValueOnce(apiError({ kind: 'denied', reason: 'Locked', code: 46, lockedUntil: 160 }))
    const flow = createPinChange({ changePin, nowSeconds: () => 100, onDone: () => {} })
    const go = async (): Promise<void> => {
      flow.enter('0000')
      flow.enter('1111')
      flow.enter('1111')
      await flush()
    }
    flow.open()
    await go()
    expect(flow.current).toEqual({ step: 'old', wrong: true, attemptsLeft: 2 })
    await go()
    expect(flow.current).toEqual({ step: 'locked', lockedUntil: 160 })
  })
})

describe('preferences on the box', () => {
  const memory = (): KeyValueStore & { data: Map<string, unknown> } => {
    const data = new Map<string, unknown>()
    return {
      data,
      getItem: async (k: string) => (data.has(k) ? data.get(k) : null),
      setItem: async (k: string, v: unknown) => {
        data.set(k, v)
        return v
      },
      removeItem: async (k: string) => {
        data.delete(k)
      },
    } as unknown as KeyValueStore & { data: Map<string, unknown> }
  }

  it('start in the saved language and keep a chosen poll period within the range', async () => {
    const storage = memory()
    const prefs = createPreferencesStore({
      storage,
      defaults: { language: 'en', pollPeriodSeconds: 900 },
      log: quiet,
    })
    expect(await prefs.language()).toBe('en')
    await prefs.setLanguage('fi')
    await prefs.setPollPeriod(60)
    const again = createPreferencesStore({
      storage,
      defaults: { language: 'en', pollPeriodSeconds: 900 },
      log: quiet,
    })
    expect(await again.language()).toBe('fi')
    expect(again.pollPeriodSeconds()).toBe(300)
  })

  it('keep the audio and subtitle languages, Automatic and Off until chosen', async () => {
    const storage = memory()
    const prefs = createPreferencesStore({
      storage,
      defaults: { language: 'en', pollPeriodSeconds: 900 },
      log: quiet,
    })
    await prefs.load()
    expect(prefs.tracks).toEqual({ audio: 'auto', subtitles: 'off' })
    await prefs.setAudioLanguage('es')
    await prefs.setSubtitleLanguage('auto')
    const again = createPreferencesStore({
      storage,
      defaults: { language: 'en', pollPeriodSeconds: 900 },
      log: quiet,
    })
    await again.load()
    expect(again.tracks).toEqual({ audio: 'es', subtitles: 'auto' })
  })

  it('fall back to the defaults when storage fails', async () => {
    const broken = {
      getItem: () => Promise.reject(new Error('no IndexedDB')),
      setItem: () => Promise.reject(new Error('no IndexedDB')),
      removeItem: () => Promise.reject(new Error('no IndexedDB')),
    } as unknown as KeyValueStore
    const prefs = createPreferencesStore({
      storage: broken,
      defaults: { language: 'da', pollPeriodSeconds: 900 },
      log: quiet,
    })
    expect(await prefs.language()).toBe('da')
    await prefs.setPollPeriod(1800)
    expect(prefs.pollPeriodSeconds()).toBe(1800)
  })
})
