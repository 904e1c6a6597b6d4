import { Lightning, Router } from '@lightningjs/sdk'
import type { Subscription } from 'rxjs'
import {
  RAILS,
  railsOf,
  type Rail as RailModel,
  type StoreModel,
  type Tile,
} from '../../state/store/storeView'
import { ButtonRow, type RowItem } from '../components/ButtonRow'
import { PageHeader } from '../components/PageHeader'
import { appContext } from '../context'
import { formatTime } from '../format'
import { t } from '../i18n'
import { to } from '../navigation'
import { Rail, RAIL_HEIGHT } from './Rail'
import { FOCUS_LOOK, TILE } from './Tile'
import { COLORS, FONT, MENU_HEIGHT, SAFE, TYPE } from '../theme'
import { PageTypeConfig } from '../components/PageTypeConfig'

interface StorePageTemplateSpec extends Lightning.Component.TemplateSpec {
  Header: typeof PageHeader
  Actions: typeof ButtonRow
  Note: object
  Message: object
  Viewport: { Rails: object }
}

const TOP = MENU_HEIGHT + 24
const RAILS_Y = TOP + 250
const VIEWPORT_H = 1080 - RAILS_Y
/** Half of what the focus zoom adds to a tile's width, plus its outline. */
const VIEWPORT_BLEED = Math.ceil((TILE.w * (FOCUS_LOOK.scale - 1)) / 2 + FOCUS_LOOK.outline)

/** The route a tile opens: a product of document 003, or a subscription of document 001. */
export const detailRouteOf = (tile: Tile): string =>
  tile.target.kind === 'product' ? to.product(tile.target.productId) : to.service(tile.target.serviceId)

/**
 * The store: rails of channel packs, single channels, service add-ons (document 003)
 * and subscriptions (document 001). What cannot be bought is not offered; what the viewer owns
 * says so. Signed out, the products still show and buying asks to sign in first. Up and Down
 * move between the header's buttons and the rails; Up from the top opens the menu.
 */
