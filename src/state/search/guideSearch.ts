import {
  BehaviorSubject,
  Observable,
  SchedulerLike,
  Subject,
  Subscription,
  catchError,
  debounceTime,
  distinctUntilChanged,
  from,
  map,
  of,
  switchMap,
} from 'rxjs'
import { checkQuery, type SearchAnswer, type SearchResult } from '../../domain/search'
import type { Logger } from '../../platform/log'
import { isApiError } from '../../api'

/**
 * What the search screen shows for what has been typed.
 * - `hint`: too short to search yet (not an error).
 * - `searching`: asked; the previous results stay until the answer.
 * - `ready`: the answer for `query`.
 * - `failed`: the last answer failed (offline, the operator's error); the last results stay.
 */
export interface SearchView {
  typed: string
  status: 'hint' | 'searching' | 'ready' | 'failed'
  /** The query the results are for. */
  query: string
  results: readonly SearchResult[]
  more: boolean
  /** Why the last search failed. */
  failure?: 'offline' | 'refused' | 'other'
}

export interface GuideSearch {
  view$: Observable<SearchView>
  readonly view: SearchView
  /** What the viewer has typed so far; asks once the typing pauses. */
  type(text: string): void
  dispose(): void
}

export interface GuideSearchOptions {
  search: (query: string, signal: AbortSignal) => Promise<SearchAnswer>
  scheduler: SchedulerLike
  /** The pause in typing before the operator is asked (ms). */
  debounceMs: number
  log: Logger
}

const failureOf = (error: unknown): NonNullable<SearchView['failure']> => {
  if (!isApiError(error)) return 'other'
  if (error.kind === 'network' || error.kind === 'timeout') return 'offline'
  return error.kind === 'validation' ? 'refused' : 'other'
}

const EMPTY: SearchView = { typed: '', status: 'hint', query: '', results: [], more: false }

/**
 * Guide search as the viewer types: each key press only records the text (the screen never
 * waits on the network); the operator is asked once typing pauses, and a newer query cancels
 * the answer still on its way (switchMap aborts the request). A failure keeps the last results.
 */
export const createGuideSearch = (options: GuideSearchOptions): GuideSearch => {
  const typed = new Subject<string>()
  const view = new BehaviorSubject<SearchView>(EMPTY)

  const ask = (query: string): Observable<Partial<SearchView>> =>
    new Observable<Partial<SearchView>>((subscriber) => {
      const abort = new AbortController()
      subscriber.next({ status: 'searching' })
      const inner = from(options.search(query, abort.signal))
        .pipe(
          map(
            (answer): Partial<SearchView> => ({
              status: 'ready',
              query,
              results: answer.results,
              more: answer.more,
            }),
          ),
          catchError((error: unknown) => {
            options.log.warn('search failed', error)
            return of<Partial<SearchView>>({ status: 'failed', failure: failureOf(error) })
          }),
        )
        .subscribe(subscriber)
      // A newer query: the answer still on its way is not wanted any more.
      return () => {
        inner.unsubscribe()
        abort.abort()
      }
    })

  const subscription: Subscription = typed
    .pipe(
      debounceTime(options.debounceMs, options.scheduler),
      map(checkQuery),
      distinctUntilChanged(
        (a, b) => a.kind === b.kind && (a.kind !== 'ok' || a.query === (b as typeof a).query),
      ),
      switchMap((check) =>
        check.kind === 'ok'
          ? ask(check.query)
          : of<Partial<SearchView>>({ status: 'hint', query: '', results: [], more: false }),
      ),
    )
    .subscribe((change) => {
      // A failure is said until the next answer.
      const { failure: _said, ...rest } = view.value
      void _said
      view.next({ ...rest, ...change })
    })

  return {
    view$: view.asObservable(),
    get view() {
      return view.value
    },
    type(text) {
      // The typed text shows at once; the search follows the pause.
      view.next({ ...view.value, typed: text })
      typed.next(text)
    },
    dispose() {
      subscription.unsubscribe()
      typed.complete()
      view.complete()
    },
  }
}
