import { Lightning } from '@lightningjs/sdk'
import { eraseDigit, isPinComplete, maskPin, PIN_LENGTH, typeDigit } from '../../domain/pin'
import { digitOf } from '../../platform/keys'
import { ButtonRow } from './ButtonRow'
import { dialogFrame } from './dialogFrame'
import { t } from '../i18n'
import { COLORS, FONT, RADIUS, SPACE, TYPE } from '../theme'
import { pinProgressSpeech } from './pinSpeech'
import type { Speech } from './voice'

export interface PinRequest {
  title: string
  body: string
  /** Called with the four digits; the dialog waits (busy) until told what happened. */
  onSubmit: (pin: string) => void
  onCancel: () => void
  /** Words for a wrong PIN, when they are not the purchase's (the parental lock). */
  wrongText?: (attemptsLeft: number | undefined) => string
}

interface PinDialogTemplateSpec extends Lightning.Component.TemplateSpec {
  Dim: object
  Panel: {
    Accent: object
    Title: object
    Body: object
    Boxes: object
    Note: object
    Hint: object
    Buttons: typeof ButtonRow
  }
}

const PANEL = { w: 1040, h: 620 } as const
const BOX = { w: 96, h: 116, gap: 28 } as const

/**
 * Asks for a PIN typed with the remote's digits (the purchase PIN, the PIN change). The digits show as
 * dots, never as numbers; Back erases the last one, or cancels when none is typed; the fourth
 * digit sends it. After a wrong PIN it says how many tries are left; when the operator locks the
 * PIN it says until when, and only closing is possible. Other keys stay inside the dialog.
 */
