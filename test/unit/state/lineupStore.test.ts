/**
 * @jest-environment node
 */
import { firstValueFrom } from 'rxjs'
import type { Channel } from '../../../src/domain/channels'
import { LINEUP_MAX_AGE_MS, createLineupStore } from '../../../src/state/lineup/lineupStore'
import { createMemoryStore, type KeyValueStore } from '../../../src/state/storage/keyValueStore'

const channel = (id: string, number: number, name = `Channel ${number}`): Channel => ({
  id,
  number,
  name,
  logo: `http://x/${id}.png`,
  catchupHours: 24,
})
const silentLog = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
}

interface Deferred<T> {
  promise: Promise<T>
  resolve: (value: T) => void
  reject: (error: unknown) => void
}
const deferred = <T>(): Deferred<T> => {
  let resolve: (value: T) => void = () => undefined
  let reject: (error: unknown) => void = () => undefined
  const promise = new Promise<T>((res, rej) => {
    resolve = res
    reject = rej
  })
  return { promise, resolve, reject }
}

const T0 = 1_700_000_000_000

const makeStore = (
  load: () => Promise<readonly Channel[]>,
  storage: KeyValueStore = createMemoryStore(),
  clock = { now: T0 },
) => {
  const loadMock = jest.fn(load)
  const store = createLineupStore({ load: loadMock, storage, nowMs: () => clock.now, log: silentLog })
  return { store, load: loadMock, storage, clock }
}

/** Lets the storage reads (promises) settle. */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve))

describe('the lineup store', () => {
  it('shows the saved copy before the operator answers, then the fresh one', async () => {
    const storage = createMemoryStore()
    const first = makeStore(() => Promise.resolve([channel('b', 2), channel('a', 1)]), storage)
    await first.store.open()
    expect(first.store.current).toEqual({
      channels: [channel('a', 1), channel('b', 2)],
      status: 'ready',
      stale: false,
    })

    const answer = deferred<readonly Channel[]>()
    const second = makeStore(() => answer.promise, storage)
    const opened = second.store.open()
    await settle()
    expect(second.load).toHaveBeenCalledTimes(1)
    expect(second.store.current.status).toBe('loading')
    expect(second.store.current.channels.map((c) => c.id)).toEqual(['a', 'b'])

    answer.resolve([channel('a', 1), channel('b', 2), channel('c', 3)])
    await opened
    expect(second.store.current).toMatchObject({ status: 'ready', stale: false })
    expect(second.store.current.channels.map((c) => c.id)).toEqual(['a', 'b', 'c'])
  })

  it('sends one request for every caller at the same time', async () => {
    const answer = deferred<readonly Channel[]>()
    const { store, load } = makeStore(() => answer.promise)
    const calls = [store.open(), store.open(), store.refresh(), store.channels(), store.open()]
    await settle()
    answer.resolve([channel('a', 1)])
    const results = await Promise.all(calls)
    expect(load).toHaveBeenCalledTimes(1)
    expect(results[3]).toEqual([channel('a', 1)])
  })

  it('keeps the last good copy, flagged stale, when the operator is down', async () => {
    const storage = createMemoryStore()
    let up = true
    const { store } = makeStore(
      () => (up ? Promise.resolve([channel('a', 1)]) : Promise.reject(new Error('offline'))),
      storage,
    )
    await store.open()
    up = false
    await store.refresh()
    expect(store.current).toEqual({ channels: [channel('a', 1)], status: 'ready', stale: true })

    // A restart without the operator: the saved copy, flagged.
    const restarted = makeStore(() => Promise.reject(new Error('offline')), storage)
    await restarted.store.open()
    expect(restarted.store.current).toEqual({ channels: [channel('a', 1)], status: 'ready', stale: true })
    expect(await restarted.store.channels()).toEqual([channel('a', 1)])
  })

  it('fails with nothing saved and nothing fetched', async () => {
    const { store } = makeStore(() => Promise.reject(new Error('offline')))
    await store.open()
    expect(store.current).toEqual({ channels: [], status: 'failed', stale: false })
    await expect(store.channels()).rejects.toThrow('no lineup')
  })

  it('fetches once per run, again on opening when older than its maximum age or after a failure', async () => {
    let fail = false
    const { store, load, clock } = makeStore(() =>
      fail ? Promise.reject(new Error('offline')) : Promise.resolve([channel('a', 1)]),
    )
    await store.open()
    await store.open()
    expect(load).toHaveBeenCalledTimes(1)

    clock.now += LINEUP_MAX_AGE_MS - 1
    await store.open()
    expect(load).toHaveBeenCalledTimes(1)
    clock.now += 1
    await store.open()
    expect(load).toHaveBeenCalledTimes(2)

    fail = true
    await store.refresh()
    expect(load).toHaveBeenCalledTimes(3)
    fail = false
    await store.open()
    expect(load).toHaveBeenCalledTimes(4)
    expect(store.current).toMatchObject({ status: 'ready', stale: false })

    // On demand: whatever the age.
    await store.refresh()
    expect(load).toHaveBeenCalledTimes(5)
  })

  it('fetches on the first opening of a run even when the saved copy is recent', async () => {
    const storage = createMemoryStore()
    await makeStore(() => Promise.resolve([channel('a', 1)]), storage).store.open()
    const next = makeStore(() => Promise.resolve([channel('a', 1)]), storage)
    await next.store.open()
    expect(next.load).toHaveBeenCalledTimes(1)
  })

  it('keeps the same array while the channels are the same, and names channels by id', async () => {
    let name = 'One'
    const { store } = makeStore(() => Promise.resolve([channel('a', 1, name)]))
    await store.open()
    const before = store.current.channels
    await store.refresh()
    expect(store.current.channels).toBe(before)
    expect(await firstValueFrom(store.names$)).toEqual(new Map([['a', 'One']]))

    name = 'Uno'
    await store.refresh()
    expect(store.current.channels).not.toBe(before)
    expect(await firstValueFrom(store.names$)).toEqual(new Map([['a', 'Uno']]))
    expect(store.channel('a')?.name).toBe('Uno')
    expect(store.channel('zz')).toBeUndefined()
  })

  it("shows an earlier build's saved guide lineup, and replaces the old copies once fetched", async () => {
    const storage = createMemoryStore()
    await storage.setItem('guide-channels', [channel('a', 1)])
    await storage.setItem('recordings:channel-names', { a: 'Channel 1' })
    const answer = deferred<readonly Channel[]>()
    const { store } = makeStore(() => answer.promise, storage)
    const opened = store.open()
    await settle()
    expect(store.current.channels).toEqual([channel('a', 1)])
    answer.resolve([channel('a', 1)])
    await opened
    expect(await storage.getItem('guide-channels')).toBeNull()
    expect(await storage.getItem('recordings:channel-names')).toBeNull()
    expect(await storage.getItem('lineup')).toMatchObject({ data: [channel('a', 1)], fetchedAt: T0 })
  })

  it('replays the latest state to a late subscriber and completes on dispose', async () => {
    const { store } = makeStore(() => Promise.resolve([channel('a', 1)]))
    await store.open()
    const seen: string[][] = []
    let completed = false
    store.state$.subscribe({
      next: (s) => seen.push(s.channels.map((c) => c.id)),
      complete: () => (completed = true),
    })
    expect(seen).toEqual([['a']])
    store.dispose()
    expect(completed).toBe(true)
  })
})
