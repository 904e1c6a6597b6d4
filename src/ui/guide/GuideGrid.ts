import { Lightning } from '@lightningjs/sdk'
import type { Channel } from '../../domain/channels'
import { alignDown, anchorFor, firstRowFor, pageRows, slotIndexAt } from '../../domain/guideGrid'
import type { Travel } from '../../state/guide/guideStore'
import { COLORS, FONT, STAGE } from '../theme'
import { textWidth } from '../text/measure'
import { FOCUS_TITLE_SIZE, FocusCell } from './FocusCell'
import {
  focusBox,
  channelLocked,
  focusGrowth,
  focusText,
  nowLineX,
  rowLook,
  rowSlots,
  dayJump,
  stepBack,
  stepForward,
  type GridFocus,
  type GridLooks,
  type GridSource,
} from './gridModel'
import { GuideRow, MARK_W } from './GuideRow'
import { GEOMETRY, GUIDE } from './layout'
import { TIME_BAR_LABELS, TimeBar } from './TimeBar'
import type { Speech } from '../components/voice'

export type { GridFocus, GridLooks, GridSource } from './gridModel'

interface GuideGridTemplateSpec extends Lightning.Component.TemplateSpec {
  Time: typeof TimeBar
  Rows: object
  NowLine: object
  Focus: typeof FocusCell
}

const GC_EVERY_FLIPS = 4

/**
 * The guide grid: channels by time, virtualised. GUIDE.rows row views and their pooled cells
 * are all the elements there are; moving the focus moves one highlight, scrolling re-points
 * the rows that scrolled out at the channels that scrolled in. Focus keeps its time position
 * (the anchor) when it moves between rows.
 */
