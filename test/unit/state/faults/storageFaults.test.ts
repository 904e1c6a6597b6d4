/** @jest-environment node */
import { firstValueFrom } from 'rxjs'
import { createMemoryStore, type KeyValueStore } from '../../../../src/state/storage/keyValueStore'
import { createResilientStore } from '../../../../src/state/storage/resilientStore'
import { requestsTo, startSimulator, type RunningSimulator } from '../../api/support/simulator'
import { bootApp, closeApps, signInAnna } from './support/app'
import { recordingLog, until } from './support/operator'

/**
 * The box's storage failing under the whole app state (the simulator as the operator): a full
 * disk, a write rejected with a null error, no usable IndexedDB. The app keeps running on memory,
 * still shows what the box had saved, and leaves it as it was.
 */
let s: RunningSimulator

beforeAll(async () => {
  s = await startSimulator()
})
afterAll(async () => s.close())
beforeEach(async () => {
  await s.qa('DELETE', 'faults')
})
afterEach(closeApps)

/** Yesterday's disk, full today: reads answer, every write and removal is refused. */
class FullDisk implements KeyValueStore {
  writes = 0
  constructor(
    private readonly disk: KeyValueStore,
    private readonly refusal: () => unknown,
  ) {}
  getItem(key: string): Promise<unknown> {
    return this.disk.getItem(key)
  }
  setItem(): Promise<unknown> {
    this.writes++
    return Promise.reject(this.refusal())
  }
  removeItem(): Promise<void> {
    return Promise.reject(this.refusal())
  }
}

describe.each([
  [
    'quota exceeded',
    () => new DOMException('The quota has been exceeded.', 'QuotaExceededError'),
    'QuotaExceededError: The quota has been exceeded.',
  ],
  ['a write rejected with a null error', () => null, 'rejected with null'],
])('storage: %s', (_name, refusal, said) => {
  it('caches in memory for the session, still shows what the box had saved, and leaves it whole', async () => {
    // Yesterday anna used the box: her data and the lineup were saved.
    const disk = createMemoryStore()
    const yesterday = bootApp(s, disk)
    await yesterday.state.start()
    await signInAnna(yesterday)
    await yesterday.state.lineup.open()
    const saved = {
      recordings: await disk.getItem('user-1001:recordings'),
      lineup: await disk.getItem('lineup'),
      session: await disk.getItem('session'),
    }
    expect(saved.recordings).toMatchObject({ data: { recordings: expect.any(Array) as unknown } })
    yesterday.state.close()

    // Today the disk is full. The box starts on what it saved.
    const full = new FullDisk(disk, refusal)
    const storeLog = recordingLog()
    const storage = createResilientStore(full, storeLog)
    const app = bootApp(s, storage)
    // What the app shows a toast from: the app state's flag, not the store's.
    const degraded: boolean[] = []
    app.state.storageDegraded$.subscribe((d) => degraded.push(d))
    await app.state.start()
    await until('anna’s saved recordings', () => app.state.user?.recordings.current.source === 'cache')

    // The lineup is fetched once per run; saving it fails: memory from now on, said once.
    await app.state.lineup.open()
    expect(app.state.lineup.current).toMatchObject({ status: 'ready', stale: false })
    expect(full.writes).toBeGreaterThan(0)
    expect(degraded).toEqual([false, true])
    expect(storeLog.lines).toEqual([
      `warn storage: write failed (${said}); caching in memory for this session`,
    ])

    // The operator cannot send the list now. Anna signs out and in again: the list the box
    // had saved still shows, as it was.
    await s.qa('POST', 'faults', { route: '/api/GetRecordings', kind: 'status', status: 503 })
    await app.state.account.signOut()
    expect(app.state.user).toBeUndefined()
    await app.state.session.login('anna', 'anna')
    await until('the saved list', () => app.state.user?.recordings.current.data !== undefined)
    expect(app.user().recordings.current).toMatchObject({
      source: 'cache',
      data: (saved.recordings as { data: unknown }).data,
    })

    // This session's sign-in lives in memory; the disk keeps yesterday's entries whole.
    expect(await storage.getItem('session')).toMatchObject({ kind: 'user', token: app.state.session.token() })
    expect(await disk.getItem('user-1001:recordings')).toEqual(saved.recordings)
    expect(await disk.getItem('lineup')).toEqual(saved.lineup)
    expect(await disk.getItem('session')).toEqual(saved.session)
    app.state.close()
  })
})

/** A browser's IndexedDB whose open() fails, as Firefox's does in a private window. */
const installFailingIndexedDB = (): { opened: () => number } => {
  let opened = 0
  const g = globalThis as Record<string, unknown>
  g.IDBKeyRange = class {}
  g.indexedDB = {
    open: () => {
      opened++
      const request: { error?: DOMException; onerror?: (e: { preventDefault(): void }) => void } = {}
      setTimeout(() => {
        request.error = new DOMException(
          'A mutation operation was attempted on a database that did not allow mutations.',
          'InvalidStateError',
        )
        request.onerror?.({ preventDefault: () => undefined })
      }, 0)
      return request
    },
  }
  return { opened: () => opened }
}

describe('IndexedDB unavailable', () => {
  afterEach(() => {
    const g = globalThis as Record<string, unknown>
    delete g.indexedDB
    delete g.IDBKeyRange
  })

  it.each([
    ['there is no storage at all', false],
    ['IndexedDB fails to open, as in a private window', true],
  ])('%s: the app runs on memory, signs in, and caches for the session', async (_name, present) => {
    // localforage picks its driver when it is loaded: load it afresh over this browser.
    const idb = present ? installFailingIndexedDB() : undefined
    let persistent: KeyValueStore | undefined
    await jest.isolateModulesAsync(async () => {
      const { createLocalforageStore } = await import('../../../../src/state/storage/localforageStore')
      persistent = createLocalforageStore('kanal-faults')
    })
    if (persistent === undefined) throw new Error('no localforage store')
    const storeLog = recordingLog()
    const storage = createResilientStore(persistent, storeLog)
    const app = bootApp(s, storage, 'box-private')
    const degraded: boolean[] = []
    app.state.storageDegraded$.subscribe((d) => degraded.push(d))
    await app.state.start()
    expect(app.state.session.current.kind).toBe('anonymous')
    await signInAnna(app)
    if (idb) expect(idb.opened()).toBeGreaterThan(0)
    expect(degraded).toEqual([false, true])
    expect(storeLog.lines).toEqual([
      'warn storage: read failed (Error: No available storage method found.); caching in memory for this session',
    ])

    // The data is cached for the session: signing in again shows it without asking again.
    const fetched = await requestsTo(s, '/api/GetRecordings')
    const list = app.user().recordings.current.data
    await app.state.account.signOut()
    await app.state.session.login('anna', 'anna')
    await until('the list', () => app.state.user?.recordings.current.data !== undefined)
    await firstValueFrom(app.user().stamps$)
    expect(app.user().recordings.current).toMatchObject({ source: 'cache', data: list })
    expect(await requestsTo(s, '/api/GetRecordings')).toBe(fetched)
    app.state.close()
  })
})
