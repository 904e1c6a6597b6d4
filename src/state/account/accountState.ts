import { EMPTY, Observable, Subject, Subscription, pairwise, switchMap } from 'rxjs'
import type { Api } from '../../api'
import type { Logger } from '../../platform/log'
import type { SessionStore } from '../session/sessionStore'
import type { UserState } from '../user/userState'
import { createAccountHistory, type AccountHistory } from './accountHistory'
import { watchHistory } from './historyWatcher'
import type { PreferencesStore } from './preferences'
import { createSettingsStore, type SettingsStore } from './settingsStore'

/** Why the app signed the viewer out without being asked: the screen explains it. */
export type SignOutReason = 'device-removed' | 'session-ended'

export interface AccountStateOptions {
  api: Api
  user$: Observable<UserState | undefined>
  user: () => UserState | undefined
  preferences: PreferencesStore
  log: Logger
}

export interface AccountState {
  /** The app signed the viewer out by itself; the reason is for the explanation. */
  signedOut$: Observable<SignOutReason>
  /** Called once the session exists (AppState.start). */
  follow(store: SessionStore, device: string): void
  readonly deviceId: string | undefined
  customerId(): string | undefined
  /** The recording settings of the signed-in customer; undefined when nobody is signed in. */
  settings(): SettingsStore | undefined
  /** The account history, read page by page as the viewer scrolls (document 004). */
  history(pageSize?: number): AccountHistory
  /** Changes the parental/purchase PIN; never retried, never logged. */
  changePin(oldPin: string, newPin: string): Promise<void>
  signOut(): Promise<void>
  /** Ends the history watcher and the streams (the app closes). */
  dispose(): void
}

/** How many of the newest changes the watcher reads when the stamps move. */
const WATCH_COUNT = 10

/**
 * The account: document 002's settings and document 004's history for the screen,
 * the PIN change, signing out, and the reactions to the history while someone is signed in
 * (this device removed -> signed out with a reason; a service changed -> rights and services
 * fetched again). `follow` is called once the session exists (AppState.start).
 */
export const createAccountState = (options: AccountStateOptions): AccountState => {
  const { api, log } = options
  const signedOut = new Subject<SignOutReason>()
  let session: SessionStore | undefined
  let deviceId: string | undefined
  // Set while the app itself signs out, so that the end of the session is not taken as imposed.
  let leaving: SignOutReason | 'asked' | undefined
  const subscriptions = new Subscription()

  const authorised = <T>(call: () => Promise<T>): Promise<T> =>
    session ? session.authorised(call) : Promise.reject(new Error('no session'))

  const customerId = (): string | undefined => {
    const current = session?.current
    return current?.kind === 'user' ? current.user.customerId : undefined
  }

  const signOut = async (reason: SignOutReason | 'asked'): Promise<void> => {
    if (!session || session.current.kind !== 'user' || leaving !== undefined) return
    leaving = reason
    try {
      await session.logout()
    } finally {
      leaving = undefined
    }
    if (reason !== 'asked') signedOut.next(reason)
  }

  return {
    signedOut$: signedOut.asObservable(),

    follow(store: SessionStore, device: string): void {
      session = store
      deviceId = device
      // The operator ended the sign-in (the device was removed elsewhere, the session was
      // revoked): the session store fell back to anonymous on "authentication required".
      subscriptions.add(
        store.session$.pipe(pairwise()).subscribe(([before, after]) => {
          if (before.kind === 'user' && after.kind !== 'user' && leaving === undefined) {
            signedOut.next('session-ended')
          }
        }),
      )
      subscriptions.add(
        options.user$
          .pipe(
            switchMap((user) =>
              user === undefined
                ? EMPTY
                : new Observable<never>(() =>
                    watchHistory({
                      newest: async (signal) =>
                        (
                          await authorised(() =>
                            api.account.findAccountChanges({ offset: 0, count: WATCH_COUNT }, { signal }),
                          )
                        ).items,
                      deviceId: device,
                      stamps$: user.stamps$,
                      onDeviceRemoved: () => void signOut('device-removed'),
                      onServicesChanged: () => {
                        user.rights.refresh()
                        user.services.refresh()
                      },
                      log,
                    }),
                  ),
            ),
          )
          .subscribe(),
      )
    },

    get deviceId(): string | undefined {
      return deviceId
    },

    customerId,

    settings(): SettingsStore | undefined {
      const id = customerId()
      if (id === undefined) return undefined
      return createSettingsStore({
        load: (signal) => authorised(() => api.subscription.getSettings(id, { signal })),
        save: (patch) => authorised(() => api.subscription.updateSettings(id, patch)),
        // The quota and auto-expiry are part of the recordings (their stamp moved): fetch them.
        afterSave: () => options.user()?.check('write'),
      })
    },

    history(pageSize = 10) {
      return createAccountHistory(api, authorised, pageSize)
    },

    async changePin(oldPin: string, newPin: string): Promise<void> {
      await authorised(() => api.envelope.changePin(oldPin, newPin))
      options.user()?.check('write')
    },

    signOut: (): Promise<void> => signOut('asked'),

    dispose(): void {
      subscriptions.unsubscribe()
      signedOut.complete()
    },
  }
}
