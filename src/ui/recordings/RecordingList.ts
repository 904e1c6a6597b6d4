import { Lightning } from '@lightningjs/sdk'
import type { RowModel } from '../../state/recordings/recordingsView'
import { COLORS, FONT, SAFE, TYPE } from '../theme'
import { t } from '../i18n'
import { RecordingRow, ROW_HEIGHT } from './RecordingRow'

interface RecordingListTemplateSpec extends Lightning.Component.TemplateSpec {
  Rows: object
  Position: object
}

/**
 * The list of recordings, one row per recording or series. Only the rows on screen exist as
 * Lightning elements, whatever the number of recordings. Up from the first row and Down from
 * the last are not consumed, so they travel to the page. The focus stays on the same recording
 * (by id) when the list changes under it.
 */
export class RecordingList
  extends Lightning.Component<RecordingListTemplateSpec>
  implements Lightning.Component.ImplementTemplateSpec<RecordingListTemplateSpec>
{
  readonly Rows = this.getByRef('Rows')!
  readonly Position = this.getByRef('Position')!
  /** How many rows fit on screen. */
  visibleRows = 5
  onSelect: (row: RowModel) => void = () => undefined
  private _rows: readonly RowModel[] = []
  private _index = 0
  private _top = 0

  static override _template(): Lightning.Component.Template<RecordingListTemplateSpec> {
    return {
      Rows: {},
      Position: {
        x: SAFE.w,
        mountX: 1,
        y: 0,
        text: { text: '', fontFace: FONT.regular, fontSize: TYPE.caption, textColor: COLORS.textMuted },
      },
    }
  }

  get rows(): readonly RowModel[] {
    return this._rows
  }
  set rows(rows: readonly RowModel[]) {
    const focusedId = this._rows[this._index]?.id
    this._rows = rows
    const kept = focusedId === undefined ? -1 : rows.findIndex((r) => r.id === focusedId)
    // The focused row went away (deleted, cancelled): stay at the same place in the list.
    this._index = kept >= 0 ? kept : Math.min(this._index, Math.max(0, rows.length - 1))
    this._render()
  }

  get index(): number {
    return this._index
  }
  set index(value: number) {
    this._index = Math.max(0, Math.min(value, this._rows.length - 1))
    this._render()
  }

  get selected(): RowModel | undefined {
    return this._rows[this._index]
  }

  private _render(): void {
    const n = this.visibleRows
    if (this._index < this._top) this._top = this._index
    if (this._index >= this._top + n) this._top = this._index - n + 1
    this._top = Math.max(0, Math.min(this._top, Math.max(0, this._rows.length - n)))
    const slice = this._rows.slice(this._top, this._top + n)
    const children = this.Rows.children as RecordingRow[]
    if (children.length !== slice.length) {
      this.Rows.children = slice.map((model, i) => ({ type: RecordingRow, y: i * ROW_HEIGHT, model }))
    } else {
      slice.forEach((model, i) => {
        const row = children[i]
        if (row && row.model !== model) row.model = model
      })
    }
    this.Position.patch({
      y: n * ROW_HEIGHT + 4,
      text: {
        text:
          this._rows.length > n
            ? t('recordings.position', { index: this._index + 1, count: this._rows.length })
            : '',
      },
    })
    this._refocus()
  }

  override _getFocused(): Lightning.Component | undefined {
    return this.Rows.children[this._index - this._top] as Lightning.Component | undefined
  }

  override _handleUp(): boolean | void {
    if (this._index === 0) return false
    this.index = this._index - 1
  }

  override _handleDown(): boolean | void {
    if (this._index >= this._rows.length - 1) return false
    this.index = this._index + 1
  }

  override _handleEnter(): void {
    const row = this.selected
    if (row) this.onSelect(row)
  }
}
