import { Lightning } from '@lightningjs/sdk'
import type { Tile as TileModel } from '../../state/store/storeView'
import { COLORS, DURATION, FONT, RADIUS, SPACE, TYPE } from '../theme'
import { currentLanguage, say, t } from '../i18n'
import { priceText } from './labels'
import { tileStatus } from './offerLooks'

export const TILE = { w: 420, h: 236 } as const

/**
 * How a focused tile stands out at 3 m: a zoom and a thick outline in the focus colour, on top
 * of a lighter surface. Rail.ts leaves room for the zoomed tile above the next rail's title.
 */
export const FOCUS_LOOK = { scale: 1.08, outline: 6 } as const

interface TileTemplateSpec extends Lightning.Component.TemplateSpec {
  model: TileModel | undefined
  Border: object
  Premium: { Label: object }
  Title: object
  Description: object
  Status: object
  Price: object
}

/**
 * A product or subscription in a rail: title, short description, price or "included", what the
 * viewer can do with it, and the premium mark. Focus shows as an outline in the focus colour and
 * a zoom (FOCUS_LOOK).
 */
export class StoreTile
  extends Lightning.Component<TileTemplateSpec>
  implements Lightning.Component.ImplementTemplateSpec<TileTemplateSpec>
{
  readonly Border = this.getByRef('Border')!
  readonly Premium = this.getByRef('Premium')!
  readonly PremiumLabel = this.Premium.getByRef('Label')!
  readonly Title = this.getByRef('Title')!
  readonly Description = this.getByRef('Description')!
  readonly Status = this.getByRef('Status')!
  readonly Price = this.getByRef('Price')!
  private _model: TileModel | undefined

  static override _template(): Lightning.Component.Template<TileTemplateSpec> {
    const inner = TILE.w - 2 * SPACE.m
    return {
      w: TILE.w,
      h: TILE.h,
      rect: true,
      color: COLORS.surface,
      shader: { type: Lightning.shaders.RoundedRectangle, radius: RADIUS.m },
      Premium: {
        x: TILE.w - SPACE.m,
        y: SPACE.m,
        mountX: 1,
        h: 34,
        w: 130,
        rect: true,
        color: COLORS.focus,
        visible: false,
        shader: { type: Lightning.shaders.RoundedRectangle, radius: 17 },
        Label: {
          x: 65,
          y: 18,
          mount: 0.5,
          text: { text: '', fontFace: FONT.bold, fontSize: 20, textColor: COLORS.focusText },
        },
      },
      Title: {
        x: SPACE.m,
        y: SPACE.m,
        text: {
          text: '',
          fontFace: FONT.semibold,
          fontSize: TYPE.body,
          textColor: COLORS.text,
          wordWrapWidth: inner - 140,
          maxLines: 1,
          textOverflow: 'ellipsis',
        },
      },
      Description: {
        x: SPACE.m,
        y: SPACE.m + 48,
        text: {
          text: '',
          fontFace: FONT.regular,
          fontSize: TYPE.caption,
          textColor: COLORS.textDim,
          wordWrapWidth: inner,
          maxLines: 2,
          lineHeight: 32,
          textOverflow: 'ellipsis',
        },
      },
      Status: {
        x: SPACE.m,
        y: TILE.h - SPACE.m - 30,
        text: {
          text: '',
          fontFace: FONT.semibold,
          fontSize: TYPE.caption,
          textColor: COLORS.textDim,
          wordWrapWidth: inner,
          maxLines: 1,
          textOverflow: 'ellipsis',
        },
      },
      Price: {
        x: TILE.w - SPACE.m,
        y: TILE.h - SPACE.m - 72,
        mountX: 1,
        text: { text: '', fontFace: FONT.bold, fontSize: TYPE.caption, textColor: COLORS.text },
      },
      // The last child, so that it is drawn over the tile: an outline behind the tile (a negative
      // zIndex) sinks behind the page's background and does not show at all.
      Border: {
        x: -FOCUS_LOOK.outline,
        y: -FOCUS_LOOK.outline,
        w: TILE.w + 2 * FOCUS_LOOK.outline,
        h: TILE.h + 2 * FOCUS_LOOK.outline,
        alpha: 0,
        rect: true,
        color: 0xffffffff,
        shader: {
          type: Lightning.shaders.RoundedRectangle,
          radius: RADIUS.m + FOCUS_LOOK.outline,
          stroke: FOCUS_LOOK.outline,
          strokeColor: COLORS.focus,
          fillColor: 0x00000000,
        },
      },
    }
  }

  get model(): TileModel | undefined {
    return this._model
  }
  set model(value: TileModel | undefined) {
    this._model = value
    this._update()
  }

  override _init(): void {
    this.PremiumLabel.patch({ text: { text: t('store.premium') } })
  }

  override _focus(): void {
    this.Border.setSmooth('alpha', 1, { duration: DURATION.focus })
    this.setSmooth('scale', FOCUS_LOOK.scale, { duration: DURATION.focus })
    this.setSmooth('color', COLORS.surfaceRaised, { duration: DURATION.focus })
  }

  override _unfocus(): void {
    this.Border.setSmooth('alpha', 0, { duration: DURATION.focus })
    this.setSmooth('scale', 1, { duration: DURATION.focus })
    this.setSmooth('color', COLORS.surface, { duration: DURATION.focus })
  }

  private _update(): void {
    const m = this._model
    if (!m) return
    this.Premium.visible = m.premium
    // The title takes the whole width unless the premium mark needs its corner.
    this.Title.patch({ text: { text: m.title, wordWrapWidth: TILE.w - 2 * SPACE.m - (m.premium ? 150 : 0) } })
    this.Description.patch({ text: { text: m.description } })
    const status = tileStatus(m)
    this.Status.patch({ text: { text: say(status.text), textColor: COLORS[status.tone] } })
    this.Price.patch({
      text: {
        text: priceText(m.price, currentLanguage() ?? 'en'),
        textColor: m.price.kind === 'included' ? COLORS.success : COLORS.text,
      },
    })
  }
}
