import { Lightning } from '@lightningjs/sdk'
import { COLORS, FONT } from '../theme'
import type { RecordingMark } from '../../domain/guideActions'
import { FOCUS_MIN_W, GUIDE } from './layout'
import { MARK_W, markColors } from './GuideRow'

interface FocusCellTemplateSpec extends Lightning.Component.TemplateSpec {
  Title: object
  Mark: { Label: object }
}

const PAD = 16

/**
 * The focused cell: one highlight that moves over the grid, with the programme's title on it.
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
          fontSize: 26,
          textColor: COLORS.focusText,
          maxLines: 1,
          textOverflow: 'ellipsis',
          wordWrapWidth: FOCUS_MIN_W - 2 * PAD,
        },
      },
      // The recording mark stays in sight on the focused programme, as on the cells.
      Mark: {
        y: 8,
        w: MARK_W - 8,
        h: 26,
        rect: true,
        visible: false,
        Label: {
          x: (MARK_W - 8) / 2,
          y: 13,
          mount: 0.5,
          text: { text: '', fontFace: FONT.bold, fontSize: 18 },
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
    rtl: boolean,
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
    if (title === this._title && w === this._width && mark === this._mark) return
    this._title = title
    this._width = w
    this._mark = mark
    const textW = w - 2 * PAD - (shown ? MARK_W : 0)
    this.Title.patch({ text: { text: title, wordWrapWidth: textW, textAlign: rtl ? 'right' : 'left' } })
  }
}