export class StorePage
  extends Lightning.Component<StorePageTemplateSpec, PageTypeConfig>
  implements Lightning.Component.ImplementTemplateSpec<StorePageTemplateSpec>
{
  readonly Header = this.getByRef('Header')!
  readonly Actions = this.getByRef('Actions')!
  readonly Note = this.getByRef('Note')!
  readonly Message = this.getByRef('Message')!
  readonly Viewport = this.getByRef('Viewport')!
  readonly Rails = this.Viewport.getByRef('Rails')!
  private _subscription: Subscription | undefined
  private _zone: 'actions' | 'rails' = 'rails'
  private _rail = 0
  private _signedIn: boolean | undefined

  static override _template(): Lightning.Component.Template<StorePageTemplateSpec> {
    return {
      w: 1920,
      h: 1080,
      rect: true,
      color: COLORS.background,
      Header: { type: PageHeader, x: SAFE.x, y: TOP, look: 'lead', width: SAFE.w },
      Actions: { type: ButtonRow, x: SAFE.x, y: TOP + 140 },
      Note: {
        x: SAFE.x + 620,
        y: TOP + 160,
        text: {
          text: '',
          fontFace: FONT.semibold,
          fontSize: TYPE.body,
          textColor: COLORS.warning,
          wordWrapWidth: SAFE.w - 620,
          maxLines: 1,
          textOverflow: 'ellipsis',
        },
      },
      Message: {
        x: SAFE.x,
        y: RAILS_Y + 20,
        text: {
          text: '',
          fontFace: FONT.regular,
          fontSize: TYPE.body,
          textColor: COLORS.textDim,
          wordWrapWidth: SAFE.w,
          maxLines: 3,
        },
      },
      // Starts left of the safe area by as much as a zoomed, outlined first tile grows, so that
      // the clipping never cuts its outline; the rails' tiles still line up with the safe area.
      Viewport: {
        x: SAFE.x - VIEWPORT_BLEED,
        y: RAILS_Y,
        w: 1920 - SAFE.x + VIEWPORT_BLEED,
        h: VIEWPORT_H,
        clipping: true,
        Rails: {
          y: 12,
          children: RAILS.map((id, i) => ({
            type: Rail,
            ref: `Rail-${id}`,
            x: 12 + VIEWPORT_BLEED,
            y: i * RAIL_HEIGHT,
          })),
        },
      },
    }
  }

  private get _railViews(): Rail[] {
    return this.Rails.children as Rail[]
  }

  override _init(): void {
    this.Header.title = t('store.title')
    this._railViews.forEach((rail, i) => {
      const id = RAILS[i] ?? 'packs'
      rail.title = t(`store.rail.${id}`)
      rail.emptyText = t(`store.rail.${id}.empty`)
      rail.onSelect = (tile) => Router.navigate(detailRouteOf(tile))
    })
    this.Actions.onSelect = (item: RowItem) => this._onAction(item.id)
    this._setActions(false)
  }

  override _active(): void {
    const state = appContext().state
    state?.store.open()
    this._subscription?.unsubscribe()
    this._subscription = state?.store.model$.subscribe((model) => this._render(model))
    if (!state) this.Message.patch({ text: { text: t('store.unavailable') } })
  }

  override _inactive(): void {
    this._subscription?.unsubscribe()
    this._subscription = undefined
  }

  private _setActions(signedIn: boolean): void {
    if (this._signedIn === signedIn) return
    this._signedIn = signedIn
    this.Actions.items = signedIn
      ? [{ id: 'mine', label: t('store.action.myProducts') }]
      : [
          { id: 'signin', label: t('store.action.signIn') },
          { id: 'mine', label: t('store.action.myProducts') },
        ]
  }

  private _render(model: StoreModel): void {
    this._setActions(model.signedIn)
    this.Note.patch({ text: { text: model.signedIn ? '' : t('store.signedOut') } })
    this.Header.subtitle = this._subtitle(model)
    this.Header.subtitleColor = model.offline ? COLORS.warning : undefined
    const rails: RailModel[] =
      model.products === undefined && model.services.length === 0 ? [] : railsOf(model)
    this.Viewport.visible = rails.length > 0
    this.Message.patch({
      text: {
        text:
          rails.length > 0
            ? ''
            : model.loading
              ? t('store.loading')
              : t(model.offline ? 'store.offline' : 'store.unavailable'),
      },
    })
    rails.forEach((rail, i) => {
      const view = this._railViews[i]
      if (view) view.tiles = rail.tiles
    })
    if (this._zone === 'rails' && this._railViews[this._rail]?.isEmpty !== false) {
      const first = this._railViews.findIndex((r) => !r.isEmpty)
      if (first >= 0) this._rail = first
      else this._zone = 'actions'
    }
    this._scrollRails()
    this._refocus()
  }

  private _subtitle(model: StoreModel): string {
    if (model.offline) {
      return model.fetchedAt !== undefined
        ? t('store.offlineSince', { time: formatTime(Math.floor(model.fetchedAt / 1000)) })
        : t('store.offline')
    }
    return t('store.subtitle')
  }

  /** The focused rail at the top, except that the last rails fill the screen rather than leave it empty. */
  private _scrollRails(): void {
    const fit = Math.max(1, Math.floor(VIEWPORT_H / RAIL_HEIGHT))
    const top = Math.max(0, Math.min(this._rail, this._railViews.length - fit))
    this.Rails.setSmooth('y', 12 - top * RAIL_HEIGHT, { duration: 0.2 })
  }

  private _onAction(id: string): void {
    if (id === 'signin') Router.navigate(to.signIn())
    else if (id === 'mine') Router.navigate(to.myProducts())
  }

  override _getFocused(): Lightning.Component {
    if (this._zone === 'rails') return this._railViews[this._rail] ?? this.Actions
    return this.Actions
  }

  private _moveRail(step: number): boolean {
    for (let i = this._rail + step; i >= 0 && i < this._railViews.length; i += step) {
      if (!this._railViews[i]?.isEmpty) {
        this._rail = i
        this._scrollRails()
        this._refocus()
        return true
      }
    }
    return false
  }

  override _handleUp(): void {
    if (this._zone === 'rails' && this._moveRail(-1)) return
    if (this._zone === 'rails') {
      this._zone = 'actions'
      this._rail = Math.max(
        0,
        this._railViews.findIndex((r) => !r.isEmpty),
      )
      this._scrollRails()
      this._refocus()
      return
    }
    Router.focusWidget('Menu')
  }

  override _handleDown(): void {
    if (this._zone === 'actions') {
      const first = this._railViews.findIndex((r) => !r.isEmpty)
      if (first < 0) return
      this._zone = 'rails'
      this._rail = first
      this._scrollRails()
      this._refocus()
      return
    }
    this._moveRail(1)
  }

  override _handleLeft(): void {
    Router.focusWidget('Menu')
  }

  override _handleMenu(): void {
    Router.focusWidget('Menu')
  }
}