export class GuideGrid
  extends Lightning.Component<GuideGridTemplateSpec>
  implements Lightning.Component.ImplementTemplateSpec<GuideGridTemplateSpec>
{
  readonly Time = this.getByRef('Time')!
  readonly Rows = this.getByRef('Rows')!
  readonly NowLine = this.getByRef('NowLine')!
  readonly Focus = this.getByRef('Focus')!

  onFocus: (focus: GridFocus | undefined) => void = () => undefined
  /** Voice guidance's words for a focus (the page knows the rights and the clock). */
  describe: (focus: GridFocus) => { speech: Speech; detail: Speech } = () => ({
    speech: undefined,
    detail: undefined,
  })
  onEnter: (focus: GridFocus) => void = () => undefined
  /** OK held on a cell (the favourite key); unset, OK acts at once as it always did. */
  onLongEnter: ((focus: GridFocus) => void) | undefined
  onTop: () => void = () => undefined

  private _rows: GuideRow[] = []
  private _source: GridSource | undefined
  private _looks: GridLooks | undefined
  private _firstRow = 0
  private _row = 0
  private _anchor = 0
  private _viewStart = 0
  private _now = 0
  private _dataVersion = 0
  private _looksVersion = 0
  private _focusMoves = 0
  private _lastTravel: Travel = 'none'
  private _flips = 0
  /** OK's press: down (waiting for release or the long press), long (done, waiting for release). */
  private _ok: 'idle' | 'down' | 'long' = 'idle'

  static override _template(): Lightning.Component.Template<GuideGridTemplateSpec> {
    return {
      w: STAGE.w,
      h: STAGE.h,
      Time: { type: TimeBar },
      Rows: { x: 0, y: GUIDE.gridY },
      NowLine: {
        y: GUIDE.timeBarY,
        w: 3,
        h: GUIDE.gridY - GUIDE.timeBarY + GUIDE.rows * GUIDE.rowH - (GUIDE.rowH - GUIDE.cellH),
        rect: true,
        color: COLORS.live,
        visible: false,
      },
      Focus: { type: FocusCell, y: GUIDE.gridY, visible: false },
    }
  }

  override _init(): void {
    for (let i = 0; i < GUIDE.rows; i++) this._rows.push(new GuideRow(this.Rows, i * GUIDE.rowH))
  }

  /**
   * OK held this long is a long OK. Lightning times it on the element that has the focus (the
   * highlight) and suppresses OK's key repeats meanwhile.
   */
  set longOkMs(ms: number) {
    ;(this.Focus as unknown as { longpress?: Record<string, number> }).longpress = { enter: ms }
  }

  // ---- what the page tells the grid ----------------------------------------------------------

  /** Opens on a channel row at a time (the guide's first view: now, the last watched channel). */
  open(source: GridSource, row: number, at: number, now: number): void {
    this._source = source
    this._now = now
    this._row = Math.max(0, Math.min(row, source.channels.length - 1))
    this._firstRow = firstRowFor(this._row, this._row - 2, GUIDE.rows, source.channels.length)
    this._anchor = at
    this._viewStart = alignDown(at, GEOMETRY.stepSeconds)
    this._dataVersion++
    this._layout('none')
  }

  /** The lineup changed (a refetch): same focus row where it still exists. */
  setSource(source: GridSource): void {
    this._source = source
    this._row = Math.max(0, Math.min(this._row, source.channels.length - 1))
    this._firstRow = firstRowFor(this._row, this._firstRow, GUIDE.rows, source.channels.length)
    this._dataVersion++
    this._layout('none')
  }

  setLooks(looks: GridLooks): void {
    this._looks = looks
    this._looksVersion++
    if (this._source) this._layout('none')
  }

  /** Windows arrived: redraw what they cover; the focus finds its programme at the anchor. */
  refresh(): void {
    this._dataVersion++
    if (this._source) this._layout(this._lastTravel)
  }

  /** The clock moved: the now-line, and which programmes are past or on air. */
  setNow(now: number): void {
    const minuteChanged = Math.floor(now / 60) !== Math.floor(this._now / 60)
    this._now = now
    if (this._source && minuteChanged) this._layout('none')
  }

  jumpToRow(row: number): void {
    if (!this._source || row < 0) return
    this._row = Math.min(row, this._source.channels.length - 1)
    this._firstRow = firstRowFor(this._row, this._row - 2, GUIDE.rows, this._source.channels.length)
    this._layout('none')
  }

  /** Back to now on the same channel (the green key). */
  jumpToNow(): void {
    this._anchor = this._now
    this._viewStart = alignDown(this._now, GEOMETRY.stepSeconds)
    this._layout('none')
  }

  jumpDays(days: number): void {
    const step = dayJump(this._anchor, this._viewStart, days, this._now)
    this._viewStart = step.viewStart
    this._anchor = step.anchor
    this._layout(days > 0 ? 'right' : 'left')
  }

  get focused(): GridFocus | undefined {
    const source = this._source
    const channel = source?.channels[this._row]
    const row = this._rowView(this._row)
    if (!channel || !row) return undefined
    const slot = row.slots[slotIndexAt(row.slots, this._anchor)]
    if (!slot) return undefined
    return { row: this._row, channel, slot, locked: channelLocked(this._looks, channel.id) }
  }

  get row(): number {
    return this._row
  }
  get anchor(): number {
    return this._anchor
  }
  get viewStart(): number {
    return this._viewStart
  }
  /** Voice guidance: the focused cell ("Kanal 1, Morning Live, 22:05 to 01:05, on now, ..."). */
  announce(): Speech {
    const focus = this.focused
    return focus ? this.describe(focus).speech : undefined
  }

  announceDetail(): Speech {
    const focus = this.focused
    return focus ? this.describe(focus).detail : undefined
  }

  /** How many times the focus moved (the bench waits for it to change after a key). */
  get focusMoves(): number {
    return this._focusMoves
  }
  get elementCount(): number {
    return this._rows.reduce((n, r) => n + r.elementCount, 8 + TIME_BAR_LABELS)
  }

  // ---- keys ----------------------------------------------------------------------------------

  override _getFocused(): Lightning.Component {
    return this.Focus
  }

  override _handleUp(): void {
    if (this._row === 0 || !this._source) {
      this.onTop()
      return
    }
    this._row--
    this._firstRow = firstRowFor(this._row, this._firstRow, GUIDE.rows, this._source.channels.length)
    this._layout('up')
  }

  override _handleDown(): void {
    if (!this._source || this._row >= this._source.channels.length - 1) return
    this._row++
    this._firstRow = firstRowFor(this._row, this._firstRow, GUIDE.rows, this._source.channels.length)
    this._layout('down')
  }

  override _handleLeft(): void {
    const focus = this.focused
    const step = focus && stepBack(focus.slot, this._now, this._viewStart)
    if (!step) return
    this._viewStart = step.viewStart
    this._anchor = step.anchor
    this._layout('left')
    // The anchor sits at the start of what is now focused, as a viewer reads it.
    const now = this.focused
    if (now) this._anchor = anchorFor(now.slot, this._viewStart)
  }

  override _handleRight(): void {
    const focus = this.focused
    const step = focus && stepForward(focus.slot, this._now, this._viewStart)
    if (!step) return
    this._viewStart = step.viewStart
    this._anchor = step.anchor
    this._layout('right')
  }

  override _handleChannelUp(): void {
    this._page(-1)
  }
  override _handleChannelDown(): void {
    this._page(1)
  }
  override _handleRed(): void {
    this.jumpDays(-1)
  }
  override _handleGreen(): void {
    this.jumpToNow()
  }
  override _handleYellow(): void {
    this.jumpDays(1)
  }

  /**
   * With a long OK, OK acts when it is let go (a long press must not open the details first);
   * a release whose press went elsewhere (the menu's OK that opened the guide) does nothing.
   */
  override _handleEnter(): void {
    if (this.onLongEnter) {
      if (this._ok === 'idle') this._ok = 'down'
      return
    }
    const focus = this.focused
    if (focus) this.onEnter(focus)
  }

  override _handleEnterLong(): void {
    if (this._ok !== 'down') return
    this._ok = 'long'
    const focus = this.focused
    if (focus) this.onLongEnter?.(focus)
  }

  override _handleEnterRelease(): void {
    const pressed = this._ok === 'down'
    this._ok = 'idle'
    const focus = this.focused
    if (pressed && focus) this.onEnter(focus)
  }

  override _unfocus(): void {
    this._ok = 'idle'
  }

  private _page(direction: 1 | -1): void {
    if (!this._source) return
    const next = pageRows(this._row, this._firstRow, GUIDE.rows, this._source.channels.length, direction)
    this._row = next.row
    this._firstRow = next.firstRow
    this._layout(direction > 0 ? 'down' : 'up')
    // Logos and titles of the screens paged past are textures nobody shows any more; Lightning
    // would keep them up to its memory-pressure limit. Freeing them now and then keeps the heap
    // flat however long the viewer pages (bench: heap after 500 flips vs 10).
    if (++this._flips % GC_EVERY_FLIPS === 0) this.stage.gc(false)
  }

  // ---- drawing -------------------------------------------------------------------------------

  private _rowView(index: number): GuideRow | undefined {
    for (const row of this._rows) if (row.index === index) return row
    return undefined
  }

  /** Re-points and redraws the rows; rows that only moved keep their cells untouched. */
  private _layout(travel: Travel): void {
    const source = this._source
    const looks = this._looks
    if (!source || !looks) return
    this._lastTravel = travel
    const total = source.channels.length
    const first = this._firstRow
    const last = Math.min(total, first + GUIDE.rows) - 1
    const viewEnd = this._viewStart + GEOMETRY.spanSeconds
    // Rows whose channel scrolled away are free for the channels that scrolled in.
    for (const row of this._rows) if (row.index < first || row.index > last) row.index = -1
    for (let index = first; index <= last; index++) {
      let row = this._rowView(index)
      if (!row) {
        row = this._rows.find((r) => r.index === -1)
        if (!row) continue
        row.index = index
      }
      row.visible = true
      row.el.y = (index - first) * GUIDE.rowH
      const key = `${index}|${this._viewStart}|${this._dataVersion}|${this._looksVersion}|${Math.floor(this._now / 60)}`
      if (row.drawnKey === key) continue
      row.drawnKey = key
      this._drawRow(row, index, source, looks, viewEnd)
    }
    for (const row of this._rows) if (row.index === -1) row.visible = false
    source.show(
      { firstRow: first, lastRow: first + GUIDE.rows - 1, from: this._viewStart, to: viewEnd },
      travel,
    )
    this._drawTimeBar()
    this._drawFocus()
  }

  private _drawRow(
    row: GuideRow,
    index: number,
    source: GridSource,
    looks: GridLooks,
    viewEnd: number,
  ): void {
    const channel = source.channels[index] as Channel
    const { items, state } = source.programmes(index, this._viewStart, viewEnd)
    const slots = rowSlots(items, state, this._viewStart, viewEnd)
    const look = rowLook(channel, looks, state)
    row.draw(look, slots, this._viewStart, this._now)
  }

  private _drawTimeBar(): void {
    const nowX = nowLineX(this._now, this._viewStart)
    this.NowLine.visible = nowX !== undefined
    if (nowX !== undefined) this.NowLine.x = nowX
    this.Time.show(this._viewStart)
  }

  private _drawFocus(): void {
    const focus = this.focused
    const row = this._rowView(this._row)
    if (!focus || !row) {
      this.Focus.visible = false
      this.onFocus(undefined)
      return
    }
    const { text, mark } = focusText(focus.slot, this._looks)
    const markW = mark === 'scheduled' || mark === 'recording' ? MARK_W : 0
    const { x, w, lines } = focusGrowth(
      focusBox(focus.slot, this._viewStart),
      textWidth(text, FONT.bold, FOCUS_TITLE_SIZE),
      markW,
    )
    this.Focus.place(x, GUIDE.gridY + row.el.y, w, text, lines, mark, this._looks?.recordingText ?? '')
    this._focusMoves++
    this.onFocus(focus)
  }
}
