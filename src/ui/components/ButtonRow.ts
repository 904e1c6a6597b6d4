import { Lightning } from '@lightningjs/sdk'
import { Button } from './Button'
import { SPACE } from '../theme'

export interface RowItem {
  id: string
  label: string
}

export interface ButtonRowTemplateSpec extends Lightning.Component.TemplateSpec {
  items: RowItem[]
  index: number
  onSelect: (item: RowItem) => void
  Items: object
}

/**
 * A horizontal row of buttons. Left/Right move within it; at either end the key is not
 * consumed, so it travels up to the page (which may open the menu).
 */
export class ButtonRow
  extends Lightning.Component<ButtonRowTemplateSpec>
  implements Lightning.Component.ImplementTemplateSpec<ButtonRowTemplateSpec>
{
  readonly Items = this.getByRef('Items')!
  private _items: RowItem[] = []
  private _index = 0
  onSelect: (item: RowItem) => void = () => undefined

  static override _template(): Lightning.Component.Template<ButtonRowTemplateSpec> {
    return { h: 72, Items: { flex: { direction: 'row', padding: 0 } } }
  }

  get items(): RowItem[] {
    return this._items
  }
  set items(items: RowItem[]) {
    this._items = items
    this._index = Math.min(this._index, Math.max(0, items.length - 1))
    this.Items.children = items.map((item, i) => ({
      type: Button,
      label: item.label,
      flexItem: { marginRight: i < items.length - 1 ? SPACE.m : 0 },
    }))
    this._refocus()
  }

  get index(): number {
    return this._index
  }
  set index(value: number) {
    this._index = Math.max(0, Math.min(value, this._items.length - 1))
    this._refocus()
  }

  get selected(): RowItem | undefined {
    return this._items[this._index]
  }

  override _getFocused(): Lightning.Component | undefined {
    return this.Items.children[this._index] as Lightning.Component | undefined
  }

  override _handleLeft(): boolean | void {
    if (this._index === 0) return false
    this.index = this._index - 1
  }

  override _handleRight(): boolean | void {
    if (this._index >= this._items.length - 1) return false
    this.index = this._index + 1
  }

  override _handleEnter(): void {
    const item = this.selected
    if (item) this.onSelect(item)
  }
}
