import { Lightning } from '@lightningjs/sdk'
import { DURATION, SAFE } from '../theme'

interface ScrollListTemplateSpec extends Lightning.Component.TemplateSpec {
  Items: object
}

type RowConstructor = Lightning.Component.Constructor<Lightning.Component & { model: unknown }>

/**
 * A vertical list of rows of one height inside a window: Up/Down move the focus and the rows
 * slide so that the focused one stays in view. Rows already drawn are kept when more arrive
 * (the history's next page), so that adding a page costs only its own rows. `onNearEnd` is
 * told when the focus comes within `margin` rows of the end.
 */
export class ScrollList
  extends Lightning.Component<ScrollListTemplateSpec>
  implements Lightning.Component.ImplementTemplateSpec<ScrollListTemplateSpec>
{
  readonly Items = this.getByRef('Items')!
  rowHeight = 100
  viewHeight = 600
  /** Clipping needs a width: rows outside the window are cut, never drawn over the page. */
  viewWidth = SAFE.w
  margin = 3
  onNearEnd: () => void = () => undefined
  private _index = 0
  private _count = 0
  private _first = 0

  static override _template(): Lightning.Component.Template<ScrollListTemplateSpec> {
    return { clipping: true, Items: {} }
  }

  get index(): number {
    return this._index
  }

  get count(): number {
    return this._count
  }

  /** Shows `models` with rows of `type`; the focus stays on the same position when it can. */
  setRows(type: RowConstructor, models: readonly unknown[]): void {
    this.h = this.viewHeight
    this.w = this.viewWidth
    const children = this.Items.children as (Lightning.Component & { model: unknown })[]
    models.forEach((model, i) => {
      const existing = children[i]
      if (existing) existing.model = model
      else this.Items.childList.a({ type, y: i * this.rowHeight, model } as object)
    })
    while (this.Items.children.length > models.length) this.Items.childList.removeAt(models.length)
    this._count = models.length
    this._index = Math.max(0, Math.min(this._index, models.length - 1))
    this._scroll(false)
    this._refocus()
  }

  reset(): void {
    this._index = 0
    this._first = 0
    this.Items.y = 0
  }

  override _getFocused(): Lightning.Component | undefined {
    return (this.Items.children[this._index] as Lightning.Component | undefined) ?? undefined
  }

  override _handleUp(): boolean | void {
    if (this._index === 0) return false
    this._index -= 1
    this._scroll(true)
  }

  override _handleDown(): boolean | void {
    if (this._index >= this._count - 1) return this._count === 0 ? false : true
    this._index += 1
    this._scroll(true)
    if (this._count - 1 - this._index < this.margin) this.onNearEnd()
  }

  private _scroll(smooth: boolean): void {
    const visible = Math.max(1, Math.floor(this.viewHeight / this.rowHeight))
    if (this._index < this._first) this._first = this._index
    if (this._index >= this._first + visible) this._first = this._index - visible + 1
    const y = -this._first * this.rowHeight
    if (smooth) this.Items.setSmooth('y', y, { duration: DURATION.focus })
    else this.Items.y = y
    this._refocus()
  }
}
