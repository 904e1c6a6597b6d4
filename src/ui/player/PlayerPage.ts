import { Lightning, Router } from '@lightningjs/sdk'
import { filter, map, skip, take, type Subscription } from 'rxjs'
import type { Channel } from '../../domain/channels'
import { productsGranting } from '../../domain/products'
import { channelByNumber, isPlaybackKind, nearbyChannels, zapTarget } from '../../domain/playback'
import { digitOf } from '../../platform/keys'
import type { PlayerLineup } from '../../state/player/lineup'
import type { MediaCommand, PlayerSession, PlayerState } from '../../state/player/playerSession'
import { appContext } from '../context'
import { currentLanguage, say, t } from '../i18n'
import { pricePhrase } from '../components/priceLabel'
import { productPrice } from '../../state/store/storeView'
import { to } from '../navigation'
import { MINI_GUIDE_ROWS, type MiniGuideRow } from './MiniGuide'
import { PlayerView } from './PlayerView'
import { video } from './videoPlayer'
import { PageTypeConfig } from '../components/PageTypeConfig'
import { DigitEntry, PLAYER_MAX_DIGITS } from '../components/DigitEntry'
import { lockedLook, type LockedChannel } from './lockedLooks'
import { ParentalLockView } from './ParentalLockView'
import { checkParental, type ParentalCheck } from './parentalCheck'
import { askParentalPin } from '../components/parentalPin'
import type { PlaybackKind } from '../../domain/playback'
import { SubtitleView } from './SubtitleView'
import { OSD_TOP } from './Osd'
import { TrackMenu } from './TrackMenu'
import { TrackControls } from './trackControls'

interface PlayerPageTemplateSpec extends Lightning.Component.TemplateSpec {
  Subtitles: typeof SubtitleView
  View: typeof PlayerView
  Parental: typeof ParentalLockView
  Tracks: typeof TrackMenu
}

/** The sleep timer's warning stays long enough to be seen from the sofa and acted on. */
const SLEEP_WARNING_SHOWN_SECONDS = 15

/** Seconds a Left/Right press moves; Rewind/FastForward move further. */
export const SEEK_STEP = 30
export const SKIP_STEP = 120

/**
 * Playback, reached as #play/<kind>/<id> (kind: live, startover, catchup, recording). The page
 * owns a playback session (state/player) and the video; keys become the session's intents, and
 * the session's state is drawn by the PlayerView. Zapping replaces the page without adding to
 * the history, so Back returns to where the viewer came from.
 */
