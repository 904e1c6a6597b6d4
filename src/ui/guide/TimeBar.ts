import { Lightning } from '@lightningjs/sdk'
import { xOf } from '../../domain/guideGrid'
import { formatDay, formatTime } from '../format'
import { COLORS, FONT, TYPE } from '../theme'
import { GEOMETRY, GUIDE, TIME_W, TIME_X } from './layout'

interface TimeBarTemplateSpec extends Lightning.Component.TemplateSpec {
  Day: object
  Labels: object
}

/** One label per half hour in view, the half hour that scrolls in left out. */
export const TIME_BAR_LABELS = GEOMETRY.spanSeconds / GEOMETRY.stepSeconds
const WHITE = 0xffffffff

/**
 * The bar above the guide grid: the day in view and a time label per half hour. Its elements are
 * made once; a scroll only moves and rewrites them, and nothing at all while the view stays.
 */
export class TimeBar
  extends Lightning.Component<TimeBarTemplateSpec>
  implements Lightning.Component.ImplementTemplateSpec<TimeBarTemplateSpec>
{
  readonly Day = this.getByRef('Day')!
  readonly Labels = this.getByRef('Labels')!
  private _labels: Lightning.Element[] = []
  private _shownFor = Number.NaN

  static override _template(): Lightning.Component.Template<TimeBarTemplateSpec> {
    return {
      Day: {
        x: GUIDE.x + 14,
        y: GUIDE.timeBarY + 6,
        text: { text: '', fontFace: FONT.bold, fontSize: TYPE.caption, textColor: COLORS.text },
      },
      Labels: { x: TIME_X, y: GUIDE.timeBarY + 6 },
    }
  }

  override _init(): void {
    for (let i = 0; i < TIME_BAR_LABELS; i++)
      this._labels.push(
        this.Labels.childList.a({
          x: 8,
          text: { text: '', fontFace: FONT.semibold, fontSize: TYPE.caption, textColor: WHITE },
          color: COLORS.textDim,
        }),
      )
    this.Labels.childList.a({ y: 38, w: TIME_W, h: 2, rect: true, color: COLORS.surfaceRaised })
  }

  /** The view starts at `viewStart` (Unix seconds, on a half hour). */
  show(viewStart: number): void {
    if (this._shownFor === viewStart) return
    this._shownFor = viewStart
    this.Day.patch({ text: { text: formatDay(viewStart) } })
    this._labels.forEach((label, i) => {
      const t = viewStart + i * GEOMETRY.stepSeconds
      label.x = Math.round(xOf(t, viewStart, GEOMETRY)) + 8
      label.patch({ text: { text: formatTime(t) } })
    })
  }
}
