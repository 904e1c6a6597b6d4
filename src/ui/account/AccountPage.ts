import { Lightning, Router } from '@lightningjs/sdk'
import { Subscription, of, switchMap } from 'rxjs'
import { createPinChange, type PinChange, type PinChangeState } from '../../state/account/pinChange'
import type { UserState } from '../../state/user/userState'
import { AUDIO_AUTO, SUBTITLES_OFF } from '../../domain/trackChoice'
import { HistorySection } from './HistorySection'
import { PackagesSection } from './PackagesSection'
import { preferenceIntents } from './preferenceIntents'
import { pinPrompt } from './pinPrompt'
import { UserStores } from './userStores'
import { PreferencesSection } from './PreferencesSection'
import { RightsSection } from './RightsSection'
import { RemindersSection } from './RemindersSection'
import { reminderRows } from './reminderRows'
import { formatDay, formatTimeRange } from '../format'
import { accountStartOf, type AccountStart } from './accountStart'
import { SectionTabs } from './SectionTabs'
import { SettingsSection } from './SettingsSection'
import { ButtonRow } from '../components/ButtonRow'
import { PageHeader } from '../components/PageHeader'
import { PinDialog } from '../components/PinDialog'
import { parentalWrongPhrase } from '../components/parentalPin'
import { pinRefusalOf } from '../../state/user/parentalLock'
import { formatTime } from '../format'
import { appContext } from '../context'
import { availableLanguages, currentLanguage, say, t } from '../i18n'
import { to } from '../navigation'
import { COLORS, FONT, MENU_HEIGHT, SAFE, TYPE } from '../theme'
import { PageTypeConfig } from '../components/PageTypeConfig'
import { ACCOUNT_SECTIONS, type AccountSectionId } from './sections'

export { ACCOUNT_SECTIONS, type AccountSectionId }

/** Sections that belong to the box, not to a user: shown whether or not anyone is signed in. */
const BOX_SECTIONS: readonly AccountSectionId[] = ['reminders', 'preferences']

interface AccountPageTemplateSpec extends Lightning.Component.TemplateSpec {
  Header: typeof PageHeader
  Tabs: typeof SectionTabs
  Body: {
    Recording: typeof SettingsSection
    Playback: typeof RightsSection
    Packages: typeof PackagesSection
    History: typeof HistorySection
    Reminders: typeof RemindersSection
    Preferences: typeof PreferencesSection
    SignedOut: { Message: object; Actions: typeof ButtonRow }
  }
  Pin: typeof PinDialog
}

const TOP = MENU_HEIGHT + 24
const BODY_Y = TOP + 230

