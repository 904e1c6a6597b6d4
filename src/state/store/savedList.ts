import { BehaviorSubject, Observable } from 'rxjs'
import type { Logger } from '../../platform/log'
import type { KeyValueStore } from '../storage/keyValueStore'

export interface SavedListState<T> {
  items: readonly T[] | undefined
  /** A load is under way. */
  loading: boolean
  /** The last load failed: the items (if any) are the saved ones. */
  failed: boolean
}

export interface SavedListOptions<T> {
  key: string
  load: (signal: AbortSignal) => Promise<readonly T[]>
  /** Checks what storage holds (an older build may have written it): undefined throws it away. */
  revive: (raw: unknown) => readonly T[] | undefined
  storage: KeyValueStore
  log: Logger
}

export interface SavedList<T> {
  state$: Observable<SavedListState<T>>
  readonly current: SavedListState<T>
  /** Loads again unless a load is under way; the saved list shows meanwhile. */
  refresh(): void
  /** Aborts a load in flight and ends the stream. */
  dispose(): void
}

/**
 * A list the operator changes seldom and that is the same for every user (the product
 * catalogue): shown from storage at once, loaded again when a screen opens,
 * kept as it was when the load fails. No stamp covers it (document 000 is per user).
 */
export const createSavedList = <T>(options: SavedListOptions<T>): SavedList<T> => {
  const state = new BehaviorSubject<SavedListState<T>>({ items: undefined, loading: false, failed: false })
  let loadedFromNetwork = false
  const stop = new AbortController()
  options.storage
    .getItem(options.key)
    .then((raw) => {
      const items = options.revive(raw)
      if (items && !loadedFromNetwork) state.next({ ...state.value, items })
    })
    .catch(() => undefined)
  return {
    state$: state.asObservable(),
    get current() {
      return state.value
    },
    refresh() {
      if (state.value.loading || stop.signal.aborted) return
      state.next({ ...state.value, loading: true })
      options.load(stop.signal).then(
        (items) => {
          if (stop.signal.aborted) return
          loadedFromNetwork = true
          state.next({ items, loading: false, failed: false })
          options.storage.setItem(options.key, items).catch(() => undefined)
        },
        (error: unknown) => {
          if (stop.signal.aborted) return
          options.log.warn(`${options.key}: not loaded; showing the saved copy`, error)
          state.next({ ...state.value, loading: false, failed: true })
        },
      )
    },
    dispose() {
      stop.abort()
      state.complete()
    },
  }
}
