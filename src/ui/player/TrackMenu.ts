import { Lightning } from '@lightningjs/sdk'
import type { SleepStatus } from '../../domain/sleepTimer'
import { phrase, say, type Phrase } from '../i18n'
import { COLORS, DURATION, FONT, RADIUS, SAFE, SPACE, TYPE } from '../theme'
import type { Speech } from '../components/voice'
import {
  stepTrackMenu,
  trackMenuRows,
  type TrackLists,
  type TrackMenuAction,
  type TrackMenuRow,
} from './trackMenuModel'

export const TRACK_MENU_W = 820
const ROW_H = 96
const TITLE_H = 72
export const TRACK_MENU_H = TITLE_H + 3 * ROW_H + SPACE.m
/** The value column, right of the row's name. */
const VALUE_X = 300

interface RowTemplateSpec extends Lightning.Component.TemplateSpec {
  Marker: object
  Label: object
  Left: object
  Value: object
  Right: object
  Note: object
}

const rowSpeech = (row: TrackMenuRow): Speech => [row.label, row.value, row.note]

/** One line of the menu: its name, its value between ‹ › while focused, and a note at its end. */
class TrackMenuLine
  extends Lightning.Component<RowTemplateSpec>
  implements Lightning.Component.ImplementTemplateSpec<RowTemplateSpec>
{
  readonly Marker = this.getByRef('Marker')!
  readonly Label = this.getByRef('Label')!
  readonly Left = this.getByRef('Left')!
  readonly Value = this.getByRef('Value')!
  readonly Right = this.getByRef('Right')!
  readonly Note = this.getByRef('Note')!
  private _row: TrackMenuRow | undefined
  private _focused = false

  static override _template(): Lightning.Component.Template<RowTemplateSpec> {
    const text = (fontFace: string, fontSize: number, textColor: number) => ({
      text: '',
      fontFace,
      fontSize,
      textColor,
    })
    return {
      w: TRACK_MENU_W - 2 * SPACE.m,
      h: ROW_H - SPACE.s,
      rect: true,
      color: 0x00000000,
      shader: { type: Lightning.shaders.RoundedRectangle, radius: RADIUS.s },
      Marker: { rect: true, w: 10, h: ROW_H - SPACE.s, color: COLORS.focus, alpha: 0 },
      Label: { x: SPACE.l, y: 22, text: text(FONT.semibold, TYPE.body, COLORS.textDim) },
      Left: { x: VALUE_X, y: 12, alpha: 0, text: text(FONT.bold, TYPE.heading, COLORS.focus) },
      Value: {
        x: VALUE_X + 34,
        y: 14,
        text: {
          ...text(FONT.bold, TYPE.heading, COLORS.text),
          wordWrapWidth: TRACK_MENU_W - VALUE_X - 34 - 2 * SPACE.m - 60,
          maxLines: 1,
          textOverflow: 'ellipsis',
        },
      },
      Right: { x: VALUE_X + 80, y: 12, alpha: 0, text: text(FONT.bold, TYPE.heading, COLORS.focus) },
      // Only the sleep timer has a note (its time left): at the line's end, beside its short value.
      Note: {
        x: TRACK_MENU_W - 2 * SPACE.m - SPACE.m,
        y: 26,
        mountX: 1,
        text: text(FONT.regular, TYPE.caption, COLORS.textDim),
      },
    }
  }

  get row(): TrackMenuRow | undefined {
    return this._row
  }
  set row(value: TrackMenuRow | undefined) {
    const said = this._row ? say(this._row.value as Phrase | string) + say(this._row.note) : undefined
    this._row = value
    this._draw()
    // A value stepped while focused is said again (voice guidance ignores a redraw).
    if (this._focused && value && said !== say(value.value) + say(value.note))
      this.fireAncestors('$voiceUpdate', rowSpeech(value))
  }

  announce(): Speech {
    return this._row ? rowSpeech(this._row) : undefined
  }

  override _init(): void {
    this.Value.on('txLoaded', () => this._placeArrow())
    this.Left.patch({ text: { text: '‹' } })
    this.Right.patch({ text: { text: '›' } })
  }

  override _focus(): void {
    this._focused = true
    this._draw()
  }

  override _unfocus(): void {
    this._focused = false
    this._draw()
  }

  private _draw(): void {
    const row = this._row
    if (!row) return
    this.setSmooth('color', this._focused ? COLORS.surfaceRaised : 0x00000000, { duration: DURATION.focus })
    this.Marker.setSmooth('alpha', this._focused ? 1 : 0, { duration: DURATION.focus })
    this.Label.patch({ text: { text: say(row.label) } })
    this.Value.patch({ text: { text: say(row.value) } })
    this.Note.patch({ text: { text: say(row.note) } })
    const arrows = this._focused && row.canStep ? 1 : 0
    this.Left.alpha = arrows
    this.Right.alpha = arrows
    this._placeArrow()
  }

  private _placeArrow(): void {
    this.Right.x = this.Value.x + (this.Value.renderWidth || say(this._row?.value).length * 22) + SPACE.s
  }
}

