import { Lightning, Router } from '@lightningjs/sdk'
import { label } from '../components/Label'
import { Subscription, of, switchMap } from 'rxjs'
import type { AccountChange } from '../../domain/accountChanges'
import type { PagedListState } from '../../state/account/pagedList'
import { createPinChange, type PinChange, type PinChangeState } from '../../state/account/pinChange'
import type { SettingsStore } from '../../state/account/settingsStore'
import type { UserState } from '../../state/user/userState'
import { HistorySection } from './HistorySection'
import { PackagesSection } from './PackagesSection'
import { PreferencesSection } from './PreferencesSection'
import { RightsSection } from './RightsSection'
import { SectionTabs } from './SectionTabs'
import { SettingsSection } from './SettingsSection'
import { ButtonRow } from '../components/ButtonRow'
import { PinDialog } from '../components/PinDialog'
import { appContext } from '../context'
import { formatTime } from '../format'
import { availableLanguages, currentLanguage, setLanguage, t } from '../i18n'
import { to } from '../navigation'
import { COLORS, FONT, MENU_HEIGHT, SAFE, TYPE } from '../theme'
import { PageTypeConfig } from '../components/PageTypeConfig'

export type AccountSectionId = 'recording' | 'playback' | 'packages' | 'history' | 'preferences'
export const ACCOUNT_SECTIONS: readonly AccountSectionId[] = [
  'recording',
  'playback',
  'packages',
  'history',
  'preferences',
]

interface AccountPageTemplateSpec extends Lightning.Component.TemplateSpec {
  Heading: object
  Who: object
  Tabs: typeof SectionTabs
  Body: {
    Recording: typeof SettingsSection
    Playback: typeof RightsSection
    Packages: typeof PackagesSection
    History: typeof HistorySection
    Preferences: typeof PreferencesSection
    SignedOut: { Message: object; Actions: typeof ButtonRow }
  }
  Pin: typeof PinDialog
}

const TOP = MENU_HEIGHT + 24
const BODY_Y = TOP + 230

type Section = SettingsSection | RightsSection | PackagesSection | HistorySection | PreferencesSection

/**
 * The account screen: recording settings (document 002), playback rights in plain
 * words, packages with their dates, the account history (document 004) paged as the viewer
 * scrolls, and preferences (language, poll period, PIN, sign-out). The tabs follow Left/Right;
 * Down or OK enters a section, Up from its top row returns to the tabs. Without a signed-in
 * user the account sections say so and offer to sign in; the preferences stay.
 */
