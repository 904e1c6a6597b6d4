import { Lightning } from '@lightningjs/sdk'
import type { Capabilities, Channel } from '../../domain/channels'
import type { Programme } from '../../domain/guide'
import type { RecordingMark } from '../../domain/guideActions'
import {
  alignDown,
  anchorFor,
  cellBox,
  firstRowFor,
  isRightToLeft,
  jumpDays,
  normaliseRow,
  pageRows,
  slotIndexAt,
  xOf,
  type Slot,
} from '../../domain/guideGrid'
import { DAY } from '../../domain/time'
import type { Travel, Viewport, WindowState } from '../../state/guide/guideStore'
import { formatDay, formatTime } from '../format'
import { COLORS, FONT, STAGE, TYPE } from '../theme'
import { FOCUS_MIN_W, FocusCell } from './FocusCell'
import { GuideRow, type RowLook } from './GuideRow'
import { GEOMETRY, GUIDE, TIME_W, TIME_X } from './layout'

/** Where the grid reads its data: the lineup and the programme windows of the guide store. */
export interface GridSource {
  channels: readonly Channel[]
  programmes(row: number, from: number, to: number): { items: Programme[]; state: WindowState | 'missing' }
  show(view: Viewport, travel: Travel): void
}

/** What the grid needs to know of the user's rights, with the words it shows for them. */
export interface GridLooks {
  caps(channelId: string): Capabilities
  mark(programmeId: string): RecordingMark
  badges(caps: Capabilities): string
  lockedText: string
  gapText: string
  loadingText: string
  failedText: string
  recordingText: string
}

export interface GridFocus {
  row: number
  channel: Channel
  slot: Slot<Programme>
  locked: boolean
}

interface GuideGridTemplateSpec extends Lightning.Component.TemplateSpec {
  Day: object
  Labels: object
  Rows: object
  NowLine: object
  Focus: typeof FocusCell
}

const TIME_LABELS = GEOMETRY.spanSeconds / GEOMETRY.stepSeconds
const WHITE = 0xffffffff
/**
 * How far from now the guide scrolls, each way. Operators keep about 7 days back and 7 ahead;
 * imported XMLTV guides reach 21 days ahead. Beyond the data the grid shows "No information".
 */
