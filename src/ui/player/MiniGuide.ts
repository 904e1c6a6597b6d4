import { Lightning } from '@lightningjs/sdk'
import type { Channel } from '../../domain/channels'
import type { NowNext } from '../../state/player/lineup'
import { COLORS, FONT, RADIUS, SAFE, SPACE, TYPE } from '../theme'
import { formatTimeRange } from '../format'
import { t } from '../i18n'
import type { Speech } from '../components/voice'
import { miniGuideRowSpeech } from './playerSpeech'

interface MiniGuideTemplateSpec extends Lightning.Component.TemplateSpec {
  Heading: object
  Rows: object
}

interface RowTemplateSpec extends Lightning.Component.TemplateSpec {
  Name: object
  Now: object
  Next: object
}

export interface MiniGuideRow {
  channel: Channel
  nowNext: NowNext | undefined
}

const W = 1000
const ROW_H = 120
export const MINI_GUIDE_ROWS = 5

class MiniGuideRowView
  extends Lightning.Component<RowTemplateSpec>
  implements Lightning.Component.ImplementTemplateSpec<RowTemplateSpec>
{
  readonly Name = this.getByRef('Name')!
  readonly Now = this.getByRef('Now')!
  readonly Next = this.getByRef('Next')!

  static override _template(): Lightning.Component.Template<RowTemplateSpec> {
    const line = (y: number, size: number, color: number, font: string) => ({
      y,
      text: {
        text: '',
        fontFace: font,
        fontSize: size,
        textColor: color,
        wordWrapWidth: W - 2 * SPACE.l - 240,
        maxLines: 1,
        textOverflow: 'ellipsis',
      },
    })
    return {
      w: W - 2 * SPACE.m,
      h: ROW_H - SPACE.s,
      rect: true,
      color: 0x00000000,
      shader: { type: Lightning.shaders.RoundedRectangle, radius: RADIUS.s },
      Name: {
        x: SPACE.m,
        y: SPACE.m,
        text: {
          text: '',
          fontFace: FONT.semibold,
          fontSize: TYPE.caption,
          textColor: COLORS.text,
          wordWrapWidth: 220,
          maxLines: 2,
          textOverflow: 'ellipsis',
        },
      },
      Now: { x: 260, ...line(SPACE.s, TYPE.caption, COLORS.text, FONT.semibold) },
      Next: { x: 260, ...line(SPACE.s + 48, TYPE.caption, COLORS.textDim, FONT.regular) },
    }
  }

  set row(r: MiniGuideRow) {
    const { now, next } = r.nowNext ?? {}
    this.Name.patch({ text: { text: `${r.channel.number}  ${r.channel.name}` } })
    this.Now.patch({
      text: {
        text: now
          ? `${formatTimeRange(now.start, now.end)}  ${now.title}`
          : r.nowNext
            ? t('player.guide.nothing')
            : t('player.guide.loading'),
      },
    })
    this.Next.patch({ text: { text: next ? t('player.guide.next', { title: next.title }) : '' } })
  }

  set selected(on: boolean) {
    this.color = on ? COLORS.focus : 0x00000000
    const text = on ? COLORS.focusText : COLORS.text
    this.Name.patch({ text: { textColor: text } })
    this.Now.patch({ text: { textColor: text } })
    this.Next.patch({ text: { textColor: on ? COLORS.focusText : COLORS.textDim } })
  }
}

/**
 * Now and next on the channels around the one playing, over the video. Up/Down move, OK zaps to
 * the chosen channel (the page does the navigation through `onZap`), Back closes it.
 */
export class MiniGuide
  extends Lightning.Component<MiniGuideTemplateSpec>
  implements Lightning.Component.ImplementTemplateSpec<MiniGuideTemplateSpec>
{
  readonly Heading = this.getByRef('Heading')!
  readonly Rows = this.getByRef('Rows')!
  private _rows: MiniGuideRow[] = []
  private _index = 0
  onZap: (channel: Channel) => void = () => undefined
  /** Asks the page for the channels around `index` when the selection nears the edge of what is shown. */
  onMove: (channel: Channel) => void = () => undefined

  static override _template(): Lightning.Component.Template<MiniGuideTemplateSpec> {
    return {
      x: SAFE.x,
      y: SAFE.y,
      w: W,
      h: 100 + MINI_GUIDE_ROWS * ROW_H,
      rect: true,
      color: 0xeb0b0f19,
      shader: { type: Lightning.shaders.RoundedRectangle, radius: RADIUS.m },
      Heading: {
        x: SPACE.l,
        y: SPACE.l - 8,
        text: { text: '', fontFace: FONT.bold, fontSize: TYPE.body, textColor: COLORS.text },
      },
      Rows: { x: SPACE.m, y: 90 },
    }
  }

  override _init(): void {
    this.Heading.patch({ text: { text: t('player.guide.title') } })
  }

  /** Voice guidance: its heading, then the selected channel and what is on it. */
  announce(): Speech {
    return [this.Heading.text?.text ?? '', this._rowSpeech()]
  }

  private _rowSpeech(): Speech {
    const row = this._rows[this._index]
    return row ? miniGuideRowSpeech(row) : undefined
  }

  /** The rows to show and which one is selected. */
  show(rows: MiniGuideRow[], selectedId: string): void {
    this._rows = rows
    this._index = Math.max(
      0,
      rows.findIndex((r) => r.channel.id === selectedId),
    )
    this.Rows.children = rows.map((row, i) => ({ type: MiniGuideRowView, y: i * ROW_H, row }))
    this._select()
  }

  get selected(): Channel | undefined {
    return this._rows[this._index]?.channel
  }

  private _select(): void {
    this.Rows.children.forEach((child, i) => {
      ;(child as MiniGuideRowView).selected = i === this._index
    })
  }

  override _handleUp(): void {
    this._move(-1)
  }

  override _handleDown(): void {
    this._move(1)
  }

  override _handleEnter(): void {
    const c = this.selected
    if (c) this.onZap(c)
  }

  private _move(step: number): void {
    const next = this._index + step
    const row = this._rows[next]
    if (!row) return
    this._index = next
    this._select()
    this.fireAncestors('$voiceUpdate', this._rowSpeech())
    // Keep the selection in the middle: the page brings the channels around it.
    if (next === 0 || next === this._rows.length - 1) this.onMove(row.channel)
  }
}
