import { Lightning, Router, Utils } from '@lightningjs/sdk'
import { Menu } from './ui/shell/Menu'
import { Toast, type Avoid, type ToastKind } from './ui/shell/Toast'
import { ExitDialog } from './ui/shell/ExitDialog'
import { createRouterConfig } from './ui/shell/routes'
import { ROUTE, sectionOf, to } from './ui/navigation'
import { appFonts } from './ui/fonts'
import { appContext, provideContext } from './ui/context'
import { installTestHooks } from './ui/shell/testHooks'
import { COLORS } from './ui/theme'
import { currentLanguage, say, setLanguage, t } from './ui/i18n'
import type { AppState } from './state/appState'
import type { LaterParts } from './ui/context'
import { focusSpeech, newFrom, spoken, type Announcing, type Speech } from './ui/components/voice'
import { visibleTexts, type TextualElement } from './ui/components/visibleTexts'
import { pageTitle } from './ui/shell/pageTitle'
import { ReminderNotice } from './ui/shell/ReminderNotice'
import { noticeLook } from './ui/shell/reminderNoticeLooks'
import type { ReminderNotice as Notice } from './state/reminders/reminders'
import { formatDay, formatTime } from './ui/format'

interface AppTemplateSpec extends Router.App.TemplateSpecLoose {
  Background: object
  Widgets: { Menu: typeof Menu }
  Toast: typeof Toast
  ExitDialog: typeof ExitDialog
  ReminderNotice: typeof ReminderNotice
}

/**
 * The root: the router's pages, the menu widget, the toast and the exit dialog. Back at the
 * bottom of the history asks before closing instead of closing at once.
 */
export class App extends Router.App<AppTemplateSpec> {
  static getFonts() {
    return appFonts()
  }

  static language() {
    const { settings, state } = appContext()
    // The settings' language for the boot page, which has no words; the viewer's saved one
    // (Account > Preferences) applies once the app state has arrived (_boot).
    return {
      file: Utils.asset('translations.json') as string,
      language: state?.preferences.language() ?? settings.locale,
    }
  }

  static override _template(): Lightning.Component.Template<AppTemplateSpec> {
    const routed = super._template() as Lightning.Component.Template<AppTemplateSpec>
    return {
      ...routed,
      Background: { rect: true, w: 1920, h: 1080, color: COLORS.background, zIndex: -1 },
      Widgets: { Menu: { type: Menu } },
      Toast: { type: Toast },
      ExitDialog: { type: ExitDialog, visible: false },
      ReminderNotice: { type: ReminderNotice },
    }
  }

  readonly Menu = this.tag('Widgets.Menu') as Menu
  readonly Toast = this.tag('Toast') as Toast
  readonly ReminderNotice = this.tag('ReminderNotice') as ReminderNotice
  /** Reminders told while another notice shows wait their turn. */
  private _notices: Notice[] = []
  /**
   * The focus path voice guidance has had its say on: what is new since is what gets said.
   * It moves on only once something was said for a path; while that still waits for its pause,
   * or when a path had nothing to say (a page whose buttons are not there yet), the next focus
   * change is measured from the same place, so that a page's title is not lost when its focus
   * moves as its data arrives.
   */
  private _heardPath: readonly unknown[] = []
  /** The path of the last announcement made. */
  private _saidPath: readonly unknown[] | undefined
  /** What waits to be said came from a focus change (not from a `$voiceUpdate`). */
  private _walked = false

  /** The rest of the app (src/later.ts), asked for once the boot page is drawn. */
  private _later: Promise<LaterParts> | undefined

  /** The location's hash when the app started (a deep link, or none). */
  private _startHash = ''

  override _setup(): void {
    const { settings, log } = appContext()
    this._startHash = window.location.hash
    if (settings.testHooks) installTestHooks(this, () => this.Toast.message)
    // The boot page first (the `$` route); once it is drawn it tells the App ($bootPageDrawn).
    Router.startRouter(
      createRouterConfig({
        page: (name) => this._loadLater().then((later) => later.pages[name]),
        afterEach: (hash) => {
          // A page that has just opened takes the focus, wherever the key that opened it was.
          Router.focusPage()
          this.Menu.setActive(sectionOf(hash))
          log.debug(`route ${hash}`)
        },
      }),
      this,
    )
  }

