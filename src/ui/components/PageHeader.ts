import { Lightning } from '@lightningjs/sdk'
import { COLORS, FONT, TYPE } from '../theme'

/**
 * 'lead': a sentence under the title (body size, dim); 'status': a small line such as "updated
 * at 21:05" or who is signed in (caption size, muted).
 */
export type SubtitleLook = 'lead' | 'status'

interface PageHeaderTemplateSpec extends Lightning.Component.TemplateSpec {
  title: string
  subtitle: string
  subtitleColor: number | undefined
  subtitleBold: boolean
  look: SubtitleLook
  width: number | undefined
  subtitleY: number
  Title: object
  Subtitle: object
}

/**
 * The title of a page and the line under it, the same on every screen that has one. With a
 * `width` both lines end in an ellipsis there (room left for something on the right).
 */
export class PageHeader
  extends Lightning.Component<PageHeaderTemplateSpec>
  implements Lightning.Component.ImplementTemplateSpec<PageHeaderTemplateSpec>
{
  readonly Title = this.getByRef('Title')!
  readonly Subtitle = this.getByRef('Subtitle')!
  private _title = ''
  private _subtitle = ''
  private _subtitleColor: number | undefined
  private _subtitleBold = false
  private _look: SubtitleLook = 'lead'
  private _width: number | undefined
  private _subtitleY = 78

  static override _template(): Lightning.Component.Template<PageHeaderTemplateSpec> {
    return {
      Title: { text: { text: '', fontFace: FONT.bold, fontSize: TYPE.title, textColor: COLORS.text } },
      Subtitle: { y: 78, text: { text: '', fontFace: FONT.regular, fontSize: TYPE.body } },
    }
  }

  get title(): string {
    return this._title
  }
  set title(value: string) {
    this._title = value
    this._update()
  }
  get subtitle(): string {
    return this._subtitle
  }
  set subtitle(value: string) {
    this._subtitle = value
    this._update()
  }
  /** The line's colour when it says something special (offline); else the look's colour. */
  get subtitleColor(): number | undefined {
    return this._subtitleColor
  }
  set subtitleColor(value: number | undefined) {
    this._subtitleColor = value
    this._update()
  }
  get subtitleBold(): boolean {
    return this._subtitleBold
  }
  set subtitleBold(value: boolean) {
    this._subtitleBold = value
    this._update()
  }
  get look(): SubtitleLook {
    return this._look
  }
  set look(value: SubtitleLook) {
    this._look = value
    this._update()
  }
  get width(): number | undefined {
    return this._width
  }
  set width(value: number | undefined) {
    this._width = value
    this._update()
  }
  get subtitleY(): number {
    return this._subtitleY
  }
  set subtitleY(value: number) {
    this._subtitleY = value
    this._update()
  }

  /** The title and the line in one patch (what a page's render knows at once). */
  show(title: string, subtitle: string, subtitleColor?: number, subtitleBold = false): void {
    this._title = title
    this._subtitle = subtitle
    this._subtitleColor = subtitleColor
    this._subtitleBold = subtitleBold
    this._update()
  }

  private _update(): void {
    const status = this._look === 'status'
    const wrap =
      this._width !== undefined
        ? { wordWrapWidth: this._width, maxLines: 1, textOverflow: 'ellipsis' as const }
        : {}
    this.Title.patch({ text: { text: this._title, ...wrap } })
    this.Subtitle.y = this._subtitleY
    this.Subtitle.patch({
      text: {
        text: this._subtitle,
        fontFace: this._subtitleBold ? FONT.semibold : FONT.regular,
        fontSize: status ? TYPE.caption : TYPE.body,
        textColor: this._subtitleColor ?? (status ? COLORS.textMuted : COLORS.textDim),
        ...wrap,
      },
    })
  }
}
