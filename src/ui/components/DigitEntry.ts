/**
 * Typing a channel number with the remote's digits, the same on every screen that takes one: a
 * number is taken DIGIT_WAIT_MS after its last digit, or at once when it has the screen's most
 * digits. The wait and the limits live here so the guide and the player cannot drift apart.
 */
export const DIGIT_WAIT_MS = 1500
/** The guide jumps to a lineup position of up to 4 digits. */
export const GUIDE_MAX_DIGITS = 4
/** The player zaps to channel numbers of up to 3 digits (README: "or at 3 digits"). */
export const PLAYER_MAX_DIGITS = 3

/** The one-shot timer the entry waits with; a test passes one it drives by hand. */
export interface DigitTimer {
  start(run: () => void, ms: number): () => void
}

export const realTimer: DigitTimer = {
  start(run, ms) {
    const handle = setTimeout(run, ms)
    return () => clearTimeout(handle)
  },
}

export interface DigitEntryOptions {
  maxDigits: number
  /** What is typed so far, '' once it is taken or dropped: the page shows it. */
  onChange(digits: string): void
  /** The typed number, as typed (leading zeros kept). */
  onNumber(digits: string): void
  timer?: DigitTimer
}

export class DigitEntry {
  private _digits = ''
  private _cancel: (() => void) | undefined

  constructor(private readonly _options: DigitEntryOptions) {}

  get digits(): string {
    return this._digits
  }

  /** One more digit; beyond the most digits the oldest ones drop off. */
  push(digit: number): void {
    const { maxDigits, onChange, timer = realTimer } = this._options
    this._stopTimer()
    this._digits = (this._digits + String(digit)).slice(-maxDigits)
    onChange(this._digits)
    if (this._digits.length >= maxDigits) this._take()
    else this._cancel = timer.start(() => this._take(), DIGIT_WAIT_MS)
  }

  /** Drops what was typed without acting on it (the screen goes away). */
  clear(): void {
    this._stopTimer()
    if (this._digits === '') return
    this._digits = ''
    this._options.onChange('')
  }

  private _take(): void {
    const typed = this._digits
    this._cancel = undefined
    this.clear()
    if (typed !== '') this._options.onNumber(typed)
  }

  private _stopTimer(): void {
    this._cancel?.()
    this._cancel = undefined
  }
}