  /**
   * The boot page is on screen: now the rest of the app loads, and the route asked for (a deep
   * link, else the guide) follows. A script that cannot load shows the error page.
   */
  $bootPageDrawn(): void {
    this._loadLater().then(
      () => {
        // Not when a route was asked for meanwhile (a hash set while booting): that one goes on,
        // or, its hashchange still to come, will.
        const hash = window.location.hash
        if (Router.isNavigating() || (hash !== '#$' && hash !== this._startHash)) return
        Router.resume()
      },
      (error: unknown) => {
        appContext().log.error(`start: ${error instanceof Error ? error.message : String(error)}`)
        Router.navigate('!', { request: { error }, restart: true })
      },
    )
  }

  /**
   * Loads src/later.ts once and starts what it holds: the app state (in the context from then
   * on, for the pages), the viewer's saved language, the App's part in the state's news.
   */
  private _loadLater(): Promise<LaterParts> {
    const context = appContext()
    const { startLater } = context
    if (!startLater) return Promise.reject(new Error('no later script in the context'))
    this._later ??= startLater().then(async (later) => {
      provideContext({ ...context, state: later.state })
      const language = await later.state.preferences.language()
      if (language !== currentLanguage()) {
        await setLanguage(language)
        this.Menu.relabel()
      }
      this._wire(later.state)
      return later
    })
    return this._later
  }

  /** The app's part in the state's news: who is signed in, storage, reminders, sign-outs. */
  private _wire(state: AppState): void {
    // Signing in runs beside the first page, never in front of it.
    void state.start()
    // Both end when the app state closes (its streams complete).
    state.user$.subscribe((user) => {
      const session = user === undefined ? undefined : state.session.current
      this.Menu.setWho(
        session?.kind === 'user' ? { kind: 'user', name: session.user.name } : { kind: 'anonymous' },
      )
    })
    // Nothing shown is lost, but the viewer should know why a restart will load everything again.
    state.storageDegraded$.subscribe((degraded) => {
      if (degraded) this.Toast.show(t('app.storageDegraded'), 'error', 10)
    })
    // A reminder's notice shows over whatever page is on screen.
    state.reminders.notices$.subscribe((notice) => {
      this._notices.push(notice)
      if (!this.ReminderNotice.isOpen) this._nextNotice()
    })
    // Signed out by the app itself (this device removed, the sign-in ended): say why.
    state.account.signedOut$.subscribe((reason) => Router.navigate(to.signedOut(reason)))
  }

  /**
   * The SDK's close (the exit dialog's "leave", a platform close) removes the App from the
   * stage: the app state's poller, timers and subscriptions end with it.
   */
  override _detach(): void {
    appContext().state?.close()
  }

  /**
   * Back with no history behind it. From a deep-linked page it goes home first; at home it
   * asks, never closes silently.
   */
  override _handleAppClose(): void {
    if (sectionOf(Router.getActiveHash() ?? '') !== ROUTE.guide) Router.navigate(ROUTE.guide)
    else this.$askExit()
  }

  // ---- voice guidance ------------------------------------------------------------------------

  /** Lightning tells every element above a focus change: the App hears them all. */
  override _focusChange(): void {
    const voice = appContext().state?.voice
    if (this._saidPath && !(voice?.pending && this._walked)) this._heardPath = this._saidPath
    if (voice?.enabled) this._walk(this._focusPath())
    else {
      this._heardPath = [...this._focusPath()]
      this._saidPath = undefined
    }
  }

  private _focusPath(): Announcing[] {
    return (this.application as unknown as { focusPath: Announcing[] }).focusPath
  }

  private _walk(path: readonly Announcing[]): void {
    const voice = appContext().state?.voice
    const { text, detail } = focusSpeech(this._speakers(path), newFrom(this._heardPath, path))
    if (!voice || text === '') return
    this._walked = true
    this._saidPath = [...path]
    voice.announce({ text, detail, lang: currentLanguage() ?? 'en' })
  }

