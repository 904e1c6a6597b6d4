import {
  Observable,
  Subscription,
  catchError,
  defer,
  distinctUntilChanged,
  exhaustMap,
  finalize,
  from,
  of,
} from 'rxjs'
import type { AccountChange } from '../../domain/accountChanges'
import { changesSince, isDeviceRemoved, touchesServices } from '../../domain/accountHistory'
import type { Stamps } from '../../domain/stamps'
import type { Logger } from '../../platform/log'

export interface HistoryWatcherOptions {
  /** The newest few account changes (document 004), newest first. */
  newest: (signal: AbortSignal) => Promise<readonly AccountChange[]>
  /** This box's device id, as it signed in with it. */
  deviceId: string
  /** The user's stamps as the poller reads them: a move is a reason to look at the history. */
  stamps$: Observable<Stamps>
  /** The history says this device was removed from the account. */
  onDeviceRemoved: () => void
  /** A service was added, changed or removed since the last look. */
  onServicesChanged: () => void
  log: Logger
}

const sameStamps = (a: Stamps, b: Stamps): boolean =>
  (Object.keys(a) as (keyof Stamps)[]).every((k) => a[k] === b[k])

/**
 * Reacts to the account history: when the stamps move, the newest changes are read
 * (one request at a time; a move during a request is covered by that request's answer or the
 * next move) and compared with the last look. This device removed -> sign out; a service
 * added, changed or removed -> the rights and services are fetched again, so that the guide's
 * badges follow. The first look only sets where "new" starts, except for the device: a removal
 * made while the box was off still counts.
 */
export const watchHistory = (options: HistoryWatcherOptions): Subscription => {
  let lastSeen: string | undefined
  let first = true
  return options.stamps$
    .pipe(
      distinctUntilChanged(sameStamps),
      exhaustMap(() =>
        defer(() => {
          const controller = new AbortController()
          return from(options.newest(controller.signal)).pipe(finalize(() => controller.abort()))
        }).pipe(
          catchError((error: unknown) => {
            options.log.warn('account history: not read; next look when the stamps move', error)
            return of(undefined)
          }),
        ),
      ),
    )
    .subscribe((changes) => {
      if (changes === undefined) return
      if (isDeviceRemoved(changes, options.deviceId)) {
        options.onDeviceRemoved()
        return
      }
      const fresh = first ? [] : changesSince(changes, lastSeen)
      first = false
      lastSeen = changes[0]?.id ?? lastSeen
      if (touchesServices(fresh)) options.onServicesChanged()
    })
}
