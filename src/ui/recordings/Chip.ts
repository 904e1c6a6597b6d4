import { Lightning } from '@lightningjs/sdk'
import { COLORS, DURATION, FONT, RADIUS, SPACE, TYPE } from '../theme'

interface ChipTemplateSpec extends Lightning.Component.TemplateSpec {
  label: string
  selected: boolean
  Label: object
  Underline: object
}

/**
 * A filter or sort button: focus fills it with the focus colour, and the filter in force keeps
 * a bar under it, so that the viewer sees which one applies while the focus is elsewhere.
 */
export class Chip
  extends Lightning.Component<ChipTemplateSpec>
  implements Lightning.Component.ImplementTemplateSpec<ChipTemplateSpec>
{
  readonly Label = this.getByRef('Label')!
  readonly Underline = this.getByRef('Underline')!
  private _label = ''
  private _selected = false
  private _focused = false

  static override _template(): Lightning.Component.Template<ChipTemplateSpec> {
    return {
      h: 64,
      rect: true,
      color: COLORS.surfaceRaised,
      shader: { type: Lightning.shaders.RoundedRectangle, radius: RADIUS.s },
      Label: {
        x: SPACE.m,
        y: 32,
        mountY: 0.5,
        text: { text: '', fontFace: FONT.semibold, fontSize: TYPE.caption, textColor: COLORS.textDim },
      },
      Underline: { rect: true, x: SPACE.m, y: 52, h: 4, color: COLORS.focus, visible: false },
    }
  }

  get label(): string {
    return this._label
  }
  set label(value: string) {
    this._label = value
    this._update()
  }
  get selected(): boolean {
    return this._selected
  }
  set selected(value: boolean) {
    this._selected = value
    this._update()
  }

  override _init(): void {
    this.Label.on('txLoaded', () => this._resize())
    this._update()
  }

  override _focus(): void {
    this._focused = true
    this.setSmooth('color', COLORS.focus, { duration: DURATION.focus })
    this._update()
  }

  override _unfocus(): void {
    this._focused = false
    this.setSmooth('color', COLORS.surfaceRaised, { duration: DURATION.focus })
    this._update()
  }

  private _update(): void {
    const color = this._focused ? COLORS.focusText : this._selected ? COLORS.text : COLORS.textDim
    this.Label.patch({ text: { text: this._label, textColor: color } })
    this.Underline.visible = this._selected && !this._focused
    this._resize()
  }

  private _resize(): void {
    const textWidth = this.Label.renderWidth || this._label.length * 14
    this.w = textWidth + 2 * SPACE.m
    this.Underline.w = textWidth
  }
}