  /**
   * The focus path as voice guidance hears it: a page with no words of its own says its title
   * (pageTitle of the route), a focused element with none says the texts it shows.
   */
  private _speakers(path: readonly Announcing[]): Announcing[] {
    const page = Router.getActivePage() as unknown
    const hash = Router.getActiveHash() ?? ''
    const last = path.length - 1
    return path.map((el, i): Announcing => {
      if (el.announce) return el
      if (el === page) return { announce: () => pageTitle(hash) }
      if (i === last)
        return {
          announce: () => visibleTexts(el as unknown as TextualElement),
          ...(el.announceContext ? { announceContext: () => el.announceContext?.() } : {}),
          ...(el.announceDetail ? { announceDetail: () => el.announceDetail?.() } : {}),
        }
      return el
    })
  }

  /** What is focused changed its words without the focus moving (the guide's highlight, a digit typed). */
  $voiceUpdate(speech: Speech, detail?: Speech): void {
    const voice = appContext().state?.voice
    if (!voice?.enabled) return
    // A focus change still waiting: said again with the new words (the title stays in front).
    if (voice.pending && this._walked) return this._walk(this._focusPath())
    const text = spoken(speech)
    if (text === '') return
    this._walked = false
    this._saidPath = [...this._focusPath()]
    voice.update({ text, detail: spoken(detail), lang: currentLanguage() ?? 'en' })
  }

  /** Info says the last announcement again with its detail; the page still gets the key. */
  _captureInfo(): boolean {
    appContext().state?.voice.repeat()
    return false
  }

  private _nextNotice(): void {
    const notice = this._notices.shift()
    const state = appContext().state
    if (!notice || !state) return
    const look = noticeLook(notice, {
      channel: (id) => state.guide.channel(id)?.name ?? id,
      time: formatTime,
      day: formatDay,
    })
    this.ReminderNotice.show({
      heading: t('reminder.heading'),
      message: say(look.message),
      buttons: look.actions.map((id) => ({ id, label: t(`reminder.${id}`) })),
      // Watch tunes as the player does: a channel the rights lock shows the player's offer.
      onAction: (id) => {
        if (id === 'watch') Router.navigate(to.play({ kind: 'live', id: look.channelId }))
      },
      seconds: appContext().settings.reminderNoticeSeconds,
      onHidden: () => {
        if (this._getState() === 'Reminding') Router.focusPage()
        this._nextNotice()
      },
    })
    this._setState('Reminding')
  }

  $askExit(): void {
    this._setState('Exiting')
  }

  $toast(message: string, kind: ToastKind = 'info'): void {
    this.Toast.show(message, kind, undefined, this._focusedBounds())
  }

  /** Where the focused element is on the stage (1080p pixels): the toast leaves it in sight. */
  private _focusedBounds(): { top: number; bottom: number } | undefined {
    const path = (this.application as unknown as { focusPath?: Lightning.Element[] }).focusPath ?? []
    const focused = path[path.length - 1]
    if (!focused || focused === (this as unknown as Lightning.Element)) return undefined
    const corners = focused.core.getCornerPoints()
    const scale = this.stage.getRenderPrecision()
    return { top: corners[1] / scale, bottom: corners[7] / scale }
  }

  /**
   * The player's video is a <video> element under the (transparent) canvas: while it shows,
   * the app's background steps aside so that the picture shows through.
   */
  $videoShown(shown: boolean, keepClear?: Avoid): void {
    const background = this.tag('Background')
    if (background) background.visible = !shown
    // Toasts stay off what the player keeps clear (its OSD), including one already showing.
    this.Toast.band = shown ? keepClear : undefined
  }

  static override _states() {
    return [
      ...super._states(),
      class Exiting extends this {
        override _getFocused() {
          return this.tag('ExitDialog') as ExitDialog
        }
      },
      class Reminding extends this {
        override _getFocused() {
          return this.tag('ReminderNotice') as ReminderNotice
        }
      },
    ]
  }
}
