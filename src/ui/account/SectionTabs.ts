import { Lightning } from '@lightningjs/sdk'
import { Button } from '../components/Button'
import { ButtonRow, type RowItem } from '../components/ButtonRow'
import { COLORS, DURATION } from '../theme'

/**
 * The open section's tab while its body has the focus: a dimmed focus colour with the label in
 * the focus colour, so that the viewer still sees which section the rows below belong to.
 */
export const TAB_IN_USE = { color: 0xff3b3217, label: COLORS.focus } as const

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

  /** The focus went down into the section (its tab has just lost its own focus look). */
  override _unfocus(): void {
    const tab = this.Items.children[this.index] as Lightning.Element | undefined
    if (!(tab instanceof Button)) return
    tab.setSmooth('color', TAB_IN_USE.color, { duration: DURATION.focus })
    tab.Label.patch({ text: { textColor: TAB_IN_USE.label } })
  }
}
