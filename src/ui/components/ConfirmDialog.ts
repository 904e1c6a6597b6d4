import { Lightning } from '@lightningjs/sdk'
import { ButtonRow, RowItem } from './ButtonRow'
import { dialogFrame } from './dialogFrame'
import { COLORS, SPACE } from '../theme'
import type { Speech } from './voice'

export interface ConfirmRequest {
  title: string
  body: string
  confirmLabel: string
  cancelLabel: string
  onConfirm: () => void
  onCancel?: () => void
}

export interface ConfirmDialogTemplateSpec extends Lightning.Component.TemplateSpec {
  Dim: object
  Panel: { Accent: object; Title: object; Body: object; Buttons: typeof ButtonRow }
}

/** The template of a yes/no dialog: the modal frame with two buttons at the panel's foot. */
export const confirmTemplate = (w: number, h: number, accent: number) => {
  const frame = dialogFrame({ w, h, zIndex: 30, accent, bodyY: SPACE.xl + 70, bodyLines: 3 })
  return {
    ...frame,
    Panel: { ...frame.Panel, Buttons: { type: ButtonRow, x: SPACE.xl, y: h - SPACE.xl - 72 } },
  }
}

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
    return confirmTemplate(1000, 420, COLORS.warning)
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

  /** Voice guidance: the question and what it means, as it opens (the focused button follows). */
  announce(): Speech {
    return this._request ? [this._request.title, this._request.body] : undefined
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
