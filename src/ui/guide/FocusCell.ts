import { Lightning } from '@lightningjs/sdk'
import { COLORS, FONT } from '../theme'
import { GUIDE } from './layout'

interface FocusCellTemplateSpec extends Lightning.Component.TemplateSpec {
  Title: object
}

export const FOCUS_MIN_W = 180
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
  private _title = ''
  private _width = -1

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
    }
  }

  /** Moves the highlight; the title texture is drawn again only when the text or width changed. */
  place(x: number, y: number, w: number, title: string, rtl: boolean): void {
    this.patch({ visible: true, x, y, w })
    if (title === this._title && w === this._width) return
    this._title = title
    this._width = w
    this.Title.patch({ text: { text: title, wordWrapWidth: w - 2 * PAD, textAlign: rtl ? 'right' : 'left' } })
  }
}
