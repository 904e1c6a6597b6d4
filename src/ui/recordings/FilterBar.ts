import { Lightning } from '@lightningjs/sdk'
import { SPACE } from '../theme'
import { Chip } from './Chip'

export interface FilterBarItem {
  id: string
  label: string
  selected: boolean
}

interface FilterBarTemplateSpec extends Lightning.Component.TemplateSpec {
  Items: object
}

/**
 * The row of filters and the sort switch above the list. Left/Right move; OK applies the focused
 * item. Keys at either end are not consumed, so that they reach the page.
 */
export class FilterBar
  extends Lightning.Component<FilterBarTemplateSpec>
  implements Lightning.Component.ImplementTemplateSpec<FilterBarTemplateSpec>
{
  readonly Items = this.getByRef('Items')!
  onSelect: (id: string) => void = () => undefined
  private _items: readonly FilterBarItem[] = []
  private _index = 0

  static override _template(): Lightning.Component.Template<FilterBarTemplateSpec> {
    return { h: 64, Items: { flex: { direction: 'row', padding: 0 } } }
  }

  get items(): readonly FilterBarItem[] {
    return this._items
  }
  set items(items: readonly FilterBarItem[]) {
    const sameShape =
      items.length === this._items.length && items.every((item, i) => item.id === this._items[i]?.id)
    this._items = items
    this._index = Math.min(this._index, Math.max(0, items.length - 1))
    if (sameShape) {
      items.forEach((item, i) => {
        const chip = this.Items.children[i] as Chip | undefined
        if (!chip) return
        if (chip.label !== item.label) chip.label = item.label
        if (chip.selected !== item.selected) chip.selected = item.selected
      })
    } else {
      this.Items.children = items.map((item, i) => ({
        type: Chip,
        label: item.label,
        selected: item.selected,
        flexItem: { marginRight: i < items.length - 1 ? SPACE.s : 0 },
      }))
    }
    this._refocus()
  }

  get index(): number {
    return this._index
  }
  set index(value: number) {
    this._index = Math.max(0, Math.min(value, this._items.length - 1))
    this._refocus()
  }

  get focusedId(): string | undefined {
    return this._items[this._index]?.id
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
    const item = this._items[this._index]
    if (item) this.onSelect(item.id)
  }
}