type Section =
  | SettingsSection
  | RightsSection
  | PackagesSection
  | HistorySection
  | RemindersSection
  | PreferencesSection

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
  readonly Header = this.getByRef('Header')!
  readonly Tabs = this.getByRef('Tabs')!
  readonly Body = this.getByRef('Body')!
  readonly Recording = this.Body.getByRef('Recording')!
  readonly Playback = this.Body.getByRef('Playback')!
  readonly Packages = this.Body.getByRef('Packages')!
  readonly History = this.Body.getByRef('History')!
  readonly Reminders = this.Body.getByRef('Reminders')!
  readonly Preferences = this.Body.getByRef('Preferences')!
  readonly SignedOut = this.Body.getByRef('SignedOut')!
  readonly SignedOutMessage = this.SignedOut.getByRef('Message')!
  readonly SignedOutActions = this.SignedOut.getByRef('Actions')!
  readonly Pin = this.getByRef('Pin')!

  private _section: AccountSectionId = 'recording'
  private _start: AccountStart<AccountSectionId> = accountStartOf({}, ACCOUNT_SECTIONS)
  private _zone: 'tabs' | 'body' = 'tabs'
  private _subscription: Subscription | undefined
  private readonly _stores = new UserStores({
    settingsStore: (store) => {
      this.Recording.store = store
    },
    settings: (state) => {
      this.Recording.show(state)
      this.Playback.show(state)
      this._refocus()
    },
    history: (state) => {
      this.History.show(state)
      this._refocus()
    },
  })
  private _pin: PinChange | undefined

  static override _template(): Lightning.Component.Template<AccountPageTemplateSpec> {
    return {
      w: 1920,
      h: 1080,
      rect: true,
      color: COLORS.background,
      Header: { type: PageHeader, x: SAFE.x, y: TOP, look: 'status', width: SAFE.w, subtitleY: 80 },
      Tabs: { type: SectionTabs, x: SAFE.x, y: TOP + 130 },
      Body: {
        x: SAFE.x,
        y: BODY_Y,
        Recording: { type: SettingsSection },
        Playback: { type: RightsSection, visible: false },
        Packages: { type: PackagesSection, visible: false },
        History: { type: HistorySection, visible: false },
        Reminders: { type: RemindersSection, visible: false },
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
    this.Header.title = t('account.title')
    this.Tabs.items = ACCOUNT_SECTIONS.map((id) => ({ id, label: t(`account.${id}`) }))
    this.Tabs.onChange = (item) => this._show(item.id as AccountSectionId)
    this.Tabs.onSelect = (item) => {
      this._show(item.id as AccountSectionId)
      this._enter()
    }
    this.SignedOutActions.items = [{ id: 'signin', label: t('account.action.signIn') }]
    this.SignedOutActions.onSelect = () => Router.navigate(to.signIn())
    this.Recording.onSaved = (message) => this._toast(message, 'success')
    this.History.onLoadMore = () => this._stores.loadMoreHistory()
    this.Reminders.onCancel = (programmeId) => {
      void appContext()
        .state?.reminders.cancel(programmeId)
        .then(
          () => this._toast(t('reminder.done.cancel'), 'success'),
          () => this._toast(t('reminder.failed.save'), 'error'),
        )
    }
    this.Preferences.intents = preferenceIntents({
      state: () => appContext().state,
      toast: (message, kind) => this._toast(message, kind),
      changePin: () => this._pin?.open(),
      setParental: (control) => this._askParental(control),
      signedOut: () => {
        this._zone = 'tabs'
      },
    })
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
    // Opened from the menu or a link, the account starts at its first section and row;
    // #account/<section> opens in that section.
    const start = this._start
    this._zone = start.zone
    this.Tabs.index = ACCOUNT_SECTIONS.indexOf(start.section)
    this.Preferences.resetFocus()
    this._show(start.section)
    if (!state) {
      this._bindUser(undefined)
      return
    }
    subscription.add(state.user$.subscribe((user) => this._bindUser(user)))
    subscription.add(state.preferences.state$.subscribe(() => this._renderPreferences()))
    subscription.add(state.voice.enabled$.subscribe(() => this._renderPreferences()))
    subscription.add(
      state.user$
        .pipe(switchMap((user) => (user ? user.parental.control.state$ : of(undefined))))
        .subscribe(() => this._renderPreferences()),
    )
    subscription.add(
      state.reminders.list$.subscribe((list) => {
        this.Reminders.show(
          reminderRows(list, {
            channel: (id) => {
              const channel = state.guide.channel(id)
              return channel ? `${channel.number} ${channel.name}` : id
            },
            day: formatDay,
            timeRange: formatTimeRange,
          }),
        )
        this._refocus()
      }),
    )
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

  override _onUrlParams(params: Router.PageParams): void {
    this._start = accountStartOf(params, ACCOUNT_SECTIONS)
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

  private get _user(): UserState | undefined {
    return this._stores.user
  }

  private _unbindStores(): void {
    this._stores.unbind()
  }

  /** A user signed in or out: the account's stores are that user's. */
  private _bindUser(user: UserState | undefined): void {
    if (this._stores.isBoundTo(user)) return
    const state = appContext().state
    this._stores.bind(user, state)
    const session = user && state ? state.session.current : undefined
    const name = session?.kind === 'user' ? session.user.name : undefined
    this.Header.subtitle = name !== undefined ? t('account.who', { name }) : t('account.who.none')
    this._renderPreferences()
    this._show(this._section)
  }

  private _renderPreferences(): void {
    const state = appContext().state
    const session = this._user && state ? state.session.current : undefined
    this.Preferences.show({
      languages: availableLanguages(),
      language: currentLanguage() ?? appContext().settings.locale,
      pollPeriodSeconds: state?.preferences.pollPeriodSeconds() ?? appContext().settings.pollPeriodSeconds,
      voiceGuidance: state?.voice.enabled ?? false,
      audioLanguage: state?.preferences.tracks.audio ?? AUDIO_AUTO,
      subtitleLanguage: state?.preferences.tracks.subtitles ?? SUBTITLES_OFF,
      userName: session?.kind === 'user' ? session.user.name : undefined,
      parental: this._user?.parental.control.current.data,
    })
  }

  // -- sections -------------------------------------------------------------------------------

  private _sectionOf(id: AccountSectionId): Section {
    const sections: Record<AccountSectionId, Section> = {
      recording: this.Recording,
      playback: this.Playback,
      packages: this.Packages,
      history: this.History,
      reminders: this.Reminders,
      preferences: this.Preferences,
    }
    return sections[id]
  }

  private _show(id: AccountSectionId): void {
    const changed = id !== this._section
    this._section = id
    const signedOut = this._user === undefined && !BOX_SECTIONS.includes(id)
    for (const s of ACCOUNT_SECTIONS) this._sectionOf(s).visible = !signedOut && s === id
    this.SignedOut.visible = signedOut
    if (signedOut) this.SignedOutMessage.patch({ text: { text: t(`account.signedOutBody.${id}`) } })
    // The history is read again from the newest each time it is opened: another device may
    // have changed something since.
    if (id === 'history' && changed && this._stores.historyIdle) {
      this.History.List.reset()
      this._stores.reloadHistory()
    }
    this._refocus()
  }

  private _bodyFocusable(): boolean {
    if (this._user === undefined && !BOX_SECTIONS.includes(this._section)) return true
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
      if (this._user === undefined && !BOX_SECTIONS.includes(this._section)) return this.SignedOutActions
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

  // -- PIN change ---------------------------------------------------------------------------

  private _renderPin(state: PinChangeState): void {
    const prompt = pinPrompt(state)
    switch (prompt.kind) {
      case 'close':
        if (this.Pin.isOpen) this.Pin.close()
        break
      case 'ask':
        this.Pin.open({
          title: say(prompt.title),
          body: say(prompt.body),
          onSubmit: (pin) => this._pin?.enter(pin),
          onCancel: () => this._pin?.close(),
        })
        if (prompt.wrong) this.Pin.showWrong(prompt.attemptsLeft)
        break
      case 'locked':
        this.Pin.showLocked(say(prompt.text))
        break
      case 'failed':
        this.Pin.close()
        this._toast(say(prompt.toast), 'error')
        break
      case 'wait':
    }
    this._refocus()
  }

  // -- parental control -----------------------------------------------------------------------

  /** The settings change only with the PIN, which the operator checks (and counts). */
  private _askParental(control: { enabled: boolean; maxRating: number }): void {
    const state = appContext().state
    const lock = this._user?.parental
    if (!state || !lock) return
    this.Pin.open({
      title: t('parental.pin.title'),
      body: t('account.parental.pin.body'),
      wrongText: (left) => say(parentalWrongPhrase(left)),
      onCancel: () => this._refocus(),
      onSubmit: (pin) => {
        lock.setControl(pin, control).then(
          () => {
            this.Pin.close()
            this._refocus()
            this._toast(t('account.parental.saved'), 'success')
          },
          (error: unknown) => {
            const refusal = pinRefusalOf(error, state.clock.nowSeconds())
            if (refusal.kind === 'wrong') this.Pin.showWrong(refusal.attemptsLeft)
            else if (refusal.kind === 'locked')
              this.Pin.showLocked(t('parental.pin.locked', { time: formatTime(refusal.lockedUntil) }))
            else {
              this.Pin.close()
              this._refocus()
              this._toast(t(refusal.offline ? 'account.pin.offline' : 'account.pin.failed'), 'error')
            }
          },
        )
      },
    })
    this._refocus()
  }

  private _toast(message: string, kind: 'success' | 'error' | 'info'): void {
    this.fireAncestors('$toast', message, kind)
  }
}
