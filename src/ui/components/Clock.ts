import { Lightning } from '@lightningjs/sdk'
import type { Observable, Subscription } from 'rxjs'
import { formatTime } from '../format'
import { COLORS, FONT, TYPE } from '../theme'

/** Often enough that the minute turns on time, rarely enough to cost nothing. */
export const CLOCK_TICK_MS = 5_000

/**
 * The time of day on screen (guide, player OSD). The screen hands it a clock to follow (the
 * operator's, state/clock: a box's own clock may be wrong) while it is shown and takes it away
 * when it is not; the text is drawn again only when the minute changes.
 */
export class Clock extends Lightning.Component {
  private _subscription: Subscription | undefined
  private _shown = ''

  static override _template(): Lightning.Component.Template {
    return {
      text: { text: '', fontFace: FONT.bold, fontSize: TYPE.body, textColor: COLORS.text },
    }
  }

  /** Milliseconds since the epoch, as OperatorClock.ticks emits them; undefined: stop. */
  set source(ticks: Observable<number> | undefined) {
    this._subscription?.unsubscribe()
    this._subscription = ticks?.subscribe((ms) => this._show(ms))
  }

  /** The text on screen (tests, screen readers). */
  get shown(): string {
    return this._shown
  }

  private _show(ms: number): void {
    const text = formatTime(Math.floor(ms / 1000))
    if (text === this._shown) return
    this._shown = text
    this.patch({ text: { text } })
  }

  override _detach(): void {
    this.source = undefined
  }
}
