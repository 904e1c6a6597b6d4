import type { Programme } from '../../domain/guide'
import type { Logger } from '../../platform/log'
import type { KeyValueStore } from '../storage/keyValueStore'

/**
 * The last guide windows the operator sent, saved on the box, so that a start or an opening of
 * the guide while the operator cannot be reached shows the programmes the viewer saw last
 * (as the recordings list does, state/cache). Bounded: the newest `max` windows are kept.
 */
export interface SavedWindows {
  save(
    ids: readonly string[],
    start: number,
    end: number,
    rows: ReadonlyMap<string, readonly Programme[]>,
  ): void
  load(
    ids: readonly string[],
    start: number,
    end: number,
  ): Promise<ReadonlyMap<string, readonly Programme[]> | undefined>
}

const INDEX_KEY = 'guide-windows'
const PREFIX = 'guide-window:'

const keyOf = (ids: readonly string[], start: number, end: number): string =>
  `${PREFIX}${start}-${end}:${ids.join(',')}`

const isProgramme = (p: unknown): p is Programme => {
  if (typeof p !== 'object' || p === null) return false
  const r = p as Record<string, unknown>
  return (
    typeof r.id === 'string' &&
    typeof r.channelId === 'string' &&
    typeof r.title === 'string' &&
    typeof r.start === 'number' &&
    typeof r.end === 'number' &&
    Array.isArray(r.categories)
  )
}

/** A saved window as read back: anything that is not one (an older format, damage) is none. */
export const reviveWindow = (data: unknown): Map<string, readonly Programme[]> | undefined => {
  if (typeof data !== 'object' || data === null) return undefined
  const rows = (data as { rows?: unknown }).rows
  if (!Array.isArray(rows)) return undefined
  const out = new Map<string, readonly Programme[]>()
  for (const row of rows) {
    if (!Array.isArray(row) || typeof row[0] !== 'string' || !Array.isArray(row[1])) return undefined
    const programmes: unknown[] = row[1]
    if (!programmes.every(isProgramme)) return undefined
    out.set(row[0], programmes)
  }
  return out
}

export const createSavedWindows = (options: {
  storage: KeyValueStore
  log: Logger
  max?: number
}): SavedWindows => {
  const { storage, log } = options
  const max = options.max ?? 24
  // Saves are chained so that the index is read and written by one save at a time.
  let writing: Promise<void> = Promise.resolve()

  const readIndex = async (): Promise<string[]> => {
    const index = await storage.getItem(INDEX_KEY)
    return Array.isArray(index) ? index.filter((k): k is string => typeof k === 'string') : []
  }

  return {
    save(ids, start, end, rows) {
      const key = keyOf(ids, start, end)
      const value = { rows: [...rows.entries()] }
      writing = writing
        .then(async () => {
          await storage.setItem(key, value)
          const index = [key, ...(await readIndex()).filter((k) => k !== key)]
          for (const old of index.splice(max)) await storage.removeItem(old)
          await storage.setItem(INDEX_KEY, index)
        })
        .catch((error: unknown) => log.warn('guide: a window could not be saved', error))
    },
    async load(ids, start, end) {
      try {
        return reviveWindow(await storage.getItem(keyOf(ids, start, end)))
      } catch (error) {
        log.warn('guide: a saved window could not be read', error)
        return undefined
      }
    },
  }
}
