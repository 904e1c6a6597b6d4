import { Lightning } from '@lightningjs/sdk'
import { FONT, RADIUS, SAFE, SPACE } from '../theme'
import { OSD_TOP } from './Osd'
import { subtitleText } from './subtitleText'

interface SubtitleViewTemplateSpec extends Lightning.Component.TemplateSpec {
  Box: { Text: object }
}

/**
 * Subtitle text size: a line is about a seventeenth of the picture's height, which broadcast
 * subtitle guidance puts at the size read comfortably from three metres on a living-room TV.
 */
export const SUBTITLE_FONT = 60
const LINE_H = 76
const PAD_X = SPACE.m
const PAD_Y = SPACE.xs
/** A cue never takes more than three lines; longer ones end in an ellipsis. */
const MAX_LINES = 3
const MAX_W = SAFE.w - 2 * SPACE.xl

/**
 * The subtitles of the stream, drawn by Kanal (not by the video element) so that they are
 * large, white on a dark box whatever the picture, centred at the bottom of the safe area, and
 * moved up above the OSD while it shows.
 */
export class SubtitleView
  extends Lightning.Component<SubtitleViewTemplateSpec>
  implements Lightning.Component.ImplementTemplateSpec<SubtitleViewTemplateSpec>
{
  readonly Box = this.getByRef('Box')!
  readonly Text = this.Box.getByRef('Text')!
  private _text: string | null = null
  private _bottom = SAFE.y + SAFE.h

  static override _template(): Lightning.Component.Template<SubtitleViewTemplateSpec> {
    return {
      w: 1920,
      h: 1080,
      Box: {
        x: 960,
        y: SAFE.y + SAFE.h,
        mountX: 0.5,
        mountY: 1,
        visible: false,
        rect: true,
        color: 0xd9000000,
        shader: { type: Lightning.shaders.RoundedRectangle, radius: RADIUS.s },
        Text: {
          x: PAD_X,
          y: PAD_Y,
          text: {
            text: '',
            fontFace: FONT.semibold,
            fontSize: SUBTITLE_FONT,
            lineHeight: LINE_H,
            textColor: 0xffffffff,
            textAlign: 'center',
            wordWrapWidth: MAX_W - 2 * PAD_X,
            maxLines: MAX_LINES,
            textOverflow: 'ellipsis',
          },
        },
      },
    }
  }

  /** Where the box's bottom goes: the safe area's bottom, or above the OSD while it shows. */
  static bottomWith(osdShown: boolean): number {
    return osdShown ? OSD_TOP - SPACE.s : SAFE.y + SAFE.h
  }

  /** What shows now (null: none). */
  get cue(): string | null {
    return this._text
  }

  /** A cue started (its text) or ended (null). */
  show(raw: string | null): void {
    this._text = subtitleText(raw)
    this.Text.patch({ text: { text: this._text ?? '' } })
    this.Box.visible = this._text !== null
    this._size()
  }

  /** The lowest point of the box on the stage: the safe area's bottom, or above the OSD. */
  set bottom(y: number) {
    this._bottom = y
    this.Box.setSmooth('y', y, { duration: 0.2 })
  }
  get bottom(): number {
    return this._bottom
  }

  override _init(): void {
    this.Text.on('txLoaded', () => this._size())
  }

  private _size(): void {
    if (this._text === null) return
    const lines = this._text.split('\n')
    const longest = Math.max(...lines.map((l) => l.length))
    const w = this.Text.renderWidth || Math.min(MAX_W - 2 * PAD_X, longest * SUBTITLE_FONT * 0.5)
    const h = this.Text.renderHeight || Math.min(lines.length, MAX_LINES) * LINE_H
    this.Box.patch({ w: Math.min(MAX_W, w + 2 * PAD_X), h: h + 2 * PAD_Y })
  }
}
