/** @jest-environment node */
import { BehaviorSubject, Subject } from 'rxjs'
import fc from 'fast-check'
import { createStampedResource, type StampedResource } from '../../../src/state/cache/stampedResource'
import { createMemoryStore, type KeyValueStore } from '../../../src/state/storage/keyValueStore'
import { createResilientStore } from '../../../src/state/storage/resilientStore'
import type { Logger } from '../../../src/platform/log'

interface Shelf {
  version: number
  titles: string[]
}
const shelfAt = (version: number): Shelf => ({
  version,
  titles: Array.from({ length: version % 5 }, (_, i) => `v${version}-${i}`),
})
const stampOf = (version: number): number => 1_600_000_000 + version * 7
const reviveShelf = (data: unknown): Shelf | undefined => {
  if (typeof data !== 'object' || data === null) return undefined
  const { version, titles } = data as Record<string, unknown>
  if (typeof version !== 'number' || !Array.isArray(titles)) return undefined
  if (!titles.every((t) => typeof t === 'string')) return undefined
  return { version, titles: titles as string[] }
}

const quiet: Logger = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} }
const flush = async (): Promise<void> => {
  for (let i = 0; i < 6; i++) await new Promise((resolve) => setImmediate(resolve))
}

/** A persistent store that can be made to fail, as a full or vanished IndexedDB does. */
class FaultyStore implements KeyValueStore {
  readonly inner = createMemoryStore()
  failing = false
  getItem(key: string) {
    return this.failing ? Promise.reject(new Error('IndexedDB unavailable')) : this.inner.getItem(key)
  }
  setItem(key: string, value: unknown) {
    // Some WebKit builds reject quota errors with null rather than an Error.
    return this.failing ? Promise.reject(null) : this.inner.setItem(key, value)
  }
  removeItem(key: string) {
    return this.failing ? Promise.reject(new Error('IndexedDB unavailable')) : this.inner.removeItem(key)
  }
}

const setup = (storage: KeyValueStore, fetch: () => Promise<Shelf>) => {
  const stamp$ = new Subject<number>()
  const online$ = new BehaviorSubject(true)
  const resource = createStampedResource<Shelf>({
    key: 'recordings:1001',
    schema: 3,
    storage,
    stamp$,
    online$,
    fetch,
    revive: reviveShelf,
    now: () => 1_700_000_000_000,
    log: quiet,
  })
  return { stamp$, online$, resource }
}

describe('a stamp-driven resource', () => {
  it('shows the cache at once and does not fetch while the stamp is unchanged', async () => {
    const storage = createMemoryStore()
    await storage.setItem('recordings:1001', {
      format: 1,
      schema: 3,
      stamp: stampOf(4),
      fetchedAt: 1,
      data: shelfAt(4),
    })
    const fetch = jest.fn(() => Promise.resolve(shelfAt(5)))
    const { stamp$, resource } = setup(storage, fetch)
    await flush()
    expect(resource.current).toMatchObject({ data: shelfAt(4), source: 'cache', status: 'ready' })
    stamp$.next(stampOf(4))
    await flush()
    expect(fetch).not.toHaveBeenCalled()
    stamp$.next(stampOf(5))
    await flush()
    expect(fetch).toHaveBeenCalledTimes(1)
    expect(resource.current).toMatchObject({ data: shelfAt(5), stamp: stampOf(5), source: 'network' })
    expect(await storage.getItem('recordings:1001')).toMatchObject({ stamp: stampOf(5), data: shelfAt(5) })
  })

  it.each([
    ['corrupt', { format: 1, schema: 3, stamp: 'x', fetchedAt: 1, data: {} }],
    ['of an older schema', { format: 1, schema: 2, stamp: stampOf(4), fetchedAt: 1, data: shelfAt(4) }],
    ['unreadable data', { format: 1, schema: 3, stamp: stampOf(4), fetchedAt: 1, data: { titles: 3 } }],
    ['not an entry', 'garbage'],
  ])('discards a cache entry that is %s and fetches', async (_name, entry) => {
    const storage = createMemoryStore()
    await storage.setItem('recordings:1001', entry)
    const fetch = jest.fn(() => Promise.resolve(shelfAt(4)))
    const { stamp$, resource } = setup(storage, fetch)
    await flush()
    expect(resource.current).toMatchObject({ data: undefined, status: 'empty' })
    stamp$.next(stampOf(4))
    await flush()
    expect(fetch).toHaveBeenCalledTimes(1)
    expect(resource.current.data).toEqual(shelfAt(4))
  })

  it('keeps the last good data, flagged offline with its time, when the operator is unreachable', async () => {
    const storage = createMemoryStore()
    let fail = false
    const { stamp$, online$, resource } = setup(storage, () =>
      fail ? Promise.reject(new Error('network')) : Promise.resolve(shelfAt(1)),
    )
    stamp$.next(stampOf(1))
    await flush()
    fail = true
    online$.next(false)
    stamp$.next(stampOf(2))
    await flush()
    expect(resource.current).toMatchObject({
      data: shelfAt(1),
      offline: true,
      fetchedAt: 1_700_000_000_000,
      status: 'ready',
    })
    expect(resource.current.error).toBeInstanceOf(Error)
    fail = false
    online$.next(true)
    stamp$.next(stampOf(2))
    await flush()
    expect(resource.current).toMatchObject({ data: shelfAt(1), offline: false, error: undefined })
  })

  it('falls back to memory when storage rejects a write with null, without losing the data', async () => {
    const primary = new FaultyStore()
    primary.failing = true
    const storage = createResilientStore(primary, quiet)
    const degraded: boolean[] = []
    storage.degraded$.subscribe((d) => degraded.push(d))
    const { stamp$, resource } = setup(storage, () => Promise.resolve(shelfAt(2)))
    stamp$.next(stampOf(2))
    await flush()
    expect(resource.current.data).toEqual(shelfAt(2))
    expect(degraded).toEqual([false, true])
    expect(await storage.getItem('recordings:1001')).toMatchObject({ stamp: stampOf(2) })
  })

  it('shows a change at once and takes it back when the server refuses it', async () => {
    const { stamp$, resource } = setup(createMemoryStore(), () => Promise.resolve(shelfAt(3)))
    stamp$.next(stampOf(3))
    await flush()
    const add = (shelf: Shelf): Shelf => ({ ...shelf, titles: [...shelf.titles, 'new'] })
    let refuse: (e: Error) => void = () => {}
    const done = resource.change(add, () => new Promise((_resolve, reject) => (refuse = reject)))
    expect(resource.current.data?.titles).toContain('new')
    refuse(new Error('quota exceeded'))
    await expect(done).rejects.toThrow('quota exceeded')
    expect(resource.current.data).toEqual(shelfAt(3))
  })

  it('keeps an accepted change on top until a fetch made after it arrives', async () => {
    let server = shelfAt(3)
    const afterChange = jest.fn()
    const stamp$ = new Subject<number>()
    const resource = createStampedResource<Shelf>({
      key: 'k',
      schema: 1,
      storage: createMemoryStore(),
      stamp$,
      online$: new BehaviorSubject(true),
      fetch: () => Promise.resolve(server),
      revive: reviveShelf,
      now: () => 5,
      log: quiet,
      afterChange,
    })
    stamp$.next(stampOf(3))
    await flush()
    const add = (shelf: Shelf): Shelf => ({ ...shelf, titles: [...shelf.titles, 'mine'] })
    await resource.change(add, () => {
      server = { version: 4, titles: [...server.titles, 'mine'] }
      return Promise.resolve()
    })
    expect(afterChange).toHaveBeenCalledTimes(1)
    expect(resource.current.data?.titles.filter((t) => t === 'mine')).toHaveLength(1)
    stamp$.next(stampOf(4))
    await flush()
    // Settled at t=5, fetch started at t=5: not strictly after, so the change is dropped once.
    expect(resource.current.data).toEqual(server)
  })
})

