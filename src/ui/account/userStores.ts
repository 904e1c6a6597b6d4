import { Subscription } from 'rxjs'
import type { AccountChange } from '../../domain/accountChanges'
import type { PagedListState } from '../../state/account/pagedList'
import type { SettingsState, SettingsStore } from '../../state/account/settingsStore'
import type { AppState } from '../../state/appState'
import type { UserState } from '../../state/user/userState'

type HistoryStore = ReturnType<AppState['account']['history']>

export interface UserStoresView {
  /** The recording settings store, for the section that sends the changes. */
  settingsStore(store: SettingsStore | undefined): void
  settings(state: SettingsState): void
  history(state: PagedListState<AccountChange>): void
}

/**
 * The account's stores of one user: document 002's settings and document 004's history, made
 * when a user signs in and disposed of when they sign out or the screen closes.
 */
export class UserStores {
  private _user: UserState | undefined
  private _settings: SettingsStore | undefined
  private _history: HistoryStore | undefined
  private _historyState: PagedListState<AccountChange> | undefined
  private _subscription: Subscription | undefined

  constructor(private readonly _view: UserStoresView) {}

  get user(): UserState | undefined {
    return this._user
  }

  /** Whether these are the stores of `user` already. */
  isBoundTo(user: UserState | undefined): boolean {
    return user === this._user && this._settings !== undefined
  }

  bind(user: UserState | undefined, state: AppState | undefined): void {
    this.unbind()
    this._user = user
    if (!user || !state) return
    user.check('user-action')
    const subscriptions = new Subscription()
    this._subscription = subscriptions
    const settings = state.account.settings()
    this._settings = settings
    this._view.settingsStore(settings)
    if (settings) {
      subscriptions.add(settings.state$.subscribe((s) => this._view.settings(s)))
      void settings.load()
    }
    const history = state.account.history(10)
    this._history = history
    subscriptions.add(
      history.state$.subscribe((h) => {
        this._historyState = h
        this._view.history(h)
      }),
    )
    void history.loadMore()
  }

  unbind(): void {
    this._subscription?.unsubscribe()
    this._subscription = undefined
    this._settings?.dispose()
    this._settings = undefined
    this._history?.dispose()
    this._history = undefined
    this._historyState = undefined
    this._user = undefined
  }

  loadMoreHistory(): void {
    void this._history?.loadMore()
  }

  /** A history is there and no page of it is on its way. */
  get historyIdle(): boolean {
    return this._history !== undefined && this._historyState?.loading !== true
  }

  /** Reads the history again from the newest page. */
  reloadHistory(): void {
    void this._history?.reload()
  }
}
