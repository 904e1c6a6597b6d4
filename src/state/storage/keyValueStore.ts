/**
 * What the stores need from persistent storage. localforage's instance already has this shape;
 * the memory store stands in when it is unusable, and tests inject faulty ones.
 */
export interface KeyValueStore {
  getItem(key: string): Promise<unknown>
  setItem(key: string, value: unknown): Promise<unknown>
  removeItem(key: string): Promise<void>
}

/** Values are copied in and out, as IndexedDB's structured clone would: no shared mutation. */
export const createMemoryStore = (): KeyValueStore => {
  const items = new Map<string, unknown>()
  return {
    getItem: (key) => Promise.resolve(items.has(key) ? structuredClone(items.get(key)) : null),
    setItem: (key, value) => {
      items.set(key, structuredClone(value))
      return Promise.resolve(value)
    },
    removeItem: (key) => {
      items.delete(key)
      return Promise.resolve()
    },
  }
}
