import type { Subscription } from 'rxjs'
import { SLEEP_OFF, minutesLeft, type SleepStatus } from '../../domain/sleepTimer'
import type { SleepTimer } from '../../state/player/sleepTimer'
import type { PreferencesStore } from '../../state/account/preferences'
import { currentLanguage, t } from '../i18n'
import type { StreamTracks } from './hls/streamTracks'
import type { SubtitleView } from './SubtitleView'
import { bindStreamTracks } from './trackBinding'
import type { TrackMenu } from './TrackMenu'
import type { TrackMenuAction } from './trackMenuModel'

/** What the controls need of the page and its view. */
export interface TrackControlsPorts {
  menu: TrackMenu
  subtitles: SubtitleView
  /** The app's sleep timer and preferences (undefined before the app state exists). */
  sleepTimer: () => SleepTimer | undefined
  preferences: () => Pick<PreferencesStore, 'tracks'> | undefined
  /** The page's focus follows the menu. */
  refocus(): void
  /** The OSD stays while the menu is open, then hides as usual. */
  holdOsd(held: boolean): void
  /** A short notice over the video (the sleep timer's warning), said by voice guidance. */
  warn(message: string): void
  /** The sleep timer ran out: the page stops playback and says why. */
  sleepExpired(): void
}

/**
 * The player's audio, subtitle and sleep-timer controls: they bind each stream's tracks (the
 * preferred languages applied on every zap), feed the subtitle view, open and close the menu and
 * follow the sleep timer. The page only calls these hooks.
 */
export class TrackControls {
  private _tracks: StreamTracks | undefined
  private _unbind: (() => void) | undefined
  private _sleep: Subscription[] = []
  private _status: SleepStatus = SLEEP_OFF

  constructor(private readonly ports: TrackControlsPorts) {
    ports.menu.onAction = (action) => this._act(action)
    ports.menu.onClose = () => this.closeMenu()
  }

  get menuOpen(): boolean {
    return this.ports.menu.visible
  }

  /** A stream's tracks are there (undefined: the stream went). */
  attach(tracks: StreamTracks | undefined): void {
    if (tracks === this._tracks) return
    this._unbind?.()
    this._unbind = undefined
    this._tracks = tracks
    if (tracks) {
      this._unbind = bindStreamTracks(tracks, {
        preferences: () => {
          const saved = this.ports.preferences()?.tracks
          return {
            audio: saved?.audio ?? 'auto',
            subtitles: saved?.subtitles ?? 'off',
            interfaceLanguage: currentLanguage() ?? 'en',
          }
        },
        changed: () => this._draw(),
        cue: (text) => this.ports.subtitles.show(text),
      })
    } else {
      this.ports.subtitles.show(null)
      this._draw()
    }
  }

  openMenu(): void {
    this._draw()
    this.ports.menu.open()
    this.ports.holdOsd(true)
    this.ports.refocus()
  }

  closeMenu(): void {
    if (!this.ports.menu.visible) return
    this.ports.menu.visible = false
    this.ports.holdOsd(false)
    this.ports.refocus()
  }

  /** The page is in front: the sleep timer's warning and end reach it. */
  watchSleep(): void {
    this.unwatchSleep()
    const timer = this.ports.sleepTimer()
    if (!timer) return
    this._sleep = [
      timer.status$.subscribe((status) => {
        const warned = this._status.phase === 'warning'
        this._status = status
        if (status.phase === 'warning' && !warned)
          this.ports.warn(t('player.sleep.warning', { count: minutesLeft(status) }))
        this._draw()
      }),
      timer.expired$.subscribe(() => {
        this.closeMenu()
        this.ports.sleepExpired()
      }),
    ]
  }

  unwatchSleep(): void {
    this._sleep.forEach((s) => s.unsubscribe())
    this._sleep = []
  }

  /** The stream stopped (the page left, an error, the sleep timer): no subtitles, no menu. */
  detach(): void {
    this.attach(undefined)
    this.closeMenu()
  }

  private _act(action: TrackMenuAction): void {
    switch (action.type) {
      case 'audio':
        this._tracks?.setAudio(action.id)
        break
      case 'subtitles':
        this._tracks?.setSubtitles(action.id)
        break
      case 'sleep':
        this.ports.sleepTimer()?.set(action.minutes)
        this._status = this.ports.sleepTimer()?.status ?? SLEEP_OFF
        break
    }
    this._draw()
  }

  private _draw(): void {
    this.ports.menu.update(this._tracks, this._status)
  }
}
