import { Observable, Subject } from 'rxjs'
import type { Logger } from '../../platform/log'
import { WindowCache } from './windowCache'

/** What the guide shows of one programme; the store only needs its times. */
export interface TimedItem {
  start: number
  end: number
}

/** The part of the grid on screen: channel rows by index, time in Unix seconds. */
export interface Viewport {
  firstRow: number
  lastRow: number
  from: number
  to: number
}

export type Travel = 'up' | 'down' | 'left' | 'right' | 'none'

export interface GuideStoreOptions<P extends TimedItem> {
  /** One request: programmes of these channels between start and end, by channel id. */
  fetchWindow: (
    channelIds: readonly string[],
    start: number,
    end: number,
    signal: AbortSignal,
  ) => Promise<ReadonlyMap<string, readonly P[]>>
  channelsPerBlock?: number
  windowSeconds?: number
  /** Windows kept in memory at most (those on screen are never dropped). */
  maxWindows?: number
  /** Milliseconds; for spacing the retries of failed windows. */
  now: () => number
  log: Logger
}

export type WindowState = 'loading' | 'ready' | 'failed'

interface GuideWindow<P> {
  state: WindowState
  programmes: ReadonlyMap<string, readonly P[]>
  failedAt?: number
}

/** A failed window is asked for again on the next move after this long, not on every key. */
const RETRY_FAILED_MS = 10_000

const DEFAULTS = { channelsPerBlock: 20, windowSeconds: 4 * 3600, maxWindows: 60 }

/** The guide's programme windows around the viewport. */
export interface GuideStore<P extends TimedItem> {
  /** Emits whenever a window arrives or fails: the grid re-reads what it shows. */
  readonly changed$: Observable<void>
  readonly fetchCount: number
  readonly cachedWindows: number
  /** A new lineup (sign-in, rights changed): what was cached belongs to the old one. */
  setChannels(ids: readonly string[]): void
  /** The grid moved: load what is on screen, and one window further the way it went. */
  show(view: Viewport, travel?: Travel): void
  /** The programmes of one channel overlapping [from, to), from the windows in memory. */
  programmes(row: number, from: number, to: number): { items: P[]; state: WindowState | 'missing' }
  dispose(): void
}

/**
 * Programme data for the guide grid, fetched in windows of a block of channels x a few hours
 * around what is on screen, kept in a bounded cache, and one window ahead in the direction the
 * viewer is moving so that the next page is there before the key press that needs it.
 */
