import { Observable, distinctUntilChanged, fromEvent, map, merge, startWith } from 'rxjs'

/**
 * Whether the app is in the foreground. A browser says so with document.visibilityState; a
 * Firebolt device with its lifecycle (foreground, background, inactive), which an adapter
 * passes in as `platformVisible$` where the SDK is present. Both must say visible.
 */
export const visibility$ = (doc: Document, platformVisible$?: Observable<boolean>): Observable<boolean> => {
  const page$ = fromEvent(doc, 'visibilitychange').pipe(
    startWith(null),
    map(() => doc.visibilityState !== 'hidden'),
  )
  if (platformVisible$ === undefined) return page$.pipe(distinctUntilChanged())
  let page = doc.visibilityState !== 'hidden'
  let platform = true
  return merge(
    page$.pipe(map((v) => ((page = v), page && platform))),
    platformVisible$.pipe(map((v) => ((platform = v), page && platform))),
  ).pipe(distinctUntilChanged())
}

/** Emits when the browser says the network is back: a moment to check the stamps. */
export const networkBack$ = (win: Window): Observable<void> =>
  fromEvent(win, 'online').pipe(map(() => undefined))
