import { Lightning } from '@lightningjs/sdk'
import { COLORS, DURATION, FONT, RADIUS, TYPE } from '../theme'
import {
  COLUMNS,
  KeyId,
  KeyPosition,
  KeyboardLayout,
  Move,
  SIGN_IN_LAYOUT,
  SpecialKey,
  keyAt,
  move,
} from './keyboardLayout'

export interface KeyboardTemplateSpec extends Lightning.Component.TemplateSpec {
  Keys: object
}

const CELL = 88
const GAP = 10

/**
 * An on-screen keyboard for the remote: arrows move, OK types. A set-top box has no other
 * keyboard, so this is the only way to type a user name or a search; the remote's digit keys
 * type digits directly. The layout is the page's (sign-in, search in Latin or Arabic letters).
 */
export class Keyboard
  extends Lightning.Component<KeyboardTemplateSpec>
  implements Lightning.Component.ImplementTemplateSpec<KeyboardTemplateSpec>
{
  readonly Keys = this.getByRef('Keys')!
  private _at: KeyPosition = { row: 0, column: 0 }
  /** Labels of the special keys, in the interface language. */
  specialLabels: Partial<Record<SpecialKey, string>> = { delete: '⌫', next: 'Next', submit: 'OK' }
  private _layout: KeyboardLayout = SIGN_IN_LAYOUT
  onKey: (key: KeyId) => void = () => undefined

  static override _template(): Lightning.Component.Template<KeyboardTemplateSpec> {
    return { Keys: {} }
  }

  override _init(): void {
    this.render()
  }

  get layout(): KeyboardLayout {
    return this._layout
  }
  /** Another set of keys (the search's script key): the focus stays on the same place. */
  set layout(value: KeyboardLayout) {
    // On the special row (the script key itself) the focus stays on the special row.
    const onSpecial = this._at.row === this._layout.rows.length
    this._layout = value
    this._at = {
      row: onSpecial ? value.rows.length : Math.min(this._at.row, value.rows.length),
      column: this._at.column,
    }
    this.render()
  }

  /** Draws the keys; call again after the special labels change. */
  render(): void {
    const layout = this._layout
    const children: Lightning.Element.PatchTemplate[] = []
    layout.rows.forEach((chars, row) =>
      [...chars].forEach((char, column) =>
        children.push(this.keyTemplate(`K${row}_${column}`, char, row, column, 1)),
      ),
    )
    layout.special.forEach((key) =>
      children.push(
        this.keyTemplate(
          `S_${key.id}`,
          this.specialLabels[key.id] ?? key.id,
          layout.rows.length,
          key.from,
          key.to - key.from + 1,
        ),
      ),
    )
    this.Keys.children = children
    this.w = COLUMNS * CELL + (COLUMNS - 1) * GAP
    this.h = (layout.rows.length + 1) * (CELL + GAP) - GAP
    this.highlight()
  }

  /** Back to the first key, as each visit of a page begins. */
  reset(): void {
    this._at = { row: 0, column: 0 }
    this.highlight()
  }

  /** Voice guidance: the focused key's label (the keys typed are never said). */
  announce(): string {
    const key = this.Keys.childList.getByRef(this.refOf(this._at))
    return key?.childList.getAt(0)?.text?.text ?? ''
  }

  get focusedKey(): KeyId {
    return keyAt(this._at, this._layout)
  }

  private keyTemplate(ref: string, label: string, row: number, column: number, span: number) {
    const w = span * CELL + (span - 1) * GAP
    return {
      ref,
      x: column * (CELL + GAP),
      y: row * (CELL + GAP),
      w,
      h: CELL,
      rect: true,
      color: COLORS.surfaceRaised,
      shader: { type: Lightning.shaders.RoundedRectangle, radius: RADIUS.s },
      Label: {
        x: w / 2,
        y: CELL / 2 + 2,
        mount: 0.5,
        text: {
          text: label,
          fontFace: FONT.semibold,
          fontSize: span > 1 ? TYPE.body : TYPE.heading,
          textColor: COLORS.text,
        },
      },
    }
  }

  private refOf(at: KeyPosition): string {
    if (at.row < this._layout.rows.length) return `K${at.row}_${at.column}`
    return `S_${keyAt(at, this._layout)}`
  }

  private highlight(): void {
    const focused = this.hasFocus() ? this.refOf(this._at) : ''
    for (const child of this.Keys.children) {
      const on = child.ref === focused
      child.setSmooth('color', on ? COLORS.focus : COLORS.surfaceRaised, { duration: DURATION.focus })
      child.setSmooth('scale', on ? 1.08 : 1, { duration: DURATION.focus })
      const label = child.childList.getAt(0)
      label?.patch({ text: { textColor: on ? COLORS.focusText : COLORS.text } })
    }
  }

  private go(direction: Move): boolean {
    const next = move(this._at, direction, this._layout)
    if (!next) return false
    this._at = next
    this.highlight()
    this.fireAncestors('$voiceUpdate', this.announce())
    return true
  }

  override _focus(): void {
    this.highlight()
  }

  override _unfocus(): void {
    this.highlight()
  }

  override _handleUp(): boolean {
    return this.go('Up')
  }
  override _handleDown(): boolean {
    return this.go('Down')
  }
  override _handleLeft(): boolean {
    return this.go('Left')
  }
  override _handleRight(): boolean {
    return this.go('Right')
  }
  override _handleEnter(): void {
    this.onKey(keyAt(this._at, this._layout))
  }
}