const RANGE_DAYS = 14
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
  readonly Day = this.getByRef('Day')!
  readonly Labels = this.getByRef('Labels')!
  readonly Rows = this.getByRef('Rows')!
  readonly NowLine = this.getByRef('NowLine')!
  readonly Focus = this.getByRef('Focus')!

  onFocus: (focus: GridFocus | undefined) => void = () => undefined
  onEnter: (focus: GridFocus) => void = () => undefined
  onTop: () => void = () => undefined

  private _rows: GuideRow[] = []
  private _labels: Lightning.Element[] = []
  private _source: GridSource | undefined
  private _looks: GridLooks | undefined
  private _firstRow = 0
  private _row = 0
  private _anchor = 0
  private _viewStart = 0
  private _now = 0
  private _dataVersion = 0
  private _looksVersion = 0
  private _labelsFor = Number.NaN
  private _focusMoves = 0
  private _lastTravel: Travel = 'none'
  private _flips = 0

  static override _template(): Lightning.Component.Template<GuideGridTemplateSpec> {
    return {
      w: STAGE.w,
      h: STAGE.h,
      Day: {
        x: GUIDE.x + 14,
        y: GUIDE.timeBarY + 6,
        text: { text: '', fontFace: FONT.bold, fontSize: TYPE.caption, textColor: COLORS.text },
      },
      Labels: { x: TIME_X, y: GUIDE.timeBarY + 6 },
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
    for (let i = 0; i < TIME_LABELS; i++)
      this._labels.push(
        this.Labels.childList.a({
          x: 8,
          text: { text: '', fontFace: FONT.semibold, fontSize: TYPE.caption, textColor: WHITE },
          color: COLORS.textDim,
        }),
      )
    this.Labels.childList.a({ y: 38, w: TIME_W, h: 2, rect: true, color: COLORS.surfaceRaised })
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
    const anchor = jumpDays(this._anchor, days, this._now - RANGE_DAYS * DAY, this._now + RANGE_DAYS * DAY)
    this._viewStart = this._viewStart + (anchor - this._anchor)
    this._viewStart = alignDown(this._viewStart, GEOMETRY.stepSeconds)
    this._anchor = anchor
    this._layout(days > 0 ? 'right' : 'left')
  }

  get focused(): GridFocus | undefined {
    const source = this._source
    const channel = source?.channels[this._row]
    const row = this._rowView(this._row)
    if (!channel || !row) return undefined
    const slot = row.slots[slotIndexAt(row.slots, this._anchor)]
    if (!slot) return undefined
    return { row: this._row, channel, slot, locked: this._looks ? !this._looks.caps(channel.id).live : true }
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
  /** How many times the focus moved (the bench waits for it to change after a key). */
  get focusMoves(): number {
    return this._focusMoves
  }
  get elementCount(): number {
    return this._rows.reduce((n, r) => n + r.elementCount, 8 + this._labels.length)
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
    if (!focus) return
    const target = focus.slot.start - 1
    const earliest = this._now - RANGE_DAYS * DAY
    if (target < earliest) return
    if (target < this._viewStart) this._viewStart = alignDown(target, GEOMETRY.stepSeconds)
    this._anchor = target
    this._layout('left')
    // The anchor sits at the start of what is now focused, as a viewer reads it.
    const now = this.focused
    if (now) this._anchor = anchorFor(now.slot, this._viewStart)
  }

  override _handleRight(): void {
    const focus = this.focused
    if (!focus) return
    const target = focus.slot.end
    const latest = this._now + RANGE_DAYS * DAY
    if (target >= latest) return
    const viewEnd = this._viewStart + GEOMETRY.spanSeconds
    // Scroll so that what comes next starts in the second half hour: some context stays.
    if (target >= viewEnd) this._viewStart = alignDown(target, GEOMETRY.stepSeconds) - GEOMETRY.stepSeconds
    this._anchor = target
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

  override _handleEnter(): void {
    const focus = this.focused
    if (focus) this.onEnter(focus)
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
    let slots = normaliseRow(items, this._viewStart, viewEnd)
    // Holes in a window still on its way are not holes yet.
    if (state === 'loading' || state === 'missing')
      slots = slots.map((s): Slot<Programme> => (s.kind === 'gap' ? { ...s, kind: 'loading' } : s))
    const caps = looks.caps(channel.id)
    const locked = !caps.live
    const look: RowLook = {
      channel,
      locked,
      badges: locked ? looks.lockedText : looks.badges(caps),
      gapText: looks.gapText,
      loadingText: looks.loadingText,
      failedText: looks.failedText,
      failed: state === 'failed',
      recordingText: looks.recordingText,
      mark: looks.mark,
    }
    row.draw(look, slots, this._viewStart, this._now)
  }

  private _drawTimeBar(): void {
    const nowX = xOf(this._now, this._viewStart, GEOMETRY)
    const nowIn = nowX >= 0 && nowX <= TIME_W
    this.NowLine.visible = nowIn
    if (nowIn) this.NowLine.x = TIME_X + Math.round(nowX) - 1
    if (this._labelsFor === this._viewStart) return
    this._labelsFor = this._viewStart
    this.Day.patch({ text: { text: formatDay(this._viewStart) } })
    this._labels.forEach((label, i) => {
      const t = this._viewStart + i * GEOMETRY.stepSeconds
      label.x = Math.round(xOf(t, this._viewStart, GEOMETRY)) + 8
      label.patch({ text: { text: formatTime(t) } })
    })
  }

  private _drawFocus(): void {
    const focus = this.focused
    const row = this._rowView(this._row)
    if (!focus || !row) {
      this.Focus.visible = false
      this.onFocus(undefined)
      return
    }
    const box = cellBox(focus.slot.start, focus.slot.end, this._viewStart, GEOMETRY) ?? {
      x: 0,
      w: FOCUS_MIN_W,
    }
    const w = Math.max(FOCUS_MIN_W, Math.round(box.w) - 4)
    const x = Math.min(TIME_X + Math.round(box.x) + 2, TIME_X + TIME_W - w)
    const cells = this._looks
    const text =
      focus.slot.kind === 'programme'
        ? focus.slot.programme.title
        : focus.slot.kind === 'loading'
          ? (cells?.loadingText ?? '')
          : (cells?.gapText ?? '')
    const mark = focus.slot.kind === 'programme' ? (cells?.mark(focus.slot.programme.id) ?? 'none') : 'none'
    this.Focus.place(
      x,
      GUIDE.gridY + row.el.y,
      w,
      text,
      isRightToLeft(text),
      mark,
      cells?.recordingText ?? '',
    )
    this._focusMoves++
    this.onFocus(focus)
  }
}