export class PinDialog
  extends Lightning.Component<PinDialogTemplateSpec>
  implements Lightning.Component.ImplementTemplateSpec<PinDialogTemplateSpec>
{
  readonly Panel = this.getByRef('Panel')!
  readonly Title = this.Panel.getByRef('Title')!
  readonly Body = this.Panel.getByRef('Body')!
  readonly Boxes = this.Panel.getByRef('Boxes')!
  readonly Note = this.Panel.getByRef('Note')!
  readonly Hint = this.Panel.getByRef('Hint')!
  readonly Buttons = this.Panel.getByRef('Buttons')!
  private _request: PinRequest | undefined
  private _entered = ''
  private _busy = false
  private _locked = false

  static override _template(): Lightning.Component.Template<PinDialogTemplateSpec> {
    const boxesW = PIN_LENGTH * BOX.w + (PIN_LENGTH - 1) * BOX.gap
    const wrap = { wordWrapWidth: PANEL.w - 2 * SPACE.xl, textOverflow: 'ellipsis' as const }
    const frame = dialogFrame({
      ...PANEL,
      zIndex: 40,
      accent: COLORS.accent,
      bodyY: SPACE.xl + 66,
      bodyLines: 2,
    })
    return {
      ...frame,
      Panel: {
        ...frame.Panel,
        Boxes: {
          x: (PANEL.w - boxesW) / 2,
          y: 220,
          children: Array.from({ length: PIN_LENGTH }, (_, i) => ({
            x: i * (BOX.w + BOX.gap),
            w: BOX.w,
            h: BOX.h,
            rect: true,
            color: COLORS.surfaceRaised,
            shader: { type: Lightning.shaders.RoundedRectangle, radius: RADIUS.s },
            Mark: {
              x: BOX.w / 2,
              y: BOX.h / 2 + 4,
              mount: 0.5,
              text: { text: '', fontFace: FONT.bold, fontSize: TYPE.heading, textColor: COLORS.text },
            },
          })),
        },
        Note: {
          x: SPACE.xl,
          y: 360,
          text: {
            text: '',
            fontFace: FONT.semibold,
            fontSize: TYPE.body,
            textColor: COLORS.warning,
            maxLines: 3,
            lineHeight: 42,
            ...wrap,
          },
        },
        Hint: {
          x: SPACE.xl,
          y: PANEL.h - SPACE.xl - 72 - 52,
          text: {
            text: '',
            fontFace: FONT.regular,
            fontSize: TYPE.caption,
            textColor: COLORS.textMuted,
            maxLines: 1,
            ...wrap,
          },
        },
        Buttons: { type: ButtonRow, x: SPACE.xl, y: PANEL.h - SPACE.xl - 72 },
      },
    }
  }

  get isOpen(): boolean {
    return this._request !== undefined
  }

  /**
   * Voice guidance: the question and how many digits are typed, never which (pinProgressSpeech
   * takes a count only).
   */
  announce(): Speech {
    if (!this._request) return undefined
    return [
      this._request.title,
      this._request.body,
      this._locked ? undefined : pinProgressSpeech(this._entered.length),
    ]
  }

  /** Tells voice guidance what changed in place: the count typed, a wrong PIN, a lock. */
  private _speak(speech: Speech): void {
    this.fireAncestors('$voiceUpdate', speech)
  }

  /** The dots on screen, for tests: never the digits. */
  get shown(): string {
    return maskPin(this._entered).join('')
  }

  override _init(): void {
    this.Buttons.onSelect = () => this._cancel()
  }

  open(request: PinRequest): void {
    this._request = request
    this._entered = ''
    this._busy = false
    this._locked = false
    this.Title.patch({ text: { text: request.title } })
    this.Body.patch({ text: { text: request.body } })
    this.Note.patch({ text: { text: '', textColor: COLORS.warning } })
    this.Hint.patch({ text: { text: t('store.pin.hint') } })
    this.Buttons.items = [{ id: 'cancel', label: t('store.pin.cancel') }]
    this.Boxes.visible = true
    this.visible = true
    this._draw()
  }

  /** The PIN was wrong: clear it and say how many tries are left (when the operator said). */
  showWrong(attemptsLeft: number | undefined): void {
    this._entered = ''
    this._busy = false
    this.Note.patch({
      text: {
        text: this._request?.wrongText
          ? this._request.wrongText(attemptsLeft)
          : attemptsLeft === undefined
            ? t('store.pin.wrong')
            : attemptsLeft === 1
              ? t('store.pin.wrongLast')
              : t('store.pin.wrongLeft', { count: attemptsLeft }),
        textColor: COLORS.warning,
      },
    })
    this._draw()
    this._speak([this.Note.text?.text ?? '', pinProgressSpeech(0)])
  }

  /** The operator locked the PIN: nothing can be typed; `message` says until when. */
  showLocked(message: string): void {
    this._locked = true
    this._busy = false
    this._entered = ''
    this.Boxes.visible = false
    this.Note.patch({ text: { text: message, textColor: COLORS.danger } })
    this.Hint.patch({ text: { text: '' } })
    this.Buttons.items = [{ id: 'cancel', label: t('store.pin.close') }]
    this._draw()
    this._speak(message)
  }

  /** Updates the lock's message (a countdown) without reopening. */
  set lockMessage(message: string) {
    if (this._locked) this.Note.patch({ text: { text: message } })
  }

  close(): void {
    this._request = undefined
    this._entered = ''
    this.visible = false
  }

  private _draw(): void {
    const marks = maskPin(this._entered)
    this.Boxes.children.forEach((box, i) => {
      box.patch({
        color: i === this._entered.length && !this._busy ? COLORS.accent : COLORS.surfaceRaised,
        Mark: { text: { text: marks[i] === '●' ? '●' : '' } },
      } as object)
    })
  }

  private _cancel(): void {
    const request = this._request
    this.close()
    request?.onCancel()
  }

  override _getFocused(): Lightning.Component {
    return this.Buttons
  }

  override _handleDigit(e: KeyboardEvent): boolean {
    const digit = digitOf(e)
    if (this._locked || this._busy || digit === null) return true
    this._entered = typeDigit(this._entered, digit)
    if (this._entered.length > 0) this.Note.patch({ text: { text: '' } })
    if (isPinComplete(this._entered)) {
      this._busy = true
      const pin = this._entered
      this._draw()
      this._speak(pinProgressSpeech(this._entered.length))
      this._request?.onSubmit(pin)
      return true
    }
    this._draw()
    this._speak(pinProgressSpeech(this._entered.length))
    return true
  }

  override _handleBack(): boolean {
    if (this._entered.length > 0 && !this._busy && !this._locked) {
      this._entered = eraseDigit(this._entered)
      this._draw()
      this._speak(pinProgressSpeech(this._entered.length))
    } else this._cancel()
    return true
  }

  // Keys the dialog does not use must not reach the page underneath.
  override _handleKey(): boolean {
    return true
  }
}