export class AccountPage
  extends Lightning.Component<AccountPageTemplateSpec, PageTypeConfig>
  implements Lightning.Component.ImplementTemplateSpec<AccountPageTemplateSpec>
{
  readonly Heading = this.getByRef('Heading')!
  readonly Who = this.getByRef('Who')!
  readonly Tabs = this.getByRef('Tabs')!
  readonly Body = this.getByRef('Body')!
  readonly Recording = this.Body.getByRef('Recording')!
  readonly Playback = this.Body.getByRef('Playback')!
  readonly Packages = this.Body.getByRef('Packages')!
  readonly History = this.Body.getByRef('History')!
  readonly Preferences = this.Body.getByRef('Preferences')!
  readonly SignedOut = this.Body.getByRef('SignedOut')!
  readonly SignedOutMessage = this.SignedOut.getByRef('Message')!
  readonly SignedOutActions = this.SignedOut.getByRef('Actions')!
  readonly Pin = this.getByRef('Pin')!

  private _section: AccountSectionId = 'recording'
  private _zone: 'tabs' | 'body' = 'tabs'
  private _subscription: Subscription | undefined
  private _settings: SettingsStore | undefined
  private _history:
    | ReturnType<NonNullable<ReturnType<typeof appContext>['state']>['account']['history']>
    | undefined
  private _historyState: PagedListState<AccountChange> | undefined
  private _user: UserState | undefined
  private _pin: PinChange | undefined

  static override _template(): Lightning.Component.Template<AccountPageTemplateSpec> {
    return {
      w: 1920,
      h: 1080,
      rect: true,
      color: COLORS.background,
      Heading: {
        x: SAFE.x,
        y: TOP,
        ...label('', { font: FONT.bold, size: TYPE.title }),
      },
      Who: {
        x: SAFE.x,
        y: TOP + 80,
        text: {
          text: '',
          fontFace: FONT.regular,
          fontSize: TYPE.caption,
          textColor: COLORS.textMuted,
          wordWrapWidth: SAFE.w,
          maxLines: 1,
        },
      },
      Tabs: { type: SectionTabs, x: SAFE.x, y: TOP + 130 },
      Body: {
        x: SAFE.x,
        y: BODY_Y,
        Recording: { type: SettingsSection },
        Playback: { type: RightsSection, visible: false },
        Packages: { type: PackagesSection, visible: false },
        History: { type: HistorySection, visible: false },
        Preferences: { type: PreferencesSection, visible: false },
        SignedOut: {
          visible: false,
          Message: {
            text: {
              text: '',
              fontFace: FONT.regular,
              fontSize: TYPE.body,
              textColor: COLORS.textDim,
              wordWrapWidth: 1400,
              maxLines: 3,
              lineHeight: 42,
            },
          },
          Actions: { type: ButtonRow, y: 150 },
        },
      },
      Pin: { type: PinDialog },
    }
  }

  override _init(): void {
    this.Heading.patch({ text: { text: t('account.title') } })
    this.Tabs.items = ACCOUNT_SECTIONS.map((id) => ({ id, label: t(`account.${id}`) }))
    this.Tabs.onChange = (item) => this._show(item.id as AccountSectionId)
    this.Tabs.onSelect = (item) => {
      this._show(item.id as AccountSectionId)
      this._enter()
    }
    this.SignedOutActions.items = [{ id: 'signin', label: t('account.action.signIn') }]
    this.SignedOutActions.onSelect = () => Router.navigate(to.signIn())
    this.Recording.onSaved = (message) => this._toast(message, 'success')
    this.History.onLoadMore = () => void this._history?.loadMore()
    this.Preferences.intents = {
      setLanguage: (code) => void this._applyLanguage(code),
      setPollPeriod: (seconds) => void this._applyPollPeriod(seconds),
      changePin: () => this._pin?.open(),
      signOut: () => void this._signOut(),
      signIn: () => Router.navigate(to.signIn()),
    }
    const state = appContext().state
    if (state) {
      this._pin = createPinChange({
        changePin: (oldPin, newPin) => state.account.changePin(oldPin, newPin),
        nowSeconds: () => state.clock.nowSeconds(),
        onDone: () => this._toast(t('account.pin.changed'), 'success'),
      })
    }
    this._show('recording')
  }

  override _active(): void {
    const state = appContext().state
    this._subscription?.unsubscribe()
    const subscription = new Subscription()
    this._subscription = subscription
    // Opened from the menu or a link, the account starts at its first section and row.
    this._zone = 'tabs'
    this.Tabs.index = 0
    this.Preferences.resetFocus()
    this._show('recording')
    if (!state) {
      this._bindUser(undefined)
      return
    }
    subscription.add(state.user$.subscribe((user) => this._bindUser(user)))
    subscription.add(state.preferences.state$.subscribe(() => this._renderPreferences()))
    subscription.add(
      state.user$.pipe(switchMap((user) => (user ? user.rights.state$ : of(undefined)))).subscribe((rights) =>
        this.Packages.show({
          rights: rights?.data,
          offline: rights?.offline ?? false,
          fetchedAt: rights?.fetchedAt,
          now: state.clock.nowSeconds(),
          signedIn: state.user !== undefined,
        }),
      ),
    )
    if (this._pin) subscription.add(this._pin.state$.subscribe((s) => this._renderPin(s)))
  }

  override _inactive(): void {
    this._subscription?.unsubscribe()
    this._subscription = undefined
    this._unbindStores()
    this._pin?.close()
  }

  override _detach(): void {
    this._subscription?.unsubscribe()
    this._unbindStores()
  }

  // -- stores ---------------------------------------------------------------------------------

  private _storesSubscription: Subscription | undefined

  private _unbindStores(): void {
    this._storesSubscription?.unsubscribe()
    this._storesSubscription = undefined
    this._settings?.dispose()
    this._settings = undefined
    this._history?.dispose()
    this._history = undefined
    this._historyState = undefined
    this._user = undefined
  }

  /** A user signed in or out: the account's stores are that user's. */
  private _bindUser(user: UserState | undefined): void {
    if (user === this._user && this._settings !== undefined) return
    this._unbindStores()
    this._user = user
    const state = appContext().state
    const session = user && state ? state.session.current : undefined
    const name = session?.kind === 'user' ? session.user.name : undefined
    this.Who.patch({
      text: { text: name !== undefined ? t('account.who', { name }) : t('account.who.none') },
    })
    this._renderPreferences()
    if (!user || !state) {
      this._show(this._section)
      return
    }
    user.check('user-action')
    const subscriptions = new Subscription()
    this._storesSubscription = subscriptions
    const settings = state.account.settings()
    this._settings = settings
    this.Recording.store = settings
    if (settings) {
      subscriptions.add(
        settings.state$.subscribe((s) => {
          this.Recording.show(s)
          this.Playback.show(s)
          this._refocus()
        }),
      )
      void settings.load()
    }
    const history = state.account.history(10)
    this._history = history
    subscriptions.add(
      history.state$.subscribe((h) => {
        this._historyState = h
        this.History.show(h)
        this._refocus()
      }),
    )
    void history.loadMore()
    this._show(this._section)
  }

  private _renderPreferences(): void {
    const state = appContext().state
    const session = this._user && state ? state.session.current : undefined
    this.Preferences.show({
      languages: availableLanguages(),
      language: currentLanguage() ?? appContext().settings.locale,
      pollPeriodSeconds: state?.preferences.pollPeriodSeconds() ?? appContext().settings.pollPeriodSeconds,
      userName: session?.kind === 'user' ? session.user.name : undefined,
    })
  }

  // -- sections -------------------------------------------------------------------------------

  private _sectionOf(id: AccountSectionId): Section {
    switch (id) {
      case 'recording':
        return this.Recording
      case 'playback':
        return this.Playback
      case 'packages':
        return this.Packages
      case 'history':
        return this.History
      case 'preferences':
        return this.Preferences
    }
  }

  private _show(id: AccountSectionId): void {
    const changed = id !== this._section
    this._section = id
    const signedOut = this._user === undefined && id !== 'preferences'
    for (const s of ACCOUNT_SECTIONS) this._sectionOf(s).visible = !signedOut && s === id
    this.SignedOut.visible = signedOut
    if (signedOut) this.SignedOutMessage.patch({ text: { text: t(`account.signedOutBody.${id}`) } })
    // The history is read again from the newest each time it is opened: another device may
    // have changed something since.
    if (id === 'history' && changed && this._history && this._historyState?.loading !== true) {
      this.History.List.reset()
      void this._history.reload()
    }
    this._refocus()
  }

  private _bodyFocusable(): boolean {
    if (this._user === undefined && this._section !== 'preferences') return true
    return this._sectionOf(this._section).focusable
  }

  private _enter(): void {
    if (!this._bodyFocusable()) return
    this._zone = 'body'
    this._refocus()
  }

  override _getFocused(): Lightning.Component {
    if (this.Pin.isOpen) return this.Pin
    if (this._zone === 'body' && this._bodyFocusable()) {
      if (this._user === undefined && this._section !== 'preferences') return this.SignedOutActions
      return this._sectionOf(this._section)
    }
    return this.Tabs
  }

  override _handleDown(): boolean | void {
    if (this._zone === 'tabs') this._enter()
  }

  override _handleUp(): boolean | void {
    if (this._zone === 'body') {
      this._zone = 'tabs'
      this._refocus()
      return
    }
    Router.focusWidget('Menu')
  }

  override _handleLeft(): void {
    Router.focusWidget('Menu')
  }

  override _handleMenu(): void {
    Router.focusWidget('Menu')
  }

  override _handleBack(): boolean | void {
    if (this._zone === 'body') {
      this._zone = 'tabs'
      this._refocus()
      return
    }
    return false
  }

  // -- intents --------------------------------------------------------------------------------

  /** The saved language applies at start (App.language); the app restarts in it at once. */
  private async _applyLanguage(code: string): Promise<void> {
    const state = appContext().state
    await state?.preferences.setLanguage(code)
    await setLanguage(code)
    window.location.reload()
  }

  private async _applyPollPeriod(seconds: number): Promise<void> {
    const state = appContext().state
    if (!state) return
    await state.preferences.setPollPeriod(seconds)
    this._toast(t('account.prefs.poll.saved'), 'success')
  }

  private async _signOut(): Promise<void> {
    const state = appContext().state
    if (!state) return
    try {
      await state.account.signOut()
      this._zone = 'tabs'
      this._toast(t('account.signedOutToast'), 'info')
    } catch {
      this._toast(t('account.signOutFailed'), 'error')
    }
  }

  private _renderPin(state: PinChangeState): void {
    const open = (titleKey: string, bodyKey: string): void =>
      this.Pin.open({
        title: t(titleKey),
        body: t(bodyKey),
        onSubmit: (pin) => this._pin?.enter(pin),
        onCancel: () => this._pin?.close(),
      })
    switch (state.step) {
      case 'closed':
        if (this.Pin.isOpen) this.Pin.close()
        break
      case 'old':
        open('account.pin.old.title', 'account.pin.old.body')
        if (state.wrong) this.Pin.showWrong(state.attemptsLeft)
        break
      case 'new':
        open('account.pin.new.title', state.mismatch ? 'account.pin.mismatch' : 'account.pin.new.body')
        break
      case 'repeat':
        open('account.pin.repeat.title', 'account.pin.repeat.body')
        break
      case 'sending':
        break
      case 'locked':
        this.Pin.showLocked(t('account.pin.locked', { time: formatTime(state.lockedUntil) }))
        break
      case 'failed':
        this.Pin.close()
        this._toast(t(state.offline ? 'account.pin.offline' : 'account.pin.failed'), 'error')
        break
    }
    this._refocus()
  }

  private _toast(message: string, kind: 'success' | 'error' | 'info'): void {
    this.fireAncestors('$toast', message, kind)
  }
}