export const createGuideStore = <P extends TimedItem>(options: GuideStoreOptions<P>): GuideStore<P> => {
  const channelsPerBlock = options.channelsPerBlock ?? DEFAULTS.channelsPerBlock
  const windowSeconds = options.windowSeconds ?? DEFAULTS.windowSeconds
  const cache = new WindowCache<GuideWindow<P>>(options.maxWindows ?? DEFAULTS.maxWindows)
  const inFlight = new Map<string, AbortController>()
  const changed = new Subject<void>()
  let channelIds: readonly string[] = []
  let visible = new Set<string>()
  let fetches = 0

  const keyOf = (block: number, slot: number): string => `${block}:${slot}`
  const blockOf = (row: number): number => Math.floor(row / channelsPerBlock)
  const slotOf = (time: number): number => Math.floor(time / windowSeconds)

  const keysFor = (view: Viewport): string[] => {
    const keys: string[] = []
    const lastRow = Math.min(view.lastRow, channelIds.length - 1)
    if (lastRow < 0) return keys
    for (let block = blockOf(Math.max(0, view.firstRow)); block <= blockOf(lastRow); block++)
      for (let slot = slotOf(view.from); slot <= slotOf(view.to - 1); slot++) keys.push(keyOf(block, slot))
    return keys
  }

  const load = (block: number, slot: number): void => {
    const key = keyOf(block, slot)
    const cached = cache.get(key)
    // A window whose request was dropped when it scrolled away is still 'loading': ask again.
    if (cached?.state === 'ready' || inFlight.has(key)) return
    if (cached?.failedAt !== undefined && options.now() - cached.failedAt < RETRY_FAILED_MS) return
    const ids = channelIds.slice(block * channelsPerBlock, (block + 1) * channelsPerBlock)
    if (ids.length === 0 || block < 0) return
    const controller = new AbortController()
    inFlight.set(key, controller)
    cache.set(key, { state: 'loading', programmes: cached?.programmes ?? new Map() }, (k) => visible.has(k))
    fetches += 1
    const start = slot * windowSeconds
    options.fetchWindow(ids, start, start + windowSeconds, controller.signal).then(
      (programmes) => {
        inFlight.delete(key)
        if (controller.signal.aborted) return
        cache.set(key, { state: 'ready', programmes }, (k) => visible.has(k))
        changed.next()
      },
      (error: unknown) => {
        inFlight.delete(key)
        if (controller.signal.aborted) return
        options.log.warn(`guide: window ${key} failed`, error)
        cache.set(key, { state: 'failed', programmes: new Map(), failedAt: options.now() }, (k) =>
          visible.has(k),
        )
        changed.next()
      },
    )
  }

  const parse = (key: string): [number, number] => {
    const [block, slot] = key.split(':').map(Number)
    return [block ?? 0, slot ?? 0]
  }

  return {
    /** Emits whenever a window arrives or fails: the grid re-reads what it shows. */
    changed$: changed.asObservable() as Observable<void>,
    get fetchCount(): number {
      return fetches
    },
    get cachedWindows(): number {
      return cache.size
    },

    /** A new lineup (sign-in, rights changed): what was cached belongs to the old one. */
    setChannels(ids: readonly string[]): void {
      channelIds = ids
      for (const controller of inFlight.values()) controller.abort()
      inFlight.clear()
      cache.clear()
    },

    /** The grid moved: load what is on screen, and one window further the way it went. */
    show(view: Viewport, travel: Travel = 'none'): void {
      const keys = keysFor(view)
      visible = new Set(keys)
      if (keys.length === 0) return
      const edges = keys.map(parse)
      const blocks = edges.map(([b]) => b)
      const slots = edges.map(([, s]) => s)
      const [minB, maxB, minS, maxS] = [
        Math.min(...blocks),
        Math.max(...blocks),
        Math.min(...slots),
        Math.max(...slots),
      ]
      // Windows that scrolled well away are not worth their bandwidth any more; those next to
      // the screen (a prefetch) still are.
      for (const [key, controller] of inFlight) {
        const [b, s] = parse(key)
        if (b < minB - 1 || b > maxB + 1 || s < minS - 1 || s > maxS + 1) {
          controller.abort()
          inFlight.delete(key)
        }
      }
      for (const key of keys) load(...parse(key))
      if (travel === 'down') for (let s = minS; s <= maxS; s++) load(maxB + 1, s)
      if (travel === 'up') for (let s = minS; s <= maxS; s++) load(minB - 1, s)
      if (travel === 'right') for (let b = minB; b <= maxB; b++) load(b, maxS + 1)
      if (travel === 'left') for (let b = minB; b <= maxB; b++) load(b, minS - 1)
    },

    /** The programmes of one channel overlapping [from, to), from the windows in memory. */
    programmes(row: number, from: number, to: number): { items: P[]; state: WindowState | 'missing' } {
      const id = channelIds[row]
      if (id === undefined) return { items: [], state: 'missing' }
      const seen = new Set<number>()
      const items: P[] = []
      let state: WindowState | 'missing' = 'ready'
      for (let slot = slotOf(from); slot <= slotOf(to - 1); slot++) {
        const window = cache.get(keyOf(blockOf(row), slot))
        if (window === undefined) state = 'missing'
        else if (window.state !== 'ready' && state === 'ready') state = window.state
        // A programme that crosses a window edge comes in both windows: keep it once.
        for (const p of window?.programmes.get(id) ?? [])
          if (p.end > from && p.start < to && !seen.has(p.start)) {
            seen.add(p.start)
            items.push(p)
          }
      }
      items.sort((a, b) => a.start - b.start)
      return { items, state }
    },

    dispose(): void {
      for (const controller of inFlight.values()) controller.abort()
      inFlight.clear()
      changed.complete()
    },
  }
}
