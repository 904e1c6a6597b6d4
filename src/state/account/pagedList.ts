import { BehaviorSubject, Observable } from 'rxjs'

export interface Page<T> {
  items: readonly T[]
  /** How many there are in all (document 004's countAll), when the server says. */
  total: number | undefined
  /** Server items this page took up, counting any dropped as malformed; items.length if absent. */
  consumed?: number
}

export interface PagedListState<T> {
  items: readonly T[]
  total: number | undefined
  loading: boolean
  /** No more pages: the server returned fewer than asked for, or we have `total`. */
  complete: boolean
  error: unknown
}

export interface PagedListOptions<T> {
  fetchPage: (offset: number, count: number, signal: AbortSignal) => Promise<Page<T>>
  pageSize?: number
}

export interface PagedList<T> {
  state$: Observable<PagedListState<T>>
  readonly current: PagedListState<T>
  loadMore(): Promise<void>
  /** From the first page again (the history changed, or the viewer asked). */
  reload(): Promise<void>
  dispose(): void
}

/**
 * A list read page by page as the viewer scrolls (the account history of document 004,
 * newest first). One page request at a time; a failed page can be asked for again without
 * losing the pages already shown.
 */
export const createPagedList = <T>(options: PagedListOptions<T>): PagedList<T> => {
  const pageSize = options.pageSize ?? 20
  const state = new BehaviorSubject<PagedListState<T>>({
    items: [],
    total: undefined,
    loading: false,
    complete: false,
    error: undefined,
  })
  let controller: AbortController | undefined
  // The server's offset: ahead of items.length when a malformed item was dropped.
  let offset = 0

  const loadMore = async (): Promise<void> => {
    const current = state.value
    if (current.loading || current.complete) return
    const mine = new AbortController()
    controller = mine
    state.next({ ...current, loading: true, error: undefined })
    try {
      const page = await options.fetchPage(offset, pageSize, mine.signal)
      if (mine.signal.aborted) return
      const consumed = page.consumed ?? page.items.length
      offset += consumed
      const items = [...current.items, ...page.items]
      const total = page.total ?? current.total
      const complete = consumed < pageSize || (total !== undefined && offset >= total)
      state.next({ items, total, loading: false, complete, error: undefined })
    } catch (error: unknown) {
      if (mine.signal.aborted) return
      state.next({ ...state.value, loading: false, error })
    }
  }

  return {
    state$: state.asObservable(),
    get current(): PagedListState<T> {
      return state.value
    },
    loadMore,
    reload(): Promise<void> {
      controller?.abort()
      offset = 0
      state.next({ items: [], total: undefined, loading: false, complete: false, error: undefined })
      return loadMore()
    },
    dispose(): void {
      controller?.abort()
      state.complete()
    },
  }
}
