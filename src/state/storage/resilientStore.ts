import { BehaviorSubject, Observable } from 'rxjs'
import type { Logger } from '../../platform/log'
import type { KeyValueStore } from './keyValueStore'

export interface ResilientStore extends KeyValueStore {
  /** True once the persistent store has failed and new data lives in memory. */
  readonly degraded$: Observable<boolean>
}

/** By shape: a DOMException is no `instanceof Error` in older WebKit, nor across realms. */
const describe = (error: unknown): string => {
  if (typeof error === 'object' && error !== null) {
    const { name, message } = error as { name?: unknown; message?: unknown }
    if (typeof name === 'string' && typeof message === 'string') return `${name}: ${message}`
  }
  return `rejected with ${String(error)}`
}

/**
 * One stored value that does not parse (localforage's localStorage and WebSQL drivers keep
 * JSON text, which a crash or an older build may have cut short): the entry is broken, not the
 * storage. By name, as the error may come from another realm.
 */
const isUnparsable = (error: unknown): boolean =>
  typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'SyntaxError'

type Written = { value: unknown } | 'removed'

/**
 * Storage that never takes the app down. The first failure of the persistent store (quota
 * exceeded, IndexedDB unavailable in a private window, a write rejected with a null error as
 * some WebKit builds do) switches this session's writes to memory: data fetched from now on is
 * still cached, just not across a restart. What was already persisted stays readable as long as
 * the store still answers reads (a full disk does), so the last good data is still shown; reads
 * stop only when they fail too. A value that does not parse is removed and read as missing, so
 * its owner fetches it again and the storage stays persistent.
 */
export const createResilientStore = (primary: KeyValueStore, log: Logger): ResilientStore => {
  // What this session wrote or removed after writes stopped reaching the persistent store.
  const memory = new Map<string, Written>()
  let writable = true
  let readable = true
  const degraded = new BehaviorSubject(false)
  const fallBack = (operation: string, error: unknown): void => {
    writable = false
    if (degraded.value) return
    log.warn(`storage: ${operation} failed (${describe(error)}); caching in memory for this session`)
    degraded.next(true)
  }

  return {
    degraded$: degraded.asObservable(),
    async getItem(key) {
      const written = memory.get(key)
      if (written !== undefined) return written === 'removed' ? null : structuredClone(written.value)
      if (!readable) return null
      try {
        return await primary.getItem(key)
      } catch (error: unknown) {
        if (isUnparsable(error)) {
          log.warn(`storage: ${key} does not parse (${describe(error)}); discarded`)
          await primary.removeItem(key).catch(() => undefined)
          return null
        }
        readable = false
        fallBack('read', error)
        return null
      }
    },
    async setItem(key, value) {
      if (writable) {
        try {
          await primary.setItem(key, value)
          return value
        } catch (error: unknown) {
          fallBack('write', error)
        }
      }
      memory.set(key, { value: structuredClone(value) })
      return value
    },
    async removeItem(key) {
      if (writable) {
        try {
          await primary.removeItem(key)
          return
        } catch (error: unknown) {
          fallBack('remove', error)
        }
      }
      // The persistent copy may still be there: this session must not read it back.
      memory.set(key, 'removed')
    },
  }
}
