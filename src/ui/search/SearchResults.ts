import { Lightning } from '@lightningjs/sdk'
import { CAPABILITY_LABEL } from '../components/capabilityLabel'
import type { Speech } from '../components/voice'
import { rowFrame, showRowFocus } from '../components/listRow'
import { formatDay, formatTimeRange } from '../format'
import { phrase, t } from '../i18n'
import { startSide } from '../text/textRules'
import { COLORS, DURATION, FONT, TYPE, SPACE } from '../theme'
import type { DayHeading, ResultLine } from './searchLooks'
import type { SearchResult } from '../../domain/search'

const HEADING_H = 56
const ROW_H = 140
const GAP = 8

export const headingText = (heading: DayHeading): string =>
  heading.kind === 'today'
    ? t('search.today')
    : heading.kind === 'tomorrow'
      ? t('search.tomorrow')
      : formatDay(heading.at)

interface SearchResultsTemplateSpec extends Lightning.Component.TemplateSpec {
  Items: object
}

/**
 * The results, a heading per day and a row per programme. Only the programmes take the focus;
 * the list slides so that the focused one stays in view with its day's heading above when
 * there is room. OK is the page's (it opens the programme).
 */
export class SearchResults
  extends Lightning.Component<SearchResultsTemplateSpec>
  implements Lightning.Component.ImplementTemplateSpec<SearchResultsTemplateSpec>
{
  readonly Items = this.getByRef('Items')!
  viewHeight = 700
  private _rows: ResultRow[] = []
  private _index = 0

  static override _template(): Lightning.Component.Template<SearchResultsTemplateSpec> {
    return { clipping: true, Items: {} }
  }

  get count(): number {
    return this._rows.length
  }

  get selected(): SearchResult | undefined {
    return this._rows[this._index]?.result
  }

  /** New results: the focus stays on the same programme when it is still there. */
  show(lines: readonly ResultLine[]): void {
    const keep = this.selected?.id
    this.h = this.viewHeight
    let y = 0
    const children: object[] = []
    for (const line of lines) {
      if (line.kind === 'day') {
        children.push({
          y: y + 10,
          text: {
            text: headingText(line.heading),
            fontFace: FONT.bold,
            fontSize: TYPE.caption,
            textColor: COLORS.accent,
          },
        })
        y += HEADING_H
      } else {
        children.push({ type: ResultRow, y, w: this.w, line })
        y += ROW_H + GAP
      }
    }
    this.Items.children = children
    this._rows = this.Items.children.filter((c): c is ResultRow => c instanceof ResultRow)
    const kept = this._rows.findIndex((r) => r.result?.id === keep)
    this._index = kept >= 0 ? kept : 0
    this._scroll(false)
  }

  /** Voice guidance: where the focus is in the list. */
  announceContext(): Speech {
    return this._rows.length > 1
      ? phrase('list.position', { index: this._index + 1, count: this._rows.length })
      : undefined
  }

  override _getFocused(): Lightning.Component | undefined {
    return this._rows[this._index]
  }

  override _handleUp(): boolean | void {
    if (this._index === 0) return false
    this._index -= 1
    this._scroll(true)
  }

  override _handleDown(): boolean | void {
    if (this._index >= this._rows.length - 1) return this._rows.length === 0 ? false : true
    this._index += 1
    this._scroll(true)
  }

  private _scroll(smooth: boolean): void {
    const row = this._rows[this._index]
    if (!row) {
      this.Items.y = 0
      return
    }
    // Its heading in view too when it is the first of its day.
    const top = Math.max(0, row.y - HEADING_H)
    const bottom = row.y + ROW_H
    let y = -this.Items.y
    if (top < y) y = top
    if (bottom > y + this.viewHeight) y = bottom - this.viewHeight
    if (smooth) this.Items.setSmooth('y', -y, { duration: DURATION.focus })
    else this.Items.y = -y
    this._refocus()
  }
}

interface ResultRowTemplateSpec extends Lightning.Component.TemplateSpec {
  line: ResultLine | undefined
  Marker: object
  Title: object
  When: object
  Badges: object
}

/**
 * One programme found: title (either direction), times and channel, and on a line of their own
 * what the package allows (the guide's words), so that neither cuts the channel's name.
 */
export class ResultRow
  extends Lightning.Component<ResultRowTemplateSpec>
  implements Lightning.Component.ImplementTemplateSpec<ResultRowTemplateSpec>
{
  readonly Marker = this.getByRef('Marker')!
  readonly Title = this.getByRef('Title')!
  readonly When = this.getByRef('When')!
  readonly Badges = this.getByRef('Badges')!
  private _line: Extract<ResultLine, { kind: 'result' }> | undefined

  static override _template(): Lightning.Component.Template<ResultRowTemplateSpec> {
    return {
      ...rowFrame(100, ROW_H),
      Title: {
        x: SPACE.l,
        y: 12,
        text: {
          text: '',
          fontFace: FONT.semibold,
          fontSize: TYPE.body,
          textColor: COLORS.text,
          maxLines: 1,
          textOverflow: 'ellipsis',
        },
      },
      When: {
        x: SPACE.l,
        y: 58,
        text: {
          text: '',
          fontFace: FONT.regular,
          fontSize: TYPE.caption,
          textColor: COLORS.textDim,
          maxLines: 1,
          textOverflow: 'ellipsis',
        },
      },
      Badges: {
        x: SPACE.l,
        y: 100,
        text: {
          text: '',
          fontFace: FONT.semibold,
          fontSize: 24,
          textColor: COLORS.success,
          maxLines: 1,
          textOverflow: 'ellipsis',
        },
      },
    }
  }

  get result(): SearchResult | undefined {
    return this._line?.result
  }

  set line(value: ResultLine | undefined) {
    this._line = value?.kind === 'result' ? value : undefined
    this._draw()
  }

  override _init(): void {
    this._draw()
  }

  private _draw(): void {
    const line = this._line
    if (!line) return
    const w = this.w
    this.Marker.h = ROW_H
    const r = line.result
    const badges = line.badges.map((c) => t(CAPABILITY_LABEL[c])).join(' · ')
    // A right-to-left title reads from the row's right edge (the text is as wide as it is).
    const rtl = startSide(r.title) === 'right'
    this.Title.patch({
      x: rtl ? w - SPACE.l : SPACE.l,
      mountX: rtl ? 1 : 0,
      text: { text: r.title, wordWrapWidth: w - 2 * SPACE.l },
    })
    this.When.patch({
      text: {
        text: `${formatTimeRange(r.start, r.end)}  ·  ${r.channelNumber} ${r.channelName}${r.episode ? `  ·  ${r.episode}` : ''}`,
        wordWrapWidth: w - 2 * SPACE.l,
      },
    })
    this.Badges.patch({ text: { text: badges, wordWrapWidth: w - 2 * SPACE.l } })
  }

  /** Voice guidance: title, time, channel, then what can be done. */
  announce(): Speech {
    const line = this._line
    if (!line) return undefined
    const r = line.result
    return [
      r.title,
      formatTimeRange(r.start, r.end),
      `${r.channelNumber} ${r.channelName}`,
      ...line.badges.map((c) => phrase(CAPABILITY_LABEL[c])),
    ]
  }

  override _focus(): void {
    showRowFocus(this, this.Marker, true)
  }

  override _unfocus(): void {
    showRowFocus(this, this.Marker, false)
  }
}
