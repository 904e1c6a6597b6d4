import { Lightning } from '@lightningjs/sdk'
import { COLORS, DURATION, FONT, RADIUS, SPACE, TYPE } from '../theme'

export interface ButtonTemplateSpec extends Lightning.Component.TemplateSpec {
  label: string
  minWidth: number
  Label: object
}

/**
 * A focusable pill: the label sizes it, focus fills it with the focus colour. Property
 * changes queue one `_update()` instead of each setter redrawing.
 */
export class Button
  extends Lightning.Component<ButtonTemplateSpec>
  implements Lightning.Component.ImplementTemplateSpec<ButtonTemplateSpec>
{
  readonly Label = this.getByRef('Label')!
  private _label = ''
  private _minWidth = 0

  static override _template(): Lightning.Component.Template<ButtonTemplateSpec> {
    return {
      h: 72,
      rect: true,
      color: COLORS.surfaceRaised,
      shader: { type: Lightning.shaders.RoundedRectangle, radius: RADIUS.s },
      Label: {
        x: SPACE.l,
        y: 36,
        mountY: 0.5,
        text: { text: '', fontFace: FONT.semibold, fontSize: TYPE.body, textColor: COLORS.text },
      },
    }
  }

  get label(): string {
    return this._label
  }
  set label(value: string) {
    this._label = value
    this._update()
  }
  get minWidth(): number {
    return this._minWidth
  }
  set minWidth(value: number) {
    this._minWidth = value
    this._update()
  }

  override _init(): void {
    this.Label.on('txLoaded', () => this._resize())
    this._update()
  }

  /** Voice guidance: a button says its label. */
  announce(): string {
    return this._label
  }

  override _focus(): void {
    this.setSmooth('color', COLORS.focus, { duration: DURATION.focus })
    this.Label.patch({ text: { textColor: COLORS.focusText } })
  }

  override _unfocus(): void {
    this.setSmooth('color', COLORS.surfaceRaised, { duration: DURATION.focus })
    this.Label.patch({ text: { textColor: COLORS.text } })
  }

  private _update(): void {
    this.Label.patch({ text: { text: this._label } })
    this._resize()
  }

  private _resize(): void {
    const textWidth = this.Label.renderWidth || this._label.length * 16
    this.w = Math.max(this._minWidth, textWidth + 2 * SPACE.l)
  }
}
