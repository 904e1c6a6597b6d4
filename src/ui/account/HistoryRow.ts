import { Lightning } from '@lightningjs/sdk'
import { rowFrame, showRowFocus } from '../components/listRow'
import type { HistoryIcon, HistorySentence } from '../../domain/accountHistory'
import { COLORS, FONT, RADIUS, SAFE, SPACE, TYPE } from '../theme'

export interface HistoryRowModel {
  icon: HistoryIcon
  tone: HistorySentence['tone']
  sentence: string
  when: string
}

export const HISTORY_ROW_H = 104
const WIDTH = SAFE.w
const ICON = 64
const WHEN_W = 360

const ICON_COLOR: Record<HistoryIcon, number> = {
  user: COLORS.accent,
  device: 0xff7a5cff,
  service: 0xff1fa67a,
  identity: 0xffd9822b,
  other: COLORS.textMuted,
}

const TONE: Record<HistorySentence['tone'], { mark: string; color: number }> = {
  added: { mark: '+', color: COLORS.success },
  removed: { mark: '−', color: COLORS.danger },
  changed: { mark: '~', color: COLORS.warning },
}

const shape = (
  x: number,
  y: number,
  w: number,
  h: number,
  radius = 0,
  color: number = COLORS.text,
): object => ({
  x,
  y,
  w,
  h,
  rect: true,
  color,
  ...(radius > 0 ? { shader: { type: Lightning.shaders.RoundedRectangle, radius } } : {}),
})

/** A small drawing per family of events: no font glyph or image to go missing. */
const GLYPH: Record<HistoryIcon, object> = {
  device: {
    Screen: shape(14, 16, 36, 24, 3),
    Inner: shape(17, 19, 30, 18, 2, 0xff7a5cff),
    Stand: shape(25, 42, 14, 4),
  },
  service: { A: shape(16, 16, 32, 8, 3), B: shape(16, 28, 32, 8, 3), C: shape(16, 40, 32, 8, 3) },
  identity: { Head: shape(24, 12, 16, 16, 8), Body: shape(16, 32, 32, 18, 9) },
  user: { Head: shape(24, 12, 16, 16, 8), Body: shape(16, 32, 32, 18, 9) },
  other: { Dot: shape(24, 24, 16, 16, 8) },
}

interface HistoryRowTemplateSpec extends Lightning.Component.TemplateSpec {
  model: HistoryRowModel | undefined
  Marker: object
  Icon: { Glyph: object; Badge: { Mark: object } }
  Sentence: object
  When: object
}

/** One account event: its icon (family and added/removed/changed), its sentence, when. */
export class HistoryRow
  extends Lightning.Component<HistoryRowTemplateSpec>
  implements Lightning.Component.ImplementTemplateSpec<HistoryRowTemplateSpec>
{
  readonly Marker = this.getByRef('Marker')!
  readonly Icon = this.getByRef('Icon')!
  readonly Glyph = this.Icon.getByRef('Glyph')!
  readonly Badge = this.Icon.getByRef('Badge')!
  readonly Mark = this.Badge.getByRef('Mark')!
  readonly Sentence = this.getByRef('Sentence')!
  readonly When = this.getByRef('When')!
  private _model: HistoryRowModel | undefined
  private _icon: HistoryIcon | undefined

  static override _template(): Lightning.Component.Template<HistoryRowTemplateSpec> {
    const h = HISTORY_ROW_H - SPACE.xs
    return {
      ...rowFrame(WIDTH, h),
      Icon: {
        x: SPACE.l,
        y: (h - ICON) / 2,
        w: ICON,
        h: ICON,
        rect: true,
        color: COLORS.accent,
        shader: { type: Lightning.shaders.RoundedRectangle, radius: RADIUS.m },
        Glyph: {},
        Badge: {
          x: ICON - 20,
          y: -8,
          w: 30,
          h: 30,
          rect: true,
          color: COLORS.success,
          shader: { type: Lightning.shaders.RoundedRectangle, radius: 15 },
          Mark: {
            x: 15,
            y: 17,
            mount: 0.5,
            text: { text: '', fontFace: FONT.bold, fontSize: 24, textColor: COLORS.focusText },
          },
        },
      },
      Sentence: {
        x: SPACE.l + ICON + SPACE.m,
        y: h / 2,
        mountY: 0.5,
        text: {
          text: '',
          fontFace: FONT.regular,
          fontSize: TYPE.body,
          textColor: COLORS.text,
          wordWrapWidth: WIDTH - (SPACE.l + ICON + SPACE.m) - WHEN_W - SPACE.l,
          maxLines: 2,
          lineHeight: 38,
          textOverflow: 'ellipsis',
        },
      },
      When: {
        x: WIDTH - SPACE.l,
        y: h / 2,
        mountX: 1,
        mountY: 0.5,
        text: { text: '', fontFace: FONT.regular, fontSize: TYPE.caption, textColor: COLORS.textDim },
      },
    }
  }

  get model(): HistoryRowModel | undefined {
    return this._model
  }
  set model(value: HistoryRowModel | undefined) {
    this._model = value
    this._update()
  }

  override _focus(): void {
    showRowFocus(this, this.Marker, true)
  }

  override _unfocus(): void {
    showRowFocus(this, this.Marker, false)
  }

  private _update(): void {
    const m = this._model
    if (!m) return
    if (m.icon !== this._icon) {
      this._icon = m.icon
      this.Icon.color = ICON_COLOR[m.icon]
      this.Glyph.children = Object.entries(GLYPH[m.icon]).map(([ref, spec]) => ({ ref, ...spec }))
    }
    const tone = TONE[m.tone]
    this.Badge.color = tone.color
    this.Mark.patch({ text: { text: tone.mark } })
    this.Sentence.patch({ text: { text: m.sentence } })
    this.When.patch({ text: { text: m.when } })
  }
}