interface TrackMenuTemplateSpec extends Lightning.Component.TemplateSpec {
  Title: object
  Rows: object
}

/**
 * The player's menu over the video (Yellow): the audio language, the subtitles and the sleep
 * timer, one line each; Left/Right change a line at once, Up/Down move, OK, Back or Yellow
 * close it. It renders what the page gives it and says what was asked through `onAction`.
 */
export class TrackMenu
  extends Lightning.Component<TrackMenuTemplateSpec>
  implements Lightning.Component.ImplementTemplateSpec<TrackMenuTemplateSpec>
{
  readonly Title = this.getByRef('Title')!
  readonly Rows = this.getByRef('Rows')!
  onAction: ((action: TrackMenuAction) => void) | undefined
  onClose: (() => void) | undefined
  private _lists: TrackLists | undefined
  private _sleep: SleepStatus = { phase: 'off', minutes: 0, remainingMs: 0 }
  private _index = 0

  static override _template(): Lightning.Component.Template<TrackMenuTemplateSpec> {
    return {
      w: TRACK_MENU_W,
      h: TRACK_MENU_H,
      rect: true,
      color: 0xf00b0f19,
      shader: { type: Lightning.shaders.RoundedRectangle, radius: RADIUS.m },
      Title: {
        x: SPACE.l,
        y: SPACE.m,
        text: { text: '', fontFace: FONT.bold, fontSize: TYPE.body, textColor: COLORS.text },
      },
      Rows: { x: SPACE.m, y: TITLE_H },
    }
  }

  /** Where it sits on the stage: top right in the safe area, clear of the OSD and the subtitles above it. */
  static placeAt(): { x: number; y: number } {
    return { x: SAFE.x + SAFE.w - TRACK_MENU_W, y: SAFE.y }
  }

  get lists(): TrackLists | undefined {
    return this._lists
  }

  get rows(): TrackMenuRow[] {
    return this.Rows.children.flatMap((c) => {
      const row = (c as TrackMenuLine).row
      return row ? [row] : []
    })
  }

  get focusedRow(): TrackMenuRow | undefined {
    return this.rows[this._index]
  }

  /** Opens on the first line. */
  open(): void {
    this._index = 0
    this.visible = true
  }

  /** Redraws with the stream's tracks (undefined: none yet) and the sleep timer. */
  update(lists: TrackLists | undefined, sleep: SleepStatus): void {
    this._lists = lists
    this._sleep = sleep
    const rows = trackMenuRows(lists, sleep)
    if (this.Rows.children.length !== rows.length) {
      this.Rows.children = rows.map((_, i) => ({ type: TrackMenuLine, y: i * ROW_H }))
    }
    rows.forEach((row, i) => {
      const line = this.Rows.children[i] as TrackMenuLine | undefined
      if (line) line.row = row
    })
  }

  announce(): Speech {
    return phrase('player.tracks.title')
  }

  override _init(): void {
    this.Title.patch({ text: { text: say(phrase('player.tracks.title')) } })
    if (this.Rows.children.length === 0) this.update(this._lists, this._sleep)
  }

  override _getFocused(): Lightning.Component | undefined {
    return this.Rows.children[this._index] as Lightning.Component | undefined
  }

  override _handleUp(): void {
    if (this._index > 0) {
      this._index -= 1
      this._refocus()
    }
  }

  override _handleDown(): void {
    if (this._index < this.Rows.children.length - 1) {
      this._index += 1
      this._refocus()
    }
  }

  private _step(direction: 1 | -1): void {
    const row = this.focusedRow
    if (!row) return
    const action = stepTrackMenu(row.id, this._lists, this._sleep, direction)
    if (action) this.onAction?.(action)
  }

  override _handleLeft(): void {
    this._step(-1)
  }

  override _handleRight(): void {
    this._step(1)
  }

  override _handleEnter(): void {
    this.onClose?.()
  }

  override _handleBack(): void {
    this.onClose?.()
  }

  override _handleYellow(): void {
    this.onClose?.()
  }

  /** Keys the menu has no use for stay here: the video behind must not zap or seek. */
  override _handleKey(): boolean {
    return true
  }
}
