import { Lightning } from '@lightningjs/sdk'
import type { Playback } from '../../domain/playback'
import type { PlayerErrorKind, PlayerState } from '../../state/player/playerSession'
import { COLORS, FONT, SAFE, TYPE } from '../theme'
import { formatDuration } from '../format'
import { say, t } from '../i18n'
import type { LockedLook } from './lockedLooks'
import { MiniGuide } from './MiniGuide'
import { Notice } from './Notice'
import { Osd } from './Osd'
import { osdModel, type OsdExtras } from './osdModel'
import { osdDetail, osdSpeech } from './playerSpeech'
import type { Speech } from '../components/voice'
import { PlayerMessage, type PlayerAction } from './PlayerMessage'

export interface PlayerViewTemplateSpec extends Lightning.Component.TemplateSpec {
  Shade: { Loading: object }
  Osd: typeof Osd
  MiniGuide: typeof MiniGuide
  Digits: object
  Notice: typeof Notice
  Message: typeof PlayerMessage
}

/** What the page offers for each state; it owns navigation, the view only renders. */
export interface PlayerIntents {
  back(): void
  retry(): void
  signIn(): void
  choose(resume: boolean): void
  watchAgain(): void
  /** The store's page for what a locked channel's message offers. */
  openStore(to: LockedLook['offer']['to']): void
}

/** How long the OSD stays after a key press. */
export const OSD_SECONDS = 5

/**
 * Everything over the video: a shade while there is no picture yet (never a black screen), the
 * OSD, the mini guide, the typed channel number, refusals and the message panel. Rendering only:
 * it turns a PlayerState into what shows.
 */
