import { BehaviorSubject, Observable } from 'rxjs'
import type { Logger } from '../../platform/log'
import { createMemoryStore, type KeyValueStore } from './keyValueStore'

export interface ResilientStore extends KeyValueStore {
  /** True once the persistent store has failed and everything lives in memory. */
  readonly degraded$: Observable<boolean>
}

const describe = (error: unknown): string =>
  error instanceof Error ? `${error.name}: ${error.message}` : `rejected with ${String(error)}`

/**
 * Storage that never takes the app down. The first failure of the persistent store (quota
 * exceeded, IndexedDB unavailable in a private window, a write rejected with a null error as
 * some WebKit builds do) switches this session to memory: data fetched from now on is still
 * cached, just not across a restart. What was already persisted is left as it was.
 */
export const createResilientStore = (primary: KeyValueStore, log: Logger): ResilientStore => {
  const memory = createMemoryStore()
  const degraded = new BehaviorSubject(false)
  const fallBack = (operation: string, error: unknown): void => {
    if (degraded.value) return
    log.warn(`storage: ${operation} failed (${describe(error)}); caching in memory for this session`)
    degraded.next(true)
  }
  const run = async <T>(operation: string, onPrimary: () => Promise<T>, onMemory: () => Promise<T>) => {
    if (degraded.value) return onMemory()
    try {
      return await onPrimary()
    } catch (error: unknown) {
      fallBack(operation, error)
      return onMemory()
    }
  }
  return {
    degraded$: degraded.asObservable(),
    getItem: (key) =>
      run(
        'read',
        () => primary.getItem(key),
        () => memory.getItem(key),
      ),
    setItem: (key, value) =>
      run(
        'write',
        () => primary.setItem(key, value),
        () => memory.setItem(key, value),
      ),
    removeItem: (key) =>
      run(
        'remove',
        () => primary.removeItem(key),
        () => memory.removeItem(key),
      ),
  }
}