export class PlayerPage
  extends Lightning.Component<PlayerPageTemplateSpec, PageTypeConfig>
  implements Lightning.Component.ImplementTemplateSpec<PlayerPageTemplateSpec>
{
  readonly View = this.getByRef('View')!
  readonly Parental = this.getByRef('Parental')!
  readonly Subtitles = this.getByRef('Subtitles')!
  readonly Tracks = this.getByRef('Tracks')!
  private readonly _trackControls = new TrackControls({
    menu: this.Tracks,
    subtitles: this.Subtitles,
    sleepTimer: () => appContext().state?.sleepTimer,
    preferences: () => appContext().state?.preferences,
    refocus: () => this._refocus(),
    holdOsd: (held) => {
      this.View.osdHeld = held
      this.View.showOsd()
    },
    warn: (message) => {
      this.View.notice(message, SLEEP_WARNING_SHOWN_SECONDS)
      this.fireAncestors('$voiceUpdate', message)
    },
    sleepExpired: () => {
      this._stop()
      this.View.showSleepStopped()
    },
  })
  private _session: PlayerSession | undefined
  private _subscriptions: Subscription[] = []
  private _visibility: Subscription | undefined
  private _stopListening: (() => void) | undefined
  private _videoHandle = -1
  private _params: { kind: string; id: string } | undefined
  private _lineup: PlayerLineup | undefined
  /** Grows with each start: what arrives for an earlier one is dropped. */
  private _startSeq = 0
  private _explained = false
  private _remembered = false
  /** The programme whose successor the OSD shows (channel and start), so it is asked once. */
  private _upNextOf = ''
  private readonly _digits = new DigitEntry({
    maxDigits: PLAYER_MAX_DIGITS,
    onChange: (digits) => this.View.showDigits(digits),
    onNumber: (typed) =>
      void this._channels().then((lineup) => {
        if (!lineup) return
        const channel = channelByNumber(lineup, typed)
        if (channel) this._zapTo(channel)
        else this.View.notice(t('player.zap.unknown', { number: typed }))
      }),
  })

  static override _template(): Lightning.Component.Template<PlayerPageTemplateSpec> {
    // No background of its own: the video shows through where nothing is drawn. The subtitles
    // lie under the view (its shade and messages cover them), the track menu over it.
    return {
      w: 1920,
      h: 1080,
      Subtitles: { type: SubtitleView },
      View: { type: PlayerView },
      Parental: { type: ParentalLockView, visible: false },
      Tracks: { type: TrackMenu, visible: false, ...TrackMenu.placeAt() },
    }
  }

  override _onUrlParams(params: Router.PageParams): void {
    const kind = typeof params.kind === 'string' ? params.kind : ''
    const id = typeof params.id === 'string' ? params.id : ''
    this._params = { kind, id }
    this._start()
  }

  override _init(): void {
    const clock = appContext().state?.clock
    if (clock) this.View.nowSeconds = () => clock.nowSeconds()
    this.View.intents = {
      back: () => Router.back(),
      retry: () => this._start(),
      signIn: () => Router.navigate(to.signIn()),
      choose: (resume) => this._session?.choose(resume),
      watchAgain: () => this._session?.togglePause(),
      openStore: (target) =>
        Router.navigate(target.kind === 'product' ? to.product(target.id) : to.productForChannel(target.id)),
    }
    this.View.onOsdShown = (shown) => (this.Subtitles.bottom = SubtitleView.bottomWith(shown))
  }

  override _active(): void {
    this.fireAncestors('$videoShown', true, { top: OSD_TOP, bottom: 1080 })
    this._trackControls.watchSleep()
    // Sent to the background (page hidden, Firebolt background or inactive), the player lets go
    // of the video and saves the resume point; back in front it starts again where it was.
    this._visibility?.unsubscribe()
    this._visibility = appContext()
      .state?.visible$.pipe(skip(1))
      .subscribe((inFront) => (inFront ? this._start() : this._stop()))
  }

  override _inactive(): void {
    this._trackControls.unwatchSleep()
    this._visibility?.unsubscribe()
    this._visibility = undefined
    this._stop()
    this.fireAncestors('$videoShown', false)
  }

  override _detach(): void {
    this._trackControls.unwatchSleep()
    this._visibility?.unsubscribe()
    this._visibility = undefined
    this._stop()
  }

  private _start(): void {
    this._stop()
    this._startSeq += 1
    this._explained = false
    this._remembered = false
    this._upNextOf = ''
    this.View.upNext = undefined
    this.View.locked = undefined
    this.Parental.hide()
    const { state, log } = appContext()
    const user = state?.user
    const params = this._params
    if (!state || !user) {
      this.View.showError('signIn')
      return
    }
    if (!params || !isPlaybackKind(params.kind) || params.id === '') {
      this.View.showError('notFound')
      return
    }
    this._lineup ??= state.player.lineup
    const session = state.player.session(user, log)
    this._session = session
    this._stopListening = video.listen((event) => {
      if (event.type === 'time') session.streamTime(event.at)
      else if (event.type === 'trouble') session.streamTrouble(event.trouble)
      else if (event.type === 'playing') this.View.pictureShown()
      else if (event.type === 'tracks') this._trackControls.attach(event.tracks)
    })
    this._subscriptions = [
      session.state$.subscribe((s) => {
        if (s.status !== 'playing' && s.status !== 'paused') this._trackControls.closeMenu()
        this.View.render(s)
        this._follow(s)
      }),
      session.media$.subscribe((c) => this._media(c)),
    ]
    session.connect()
    this.View.showLoading()
    void this._startUnlessLocked(session, params.kind, params.id, this._startSeq)
  }

  private _stop(): void {
    const session = this._session
    this._session = undefined
    this._subscriptions.forEach((s) => s.unsubscribe())
    this._subscriptions = []
    this._stopListening?.()
    this._stopListening = undefined
    if (session) {
      // Saves the resume point on the way out, then lets go of the video.
      void session.stop().finally(() => session.dispose())
    }
    this._trackControls.detach()
    video.close(this._videoHandle)
    this._videoHandle = -1
    this._digits.clear()
  }

  /**
   * The guide opens on the channel last watched live: told once a live channel plays, so that a
   * channel tuned to without the right is not remembered. A channel refused for want of a right
   * gets its name, what is on and the product that grants it.
   */
  private _follow(s: PlayerState): void {
    const p = s.playback
    if (!this._remembered && s.status === 'playing' && p?.kind === 'live') {
      this._remembered = true
      appContext().state?.guide.rememberChannel(p.channelId)
    }
    if (p && `${p.channelId}|${p.start}` !== this._upNextOf) {
      this._upNextOf = `${p.channelId}|${p.start}`
      void this._findUpNext(p.channelId, p.start, this._startSeq)
      if (p.kind === 'live') void this._recheckParental(p.channelId, this._startSeq)
    }
    if (
      !this._explained &&
      s.status === 'error' &&
      s.error === 'notAllowed' &&
      this._params?.kind === 'live'
    ) {
      this._explained = true
      void this._explainLocked(this._params.id, this._startSeq)
    }
  }

  private async _explainLocked(channelId: string, seq: number): Promise<void> {
    const state = appContext().state
    if (!state) return
    const current = (): boolean => seq === this._startSeq
    let locked: LockedChannel = { channelId }
    const show = (more: Partial<LockedChannel>): void => {
      locked = { ...locked, ...more }
      if (current()) this.View.locked = lockedLook(locked)
    }
    const lineup = await this._channels()
    const channel = lineup?.find((c) => c.id === channelId)
    if (!current()) return
    show(channel ? { channel: { number: channel.number, name: channel.name } } : {})
    // The smallest product that grants the channel (the store's rule), once the catalogue is in:
    // until then the offer is the store's page for the channel. The message offers the store, so
    // the catalogue is loaded as for a store screen.
    const store = state.store
    store.open()
    this._subscriptions.push(
      store.model$
        .pipe(
          map((m) => productsGranting(channelId, m.products ?? [])[0]),
          filter((p) => p !== undefined),
          take(1),
        )
        .subscribe((p) => {
          const price = say(pricePhrase(productPrice(p, 'buy'), currentLanguage() ?? 'en'))
          show({ product: { id: p.id, title: p.title, ...(price ? { price } : {}) } })
        }),
    )
    const nowNext = await this._lineup?.nowNext([channelId], state.clock.nowSeconds()).catch(() => undefined)
    const onNow = nowNext?.get(channelId)?.now
    if (onNow) show({ onNow: { title: onNow.title, start: onNow.start, end: onNow.end } })
  }

  /** The programme after the one playing on its channel, for the OSD (nothing when unknown). */
  private async _findUpNext(channelId: string, start: number, seq: number): Promise<void> {
    const nowNext = await this._lineup?.nowNext([channelId], start + 1).catch(() => undefined)
    const next = nowNext?.get(channelId)?.next
    if (seq !== this._startSeq) return
    this.View.upNext = next ? { title: next.title, start: next.start } : undefined
  }

  private _media(c: MediaCommand): void {
    switch (c.type) {
      case 'load':
        this._videoHandle = video.open(c.url, {
          ...(c.at !== undefined ? { at: c.at } : {}),
          ...(c.origin !== undefined ? { origin: c.origin } : {}),
        })
        break
      case 'seek':
        video.seek(c.at)
        break
      case 'play':
        video.play()
        break
      case 'pause':
        video.pause()
        break
      case 'stop':
        video.close(this._videoHandle)
        break
    }
  }

  // ---- parental lock ----------------------------------------------------------------------------

  /** No stream is asked for while the programme is above the parental limit: the lock shows instead. */
  private async _startUnlessLocked(
    session: PlayerSession,
    kind: PlaybackKind,
    id: string,
    seq: number,
  ): Promise<void> {
    const check = await checkParental(kind, id)
    if (seq !== this._startSeq) return
    if (check.locked) this._showParental(check)
    else void session.start(kind, id)
  }

  /** The next programme on a live channel is checked again: above the limit, the stream stops. */
  private async _recheckParental(channelId: string, seq: number): Promise<void> {
    const check = await checkParental('live', channelId)
    if (seq === this._startSeq && check.locked) this._start()
  }

  private _showParental(check: Extract<ParentalCheck, { locked: true }>): void {
    const state = appContext().state
    const lock = state?.user?.parental
    if (!state || !lock) return
    this.Parental.show(check.look)
    this.Parental.onUnlock = () =>
      askParentalPin({
        dialog: this.Parental.Pin,
        lock,
        programme: check.programme,
        nowSeconds: () => state.clock.nowSeconds(),
        onUnlocked: () => this._start(),
        onCancel: () => this._refocus(),
        onFailed: (message) => this.View.notice(message),
      })
    this._refocus()
  }

  // ---- zapping ------------------------------------------------------------------------------

  /** The channel playing, or the one tuned to live that could not play (zapping goes on from it). */
  private get _channelId(): string | undefined {
    const tuned = this._params?.kind === 'live' ? this._params.id : undefined
    return this._session?.current.playback?.channelId ?? tuned
  }

  private async _channels(): Promise<readonly Channel[] | undefined> {
    try {
      return await this._lineup?.channels()
    } catch {
      this.View.notice(t('player.zap.unavailable'))
      return undefined
    }
  }

  /** Plays a channel live in place of this page: no history entry, Back still leads out. */
  private _zapTo(channel: Channel): void {
    if (channel.id === this._channelId && this._session?.current.playback?.kind === 'live') return
    Router.navigate(to.play({ kind: 'live', id: channel.id }), {}, false)
  }

  private async _zap(step: 1 | -1): Promise<void> {
    const lineup = await this._channels()
    const current = this._channelId
    if (!lineup || current === undefined) return
    const target = zapTarget(lineup, current, step)
    if (target) this._zapTo(target)
  }

  // ---- mini guide ---------------------------------------------------------------------------

  private async _openGuide(around?: Channel): Promise<void> {
    const lineup = await this._channels()
    const centre = around?.id ?? this._channelId
    if (!lineup || centre === undefined) return
    const channels = nearbyChannels(lineup, centre, 2, MINI_GUIDE_ROWS - 3)
    const show = (rows: MiniGuideRow[]): void => {
      this.View.MiniGuide.show(rows, centre)
      this.View.showGuide(true)
    }
    show(channels.map((channel) => ({ channel, nowNext: undefined })))
    this.View.MiniGuide.onZap = (c) => {
      this._closeGuide()
      this._zapTo(c)
    }
    this.View.MiniGuide.onMove = (c) => void this._openGuide(c)
    const now = appContext().state?.clock.nowSeconds() ?? 0
    try {
      const nowNext = await this._lineup?.nowNext(
        channels.map((c) => c.id),
        now,
      )
      if (this.View.MiniGuide.visible && this.View.MiniGuide.selected?.id === centre) {
        show(channels.map((channel) => ({ channel, nowNext: nowNext?.get(channel.id) ?? {} })))
      }
    } catch {
      show(channels.map((channel) => ({ channel, nowNext: {} })))
    }
  }

  private _closeGuide(): void {
    this.View.showGuide(false)
  }

  // ---- keys ---------------------------------------------------------------------------------

  override _getFocused(): Lightning.Component {
    if (this.Parental.visible) return this.Parental
    if (this._trackControls.menuOpen) return this.Tracks
    return this.View
  }

  /** Yellow: the audio, subtitle and sleep-timer menu, over the OSD. */
  override _handleYellow(): void {
    if (this.View.messageShown || this.View.guideShown || !this._session) return
    this._trackControls.openMenu()
  }

  override _handleEnter(): void {
    this._session?.togglePause()
    this.View.showOsd()
  }

  override _handlePlayPause(): void {
    this._handleEnter()
  }

  override _handleLeft(): void {
    if (this.View.guideShown) return this._closeGuide()
    this._session?.skip(-SEEK_STEP)
    this.View.showOsd()
  }

  override _handleRight(): void {
    if (this.View.guideShown) return
    this._session?.skip(SEEK_STEP)
    this.View.showOsd()
  }

  override _handleRewind(): void {
    this._session?.skip(-SKIP_STEP)
    this.View.showOsd()
  }

  override _handleFastForward(): void {
    this._session?.skip(SKIP_STEP)
    this.View.showOsd()
  }

  /** Green: back to live (live and start-over). */
  override _handleGreen(): void {
    this._session?.goLive()
    this.View.showOsd()
  }

  /** Red: start the programme on now over, from live. */
  override _handleRed(): void {
    const p = this._session?.current.playback
    if (p?.kind === 'live' && p.programmeId !== undefined)
      Router.navigate(to.play({ kind: 'startover', id: p.programmeId }), {}, false)
  }

  /** Info shows the OSD (again, for its full time); any trick-play key shows it too. */
  override _handleInfo(): void {
    this.View.showOsd()
  }

  override _handleUp(): void {
    void this._openGuide()
  }

  override _handleDown(): void {
    void this._openGuide()
  }

  override _handleChannelUp(): void {
    void this._zap(1)
  }

  /** The previous-channel key: back to the channel watched before this one. */
  override _handleRecall(): void {
    const guide = appContext().state?.guide
    if (!guide) return
    void guide.recall.target(this._channelId).then((id) => {
      const channel = id === undefined ? undefined : guide.channel(id)
      if (channel) this._zapTo(channel)
      else this.View.notice(t('recall.none'))
    })
  }

  override _handleChannelDown(): void {
    void this._zap(-1)
  }

  override _handleDigit(e: KeyboardEvent): void {
    const d = digitOf(e)
    if (d !== null) this._digits.push(d)
  }

  /** Back closes the mini guide first; otherwise it travels on to the App (Router.back()). */
  override _handleBack(): boolean | void {
    if (this.View.guideShown) {
      this._closeGuide()
      return
    }
    return false
  }

  /** The menu has no place over the video. */
  override _handleMenu(): void {
    return
  }
}
