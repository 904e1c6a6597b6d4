/** @jest-environment node */
import { createGuideStore, type TimedItem } from '../../../src/state/guide/guideStore'
import { WindowCache } from '../../../src/state/guide/windowCache'
import type { Logger } from '../../../src/platform/log'

const quiet: Logger = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} }
const flush = async (): Promise<void> => {
  for (let i = 0; i < 4; i++) await new Promise((resolve) => setImmediate(resolve))
}
const H = 3600
interface Prog extends TimedItem {
  title: string
}

/** A lineup where every channel has hour-long programmes, one crossing each window edge. */
const setup = (channels = 100) => {
  const requests: Array<{ ids: readonly string[]; start: number; end: number; signal: AbortSignal }> = []
  let failing = false
  let now = 0
  const store = createGuideStore<Prog>({
    fetchWindow: (ids, start, end, signal) => {
      requests.push({ ids, start, end, signal })
      if (failing) return Promise.reject(new Error('HTTP 503'))
      const byChannel = new Map<string, Prog[]>()
      for (const id of ids) {
        const items: Prog[] = []
        for (let t = start - H / 2; t < end; t += H) items.push({ start: t, end: t + H, title: `${id}@${t}` })
        byChannel.set(id, items)
      }
      return Promise.resolve(byChannel)
    },
    channelsPerBlock: 10,
    windowSeconds: 4 * H,
    maxWindows: 12,
    now: () => now,
    log: quiet,
  })
  store.setChannels(Array.from({ length: channels }, (_, i) => `ch${i}`))
  return {
    store,
    requests,
    fail: (on: boolean) => (failing = on),
    advance: (ms: number) => (now += ms),
  }
}

describe('the guide store', () => {
  it('fetches the windows on screen once and serves programmes from them', async () => {
    const { store, requests } = setup()
    store.show({ firstRow: 0, lastRow: 7, from: 8 * H, to: 10 * H })
    store.show({ firstRow: 0, lastRow: 7, from: 8 * H, to: 10 * H })
    expect(requests).toHaveLength(1)
    expect(requests[0]).toMatchObject({ start: 8 * H, end: 12 * H })
    expect(requests[0]?.ids).toHaveLength(10)
    expect(store.programmes(3, 8 * H, 10 * H).state).toBe('loading')
    await flush()
    const { items, state } = store.programmes(3, 8 * H, 10 * H)
    expect(state).toBe('ready')
    expect(items.map((p) => p.start)).toEqual([7.5 * H, 8.5 * H, 9.5 * H])
  })

  it('keeps a programme that crosses a window edge once', async () => {
    const { store } = setup()
    store.show({ firstRow: 0, lastRow: 5, from: 11 * H, to: 13 * H })
    await flush()
    const starts = store.programmes(0, 11 * H, 13 * H).items.map((p) => p.start)
    expect(starts).toEqual([10.5 * H, 11.5 * H, 12.5 * H])
  })

  it('prefetches the next window in the direction of travel', async () => {
    const { store, requests } = setup()
    store.show({ firstRow: 0, lastRow: 7, from: 8 * H, to: 10 * H }, 'down')
    expect(requests.map((r) => r.ids[0])).toEqual(['ch0', 'ch10'])
    store.show({ firstRow: 0, lastRow: 7, from: 8 * H, to: 10 * H }, 'right')
    expect(requests.slice(2).map((r) => r.start)).toEqual([12 * H])
    await flush()
    // Scrolling onto prefetched data costs no request.
    store.show({ firstRow: 10, lastRow: 17, from: 8 * H, to: 10 * H })
    expect(requests).toHaveLength(3)
  })

  it('drops requests for windows scrolled far away, and asks again when they come back', async () => {
    const { store, requests } = setup()
    store.show({ firstRow: 0, lastRow: 7, from: 8 * H, to: 10 * H })
    store.show({ firstRow: 60, lastRow: 67, from: 8 * H, to: 10 * H })
    expect(requests[0]?.signal.aborted).toBe(true)
    store.show({ firstRow: 0, lastRow: 7, from: 8 * H, to: 10 * H })
    await flush()
    expect(store.programmes(0, 8 * H, 10 * H).state).toBe('ready')
  })

  it('keeps memory bounded however far the viewer scrolls, never dropping what is on screen', async () => {
    expect.hasAssertions()
    const { store } = setup(1000)
    for (let row = 0; row < 1000; row += 8) {
      store.show({ firstRow: row, lastRow: row + 7, from: 8 * H, to: 10 * H }, 'down')
      await flush()
      expect(store.cachedWindows).toBeLessThanOrEqual(12)
      expect(store.programmes(row, 8 * H, 10 * H).state).toBe('ready')
    }
  })

  it('marks a failed window and retries it on a later move, not on every key', async () => {
    const { store, requests, fail, advance } = setup()
    fail(true)
    store.show({ firstRow: 0, lastRow: 7, from: 8 * H, to: 10 * H })
    await flush()
    expect(store.programmes(0, 8 * H, 10 * H).state).toBe('failed')
    store.show({ firstRow: 0, lastRow: 7, from: 8 * H, to: 10 * H })
    expect(requests).toHaveLength(1)
    fail(false)
    advance(10_000)
    store.show({ firstRow: 0, lastRow: 7, from: 8 * H, to: 10 * H })
    await flush()
    expect(requests).toHaveLength(2)
    expect(store.programmes(0, 8 * H, 10 * H).state).toBe('ready')
  })

  it('forgets everything when the lineup changes', async () => {
    const { store, requests } = setup()
    store.show({ firstRow: 0, lastRow: 7, from: 8 * H, to: 10 * H })
    await flush()
    store.setChannels(['x', 'y'])
    expect(store.cachedWindows).toBe(0)
    store.show({ firstRow: 0, lastRow: 7, from: 8 * H, to: 10 * H })
    expect(requests[1]?.ids).toEqual(['x', 'y'])
  })
})

describe('the window cache', () => {
  it('drops the least recently used first, but not the ones kept', () => {
    const cache = new WindowCache<number>(2)
    cache.set('a', 1)
    cache.set('b', 2)
    cache.get('a')
    cache.set('c', 3)
    expect([cache.has('a'), cache.has('b'), cache.has('c')]).toEqual([true, false, true])
    cache.set('d', 4, (k) => k === 'a')
    expect([cache.has('a'), cache.has('c'), cache.has('d')]).toEqual([true, false, true])
  })
})
