import { Lightning } from '@lightningjs/sdk'
import { rowFrame, showRowFocus, statusPill } from '../components/listRow'
import type { MyProductsView } from '../../state/store/storeView'
import { COLORS, FONT, SAFE, SPACE, TYPE } from '../theme'
import { say } from '../i18n'
import { myProductRowLook } from './offerLooks'

export const LICENCE_ROW_H = 134
export type LicenceRowModel = MyProductsView['rows'][number]

interface LicenceRowTemplateSpec extends Lightning.Component.TemplateSpec {
  Marker: object
  Badge: { Label: object }
  Title: object
  Dates: object
  Warning: object
  Advice: object
}

/**
 * One licence or bought subscription in "My products": the product, its status, its start and stop dates, a warning
 * with the days left when it ends soon, and for PROCESSING, ORDER_ERROR, CHECK_INVALID and
 * SUSPENDED what it means and what to do.
 */
export class LicenceRow
  extends Lightning.Component<LicenceRowTemplateSpec>
  implements Lightning.Component.ImplementTemplateSpec<LicenceRowTemplateSpec>
{
  readonly Marker = this.getByRef('Marker')!
  readonly Badge = this.getByRef('Badge')!
  readonly BadgeLabel = this.Badge.getByRef('Label')!
  readonly Title = this.getByRef('Title')!
  readonly Dates = this.getByRef('Dates')!
  readonly Warning = this.getByRef('Warning')!
  readonly Advice = this.getByRef('Advice')!
  private _model: LicenceRowModel | undefined

  static override _template(): Lightning.Component.Template<LicenceRowTemplateSpec> {
    const textX = 290
    return {
      ...rowFrame(SAFE.w, LICENCE_ROW_H - SPACE.s),
      Badge: statusPill(SPACE.l, 20, 220, 46),
      Title: {
        x: textX,
        y: 16,
        text: {
          text: '',
          fontFace: FONT.semibold,
          fontSize: TYPE.body,
          textColor: COLORS.text,
          wordWrapWidth: 900,
          maxLines: 1,
          textOverflow: 'ellipsis',
        },
      },
      Dates: {
        x: textX,
        y: 54,
        text: { text: '', fontFace: FONT.regular, fontSize: TYPE.caption, textColor: COLORS.textDim },
      },
      Warning: {
        x: SAFE.w - SPACE.l,
        y: 20,
        mountX: 1,
        text: { text: '', fontFace: FONT.semibold, fontSize: TYPE.caption, textColor: COLORS.warning },
      },
      Advice: {
        x: textX,
        y: 86,
        text: {
          text: '',
          fontFace: FONT.regular,
          fontSize: TYPE.caption - 2,
          textColor: COLORS.warning,
          wordWrapWidth: SAFE.w - textX - SPACE.l,
          maxLines: 1,
          textOverflow: 'ellipsis',
        },
      },
    }
  }

  get model(): LicenceRowModel | undefined {
    return this._model
  }
  set model(value: LicenceRowModel | undefined) {
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
    const look = myProductRowLook(m)
    this.Badge.color = COLORS[look.badge.tone]
    this.BadgeLabel.patch({ text: { text: say(look.badge.text) } })
    this.Title.patch({ text: { text: say(look.title) } })
    this.Dates.patch({ text: { text: say(look.dates) } })
    this.Warning.patch({ text: { text: say(look.warning) } })
    this.Advice.patch({ text: { text: say(look.advice.text), textColor: COLORS[look.advice.tone] } })
  }
}
