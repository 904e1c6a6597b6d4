import { Lightning } from '@lightningjs/sdk'
import { COLORS, FONT, RADIUS, TYPE } from '../theme'
import { GUIDE } from './layout'

/** What the panel shows of the focused programme, already in words. */
export interface InfoLines {
  title: string
  rtl: boolean
  meta: string
  description: string
  /** 0..1 while the programme is on air, null otherwise. */
  progress: number | null
  /** Capabilities now, or why the channel is locked. */
  badges: string
  warn: boolean
}

interface InfoPanelTemplateSpec extends Lightning.Component.TemplateSpec {
  Title: object
  Meta: object
  Description: object
  Badges: object
  Track: { Bar: object }
  Hint: object
  Digits: object
  Notice: object
}

const W = 1728
const TEXT_W = 1300
const RIGHT_X = 1360
const TRACK_W = 320

/**
 * The panel above the grid: the focused programme's title, channel and times, its progress if
 * it is on air, a short description and what the viewer may do with it. Texts are patched only
 * when they change, so moving within one programme costs nothing here.
 */
export class InfoPanel
  extends Lightning.Component<InfoPanelTemplateSpec>
  implements Lightning.Component.ImplementTemplateSpec<InfoPanelTemplateSpec>
{
  readonly Title = this.getByRef('Title')!
  readonly Meta = this.getByRef('Meta')!
  readonly Description = this.getByRef('Description')!
  readonly Badges = this.getByRef('Badges')!
  readonly Track = this.getByRef('Track')!
  readonly Bar = this.Track.getByRef('Bar')!
  readonly Hint = this.getByRef('Hint')!
  readonly Digits = this.getByRef('Digits')!
  readonly Notice = this.getByRef('Notice')!
  private _shown: InfoLines = {
    title: '',
    rtl: false,
    meta: '',
    description: '',
    progress: null,
    badges: '',
    warn: false,
  }

  static override _template(): Lightning.Component.Template<InfoPanelTemplateSpec> {
    const line = (y: number, size: number, font: string, color: number, lines = 1, w = TEXT_W) => ({
      x: 32,
      y,
      text: {
        text: '',
        fontFace: font,
        fontSize: size,
        textColor: color,
        wordWrapWidth: w,
        maxLines: lines,
        textOverflow: 'ellipsis',
        lineHeight: size + 8,
      },
    })
    return {
      x: GUIDE.x,
      y: GUIDE.infoY,
      w: W,
      h: GUIDE.infoH,
      rect: true,
      color: COLORS.surface,
      shader: { type: Lightning.shaders.RoundedRectangle, radius: RADIUS.m },
      Title: line(16, TYPE.heading, FONT.bold, COLORS.text),
      Meta: line(72, TYPE.caption, FONT.semibold, COLORS.textDim),
      Description: line(110, TYPE.caption, FONT.regular, COLORS.text, 2),
      Badges: { ...line(186, TYPE.caption, FONT.semibold, 0xffffffff), color: COLORS.success },
      Track: {
        x: RIGHT_X,
        y: 30,
        w: TRACK_W,
        h: 8,
        rect: true,
        color: COLORS.surfaceRaised,
        visible: false,
        Bar: { h: 8, w: 0, rect: true, color: COLORS.live },
      },
      // Five short lines between the progress track and the offline notice.
      Hint: {
        ...line(44, 22, FONT.regular, COLORS.textDim, 5, W - RIGHT_X - 24),
        x: RIGHT_X,
        text: {
          text: '',
          fontFace: FONT.regular,
          fontSize: 22,
          textColor: COLORS.textDim,
          wordWrapWidth: W - RIGHT_X - 24,
          maxLines: 5,
          textOverflow: 'ellipsis',
          lineHeight: 28,
        },
      },
      // "Offline since 12:05" while the operator cannot be reached.
      Notice: {
        x: RIGHT_X,
        y: 186,
        text: {
          text: '',
          fontFace: FONT.bold,
          fontSize: TYPE.caption,
          textColor: COLORS.warning,
          wordWrapWidth: W - RIGHT_X - 24,
          maxLines: 1,
          textOverflow: 'ellipsis',
        },
      },
      Digits: {
        x: W - 32,
        y: 180,
        mountX: 1,
        text: { text: '', fontFace: FONT.bold, fontSize: TYPE.heading, textColor: COLORS.focus },
      },
    }
  }

  show(lines: InfoLines): void {
    const s = this._shown
    if (s.title !== lines.title || s.rtl !== lines.rtl)
      // Right-to-left titles are aligned right by the text rules (ui/text/bidiCanvas).
      this.Title.patch({ text: { text: lines.title } })
    if (s.meta !== lines.meta) this.Meta.patch({ text: { text: lines.meta } })
    if (s.description !== lines.description) this.Description.patch({ text: { text: lines.description } })
    if (s.badges !== lines.badges) this.Badges.patch({ text: { text: lines.badges } })
    if (s.warn !== lines.warn) this.Badges.color = lines.warn ? COLORS.warning : COLORS.success
    this.Track.visible = lines.progress !== null
    if (lines.progress !== null) this.Bar.w = Math.round(TRACK_W * lines.progress)
    this._shown = lines
  }

  set hint(text: string) {
    this.Hint.patch({ text: { text } })
  }

  /** The offline notice, "" when the operator answers. */
  set notice(text: string) {
    this.Notice.patch({ text: { text } })
  }

  /** Typed channel digits, "" to hide. */
  set digits(text: string) {
    this.Digits.patch({ text: { text } })
  }
}