type Step =
  | { kind: 'serverChange' }
  | { kind: 'poll' }
  | { kind: 'crash' }
  | { kind: 'storageFault'; on: boolean }
  | { kind: 'networkFault'; on: boolean }
  | { kind: 'corruptCache' }

const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 3, arbitrary: fc.constant<Step>({ kind: 'serverChange' }) },
  { weight: 5, arbitrary: fc.constant<Step>({ kind: 'poll' }) },
  { weight: 1, arbitrary: fc.constant<Step>({ kind: 'crash' }) },
  { weight: 1, arbitrary: fc.boolean().map<Step>((on) => ({ kind: 'storageFault', on })) },
  { weight: 1, arbitrary: fc.boolean().map<Step>((on) => ({ kind: 'networkFault', on })) },
  { weight: 1, arbitrary: fc.constant<Step>({ kind: 'corruptCache' }) },
)

describe('a stamp-driven resource, over random histories', () => {
  it('always shows the server data of a stamp it has seen, whole, and fetches only when the stamp moved', async () => {
    expect.hasAssertions()
    await fc.assert(
      fc.asyncProperty(fc.array(step, { maxLength: 40 }), async (steps) => {
        const primary = new FaultyStore()
        let version = 0
        let networkDown = false
        let fetches = 0
        const seen = new Set<number>()
        const boot = () => {
          const parts = setup(createResilientStore(primary, quiet), () => {
            fetches += 1
            return networkDown ? Promise.reject(new Error('network')) : Promise.resolve(shelfAt(version))
          })
          return parts
        }
        let device: { stamp$: Subject<number>; resource: StampedResource<Shelf> } = boot()
        await flush()
        for (const s of steps) {
          if (s.kind === 'serverChange') version += 1
          else if (s.kind === 'storageFault') primary.failing = s.on
          else if (s.kind === 'networkFault') networkDown = s.on
          else if (s.kind === 'corruptCache') await primary.inner.setItem('recordings:1001', { format: 1 })
          else if (s.kind === 'crash') {
            device.resource.dispose()
            device = boot()
            await flush()
          } else {
            const before = fetches
            const shownStamp = device.resource.current.stamp
            const hadData = device.resource.current.data !== undefined
            seen.add(version)
            device.stamp$.next(stampOf(version))
            await flush()
            const expectFetch = !hadData || shownStamp !== stampOf(version)
            expect(fetches - before).toBe(expectFetch ? 1 : 0)
          }
          const { data, stamp } = device.resource.current
          if (data !== undefined) {
            // Whole: exactly one version's data, under that version's stamp, one the device saw.
            expect(data).toEqual(shelfAt(data.version))
            expect(stamp).toBe(stampOf(data.version))
            expect(seen.has(data.version)).toBe(true)
          }
        }
        device.resource.dispose()
      }),
      { numRuns: 1000 },
    )
  })
})
