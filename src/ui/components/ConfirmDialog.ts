import { Lightning } from '@lightningjs/sdk'
import { ButtonRow, RowItem } from './ButtonRow'
import { COLORS, FONT, RADIUS, SPACE, TYPE } from '../theme'

export interface ConfirmRequest {
  title: string
  body: string
  confirmLabel: string
  cancelLabel: string
  onConfirm: () => void
  onCancel?: () => void
}

interface ConfirmDialogTemplateSpec extends Lightning.Component.TemplateSpec {
  Dim: object
  Panel: { Accent: object; Title: object; Body: object; Buttons: typeof ButtonRow }
}

const PANEL = { w: 1000, h: 420 } as const

/**
 * A yes/no question over the page ("Delete this recording?"). The safe answer is focused first
 * and Back means no, so a stray OK or Back never destroys anything. The owner gives it the focus
 * while `isOpen` and shows it with `ask`; it hides itself on either answer.
 */
export class ConfirmDialog
  extends Lightning.Component<ConfirmDialogTemplateSpec>
  implements Lightning.Component.ImplementTemplateSpec<ConfirmDialogTemplateSpec>
{
  readonly Panel = this.getByRef('Panel')!
  readonly Title = this.Panel.getByRef('Title')!
  readonly Body = this.Panel.getByRef('Body')!
  readonly Buttons = this.Panel.getByRef('Buttons')!
  private _request: ConfirmRequest | undefined

  static override _template(): Lightning.Component.Template<ConfirmDialogTemplateSpec> {
    return {
      zIndex: 30,
      w: 1920,
      h: 1080,
      visible: false,
      Dim: { rect: true, w: 1920, h: 1080, color: COLORS.overlay },
      Panel: {
        x: 960,
        y: 540,
        mount: 0.5,
        w: PANEL.w,
        h: PANEL.h,
        rect: true,
        color: COLORS.surface,
        shader: { type: Lightning.shaders.RoundedRectangle, radius: RADIUS.m },
        Accent: { rect: true, w: PANEL.w, h: 8, color: COLORS.warning },
        Title: {
          x: SPACE.xl,
          y: SPACE.xl,
          text: {
            text: '',
            fontFace: FONT.bold,
            fontSize: TYPE.heading,
            textColor: COLORS.text,
            wordWrapWidth: PANEL.w - 2 * SPACE.xl,
            maxLines: 1,
            textOverflow: 'ellipsis',
          },
        },
        Body: {
          x: SPACE.xl,
          y: SPACE.xl + 70,
          text: {
            text: '',
            fontFace: FONT.regular,
            fontSize: TYPE.body,
            textColor: COLORS.textDim,
            wordWrapWidth: PANEL.w - 2 * SPACE.xl,
            maxLines: 3,
            textOverflow: 'ellipsis',
            lineHeight: 42,
          },
        },
        Buttons: { type: ButtonRow, x: SPACE.xl, y: PANEL.h - SPACE.xl - 72 },
      },
    }
  }

  get isOpen(): boolean {
    return this._request !== undefined
  }

  override _init(): void {
    this.Buttons.onSelect = (item: RowItem) => this._answer(item.id === 'confirm')
  }

  ask(request: ConfirmRequest): void {
    this._request = request
    this.Title.patch({ text: { text: request.title } })
    this.Body.patch({ text: { text: request.body } })
    this.Buttons.items = [
      { id: 'cancel', label: request.cancelLabel },
      { id: 'confirm', label: request.confirmLabel },
    ]
    this.Buttons.index = 0
    this.visible = true
  }

  /** Closes without an answer (the page went away). */
  dismiss(): void {
    this._request = undefined
    this.visible = false
  }

  private _answer(yes: boolean): void {
    const request = this._request
    this.dismiss()
    if (!request) return
    if (yes) request.onConfirm()
    else request.onCancel?.()
  }

  override _getFocused(): Lightning.Component {
    return this.Buttons
  }

  override _handleBack(): void {
    this._answer(false)
  }

  // Keys the dialog does not use must not reach the page underneath.
  override _handleKey(): boolean {
    return true
  }
}