export class PlayerView
  extends Lightning.Component<PlayerViewTemplateSpec>
  implements Lightning.Component.ImplementTemplateSpec<PlayerViewTemplateSpec>
{
  readonly Shade = this.getByRef('Shade')!
  readonly Loading = this.Shade.getByRef('Loading')!
  readonly Osd = this.getByRef('Osd')!
  readonly MiniGuide = this.getByRef('MiniGuide')!
  readonly Digits = this.getByRef('Digits')!
  readonly Notice = this.getByRef('Notice')!
  readonly Message = this.getByRef('Message')!
  intents: PlayerIntents | undefined
  /** The clock for the OSD (operator time, seconds); without it the OSD shows none. */
  nowSeconds: (() => number) | undefined
  /** The programme after the one playing, when the guide has it. */
  upNext: OsdExtras['next']
  /** The OSD stays up (the track menu is open over it). */
  osdHeld = false
  /** Told when the OSD shows or hides (the subtitles move above it). */
  onOsdShown: ((shown: boolean) => void) | undefined
  private _osdTimer: ReturnType<typeof setTimeout> | undefined
  private _osdPinned = false
  private _osdShown = false
  private _lastRefusal = 0
  private _lastCarriedOn = 0
  private _shown: PlayerState | undefined
  private _locked: LockedLook | undefined

  static override _template(): Lightning.Component.Template<PlayerViewTemplateSpec> {
    return {
      w: 1920,
      h: 1080,
      Shade: {
        w: 1920,
        h: 1080,
        rect: true,
        color: COLORS.background,
        Loading: {
          x: 960,
          y: 540,
          mount: 0.5,
          text: { text: '', fontFace: FONT.semibold, fontSize: TYPE.heading, textColor: COLORS.textDim },
        },
      },
      Osd: { type: Osd, alpha: 0 },
      MiniGuide: { type: MiniGuide, visible: false },
      Digits: {
        x: 1920 - SAFE.x,
        y: SAFE.y,
        mountX: 1,
        text: { text: '', fontFace: FONT.bold, fontSize: TYPE.display, textColor: COLORS.text },
      },
      Notice: { type: Notice },
      Message: { type: PlayerMessage, visible: false },
    }
  }

  get messageShown(): boolean {
    return this.Message.visible
  }

  get guideShown(): boolean {
    return this.MiniGuide.visible
  }

  /** Voice guidance: what the OSD shows (channel, programme, LIVE / paused, where); loading before. */
  announce(): Speech {
    const model = this._shown ? osdModel(this._shown) : undefined
    return model ? osdSpeech(model) : t('player.loading')
  }

  announceDetail(): Speech {
    const model = this._shown ? osdModel(this._shown) : undefined
    return model ? osdDetail(model) : undefined
  }

  /**
   * The mini guide over the video, and over a message too (a locked channel stays a player):
   * the message steps aside while the guide is open and comes back with the focus after it.
   */
  showGuide(shown: boolean): void {
    if (this.MiniGuide.visible === shown) return
    this.MiniGuide.visible = shown
    this.Message.alpha = shown ? 0 : 1
    if (shown) this.hideOsd()
    this._refocus()
  }

  /** What the message over a locked channel says; shown while the session's error is notAllowed. */
  set locked(look: LockedLook | undefined) {
    this._locked = look
    if (this._shown?.status === 'error' && this._shown.error === 'notAllowed') this._showMessage('notAllowed')
  }

  /**
   * Shows the OSD for a few seconds (held while paused or ended); voice guidance says what it
   * shows, after `lead` (why a key was refused).
   */
  showOsd(lead?: string): void {
    if (!this._shown?.playback || this.messageShown) return
    const model = osdModel(this._shown)
    if (model && !this.MiniGuide.visible)
      this.fireAncestors('$voiceUpdate', [lead, osdSpeech(model)], osdDetail(model))
    this._osdShown = true
    this.onOsdShown?.(true)
    this.Osd.setSmooth('alpha', 1, { duration: 0.2 })
    if (this._osdTimer !== undefined) clearTimeout(this._osdTimer)
    this._osdTimer = setTimeout(() => {
      this._osdTimer = undefined
      if (!this._osdPinned && !this.osdHeld) this.hideOsd()
    }, OSD_SECONDS * 1000)
  }

  hideOsd(): void {
    if (this._osdTimer !== undefined) clearTimeout(this._osdTimer)
    this._osdTimer = undefined
    this._osdShown = false
    this.onOsdShown?.(false)
    this.Osd.setSmooth('alpha', 0, { duration: 0.2 })
  }

  get osdShown(): boolean {
    return this._osdShown
  }

  showDigits(digits: string): void {
    this.Digits.patch({ text: { text: digits } })
  }

  /** A notice over the video for `seconds` (the Notice's own few unless told). */
  notice(message: string, seconds?: number): void {
    this.Notice.show(message, seconds)
  }

  showLoading(): void {
    this.Shade.visible = true
    this.Loading.patch({ text: { text: t('player.loading') } })
  }

  /** The picture is there: the shade goes. */
  pictureShown(): void {
    if (this._shown?.status === 'playing' || this._shown?.status === 'paused') this.Shade.visible = false
  }

  /** A message without a session (nobody signed in, a route that makes no sense). */
  showError(kind: PlayerErrorKind): void {
    this._showMessage(kind)
  }

  render(s: PlayerState): void {
    const previous = this._shown
    this._shown = s
    const now = this.nowSeconds?.()
    const model = osdModel(
      s,
      now === undefined ? undefined : { now, ...(this.upNext ? { next: this.upNext } : {}) },
    )
    if (model) this.Osd.model = model
    this._osdPinned = s.status === 'paused'
    if (s.status === 'paused') this.showOsd()
    if (s.refusal && s.refusal.seq !== this._lastRefusal) {
      this._lastRefusal = s.refusal.seq
      const refused = t(`player.refused.${s.refusal.action}.${s.refusal.reason}`)
      this.notice(refused)
      this.showOsd(refused)
    }
    if (s.carriedOn && s.carriedOn.seq !== this._lastCarriedOn) {
      this._lastCarriedOn = s.carriedOn.seq
      this.notice(t('player.carriedOn', { title: s.carriedOn.title }))
    }
    // While the stream reconnects the picture may stand still: the OSD says why.
    if (s.reconnecting && !previous?.reconnecting) this.showOsd()
    if (s.status === 'loading') this.showLoading()
    if (s.status === 'error' && s.error) {
      this._showMessage(s.error)
      return
    }
    if (s.status === 'offer' && s.playback && s.offer) {
      this._offer(s.playback, s.offer.offset)
      return
    }
    if (s.status === 'ended' && s.playback) {
      this._ended(s.playback)
      return
    }
    this._hideMessage()
    if (previous?.status !== s.status && s.status === 'playing') this.showOsd()
  }

  /** The sleep timer stopped playback: Keep watching starts it again, Back leaves. */
  showSleepStopped(): void {
    this.Shade.visible = true
    this.Loading.patch({ text: { text: '' } })
    this._message(t('player.sleep.stopped.title'), t('player.sleep.stopped.text'), [
      { id: 'again', label: t('player.sleep.keepWatching'), run: () => this.intents?.retry() },
      { id: 'back', label: t('action.back'), run: () => this.intents?.back() },
    ])
  }

  private _offer(p: Playback, offset: number): void {
    // The same kind of time as the OSD's "23 min in".
    const time = formatDuration(offset)
    this.Shade.visible = true
    this.Loading.patch({ text: { text: '' } })
    this._message(t('player.offer.title'), t('player.offer.text', { title: p.title, time }), [
      { id: 'resume', label: t('player.action.resume', { time }), run: () => this.intents?.choose(true) },
      { id: 'start', label: t('player.action.fromStart'), run: () => this.intents?.choose(false) },
    ])
  }

  private _ended(p: Playback): void {
    this._message(t('player.ended.title'), t('player.ended.text', { title: p.title }), [
      { id: 'again', label: t('player.action.watchAgain'), run: () => this.intents?.watchAgain() },
      { id: 'back', label: t('action.back'), run: () => this.intents?.back() },
    ])
  }

  private _showMessage(kind: PlayerErrorKind): void {
    this.Shade.visible = true
    this.Loading.patch({ text: { text: '' } })
    const locked = this._locked
    if (kind === 'notAllowed' && locked) {
      this._message(say(locked.title), locked.text.map(say).join(' '), [
        { id: 'get', label: say(locked.offer.label), run: () => this.intents?.openStore(locked.offer.to) },
        { id: 'back', label: t('action.back'), run: () => this.intents?.back() },
      ])
      return
    }
    const actions: PlayerAction[] =
      kind === 'signIn'
        ? [{ id: 'signin', label: t('player.action.signIn'), run: () => this.intents?.signIn() }]
        : kind === 'notFound' || kind === 'notAllowed' || kind === 'rightsWithdrawn'
          ? []
          : [{ id: 'retry', label: t('action.retry'), run: () => this.intents?.retry() }]
    actions.push({ id: 'back', label: t('action.back'), run: () => this.intents?.back() })
    this._message(t(`player.error.${kind}.title`), t(`player.error.${kind}.text`), actions)
  }

  private _message(title: string, text: string, actions: PlayerAction[]): void {
    this.hideOsd()
    // A locked channel's message comes again as its details arrive: an open guide stays.
    if (!(this.MiniGuide.visible && this._shown?.error === 'notAllowed')) this.showGuide(false)
    this.Message.show(title, text, actions)
    if (!this.Message.visible) {
      this.Message.visible = true
      this._refocus()
    }
  }

  private _hideMessage(): void {
    if (!this.Message.visible) return
    this.Message.visible = false
    this.Message.clear()
    this._refocus()
  }

  override _detach(): void {
    if (this._osdTimer !== undefined) clearTimeout(this._osdTimer)
  }

  override _getFocused(): Lightning.Component {
    if (this.MiniGuide.visible) return this.MiniGuide
    if (this.Message.visible) return this.Message
    return this
  }
}
