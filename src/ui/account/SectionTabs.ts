import { ButtonRow, type RowItem } from '../components/ButtonRow'

/**
 * The account's section tabs: a ButtonRow whose Left/Right show the highlighted section at
 * once (a TV viewer expects the content to follow the highlight), OK or Down enter it.
 */
export class SectionTabs extends ButtonRow {
  onChange: (item: RowItem) => void = () => undefined

  override _handleLeft(): boolean | void {
    const handled = super._handleLeft()
    if (handled === false) return false
    const item = this.selected
    if (item) this.onChange(item)
  }

  override _handleRight(): boolean | void {
    const handled = super._handleRight()
    if (handled === false) return false
    const item = this.selected
    if (item) this.onChange(item)
  }
}
