import { Lightning } from '@lightningjs/sdk'
import { COLORS, FONT } from '../theme'
import type { RecordingMark } from '../../domain/guideActions'
import { FOCUS_MIN_W, GUIDE, HEADER } from './layout'
import { MARK_W, markColors } from './GuideRow'

interface FocusCellTemplateSpec extends Lightning.Component.TemplateSpec {
  Title: object
  Mark: { Label: object }
}

const PAD = 16
export const FOCUS_TITLE_SIZE = 26
const LINE_H = 30

/**
 * The focused cell: one highlight that moves over the grid, with the programme's whole title on
 * it: the grid widens it over the next cells, or lets the title wrap (gridModel.focusGrowth).
 * It holds the focus (so the remote's keys reach the grid through it, and a test reading the
 * focused texts reads the title); the cells underneath never change for a focus move.
 */
export class FocusCell
  extends Lightning.Component<FocusCellTemplateSpec>
  implements Lightning.Component.ImplementTemplateSpec<FocusCellTemplateSpec>
{
  readonly Title = this.getByRef('Title')!
  readonly Mark = this.getByRef('Mark')!

  /** Voice guidance: the grid says the focused programme, with more than this cell shows. */
  announce(): undefined {
    return undefined
  }
  readonly MarkLabel = this.Mark.getByRef('Label')!
  private _title = ''
  private _width = -1
  private _mark: RecordingMark = 'none'

  static override _template(): Lightning.Component.Template<FocusCellTemplateSpec> {
    return {
      h: GUIDE.cellH,
      w: FOCUS_MIN_W,
      rect: true,
      color: COLORS.focus,
      Title: {
        x: PAD,
        y: 21,
        text: {
          text: '',
          fontFace: FONT.bold,
          fontSize: FOCUS_TITLE_SIZE,
          textColor: COLORS.focusText,
          maxLines: 2,
          lineHeight: LINE_H,
          textOverflow: 'ellipsis',
          wordWrapWidth: FOCUS_MIN_W - 2 * PAD,
        },
      },
      // The recording mark stays in sight on the focused programme, as on the cells.
      Mark: {
        y: 6,
        w: MARK_W - 8,
        h: 30,
        rect: true,
        visible: false,
        Label: {
          x: (MARK_W - 8) / 2,
          y: 15,
          mount: 0.5,
          text: { text: '', fontFace: FONT.bold, fontSize: HEADER.markSize },
        },
      },
    }
  }

  /** Moves the highlight; the title texture is drawn again only when the text or width changed. */
  place(
    x: number,
    y: number,
    w: number,
    title: string,
    lines: 1 | 2,
    mark: RecordingMark,
    markText: string,
  ): void {
    this.patch({ visible: true, x, y, w })
    const shown = mark === 'scheduled' || mark === 'recording'
    if (shown) {
      const look = markColors(mark)
      this.Mark.patch({ visible: true, x: w - MARK_W, color: look.color })
      this.MarkLabel.patch({ color: look.textColor, text: { text: markText } })
    } else this.Mark.visible = false
    // A title on two lines sits higher, both lines inside the cell.
    this.Title.y = lines === 2 ? (GUIDE.cellH - 2 * LINE_H) / 2 : 21
    if (title === this._title && w === this._width && mark === this._mark) return
    this._title = title
    this._width = w
    this._mark = mark
    const textW = w - 2 * PAD - (shown ? MARK_W : 0)
    // Right-to-left titles are aligned right by the text rules (ui/text/bidiCanvas).
    this.Title.patch({ text: { text: title, wordWrapWidth: textW } })
  }
}
