import { Lightning, Router } from '@lightningjs/sdk'
import type { Subscription } from 'rxjs'
import { lockSecondsLeft } from '../../domain/pin'
import type { PurchaseItem, PurchaseState } from '../../state/store/purchaseFlow'
import type { DetailView, StoreModel } from '../../state/store/storeView'
import { ButtonRow, type RowItem } from '../components/ButtonRow'
import { PinDialog } from '../components/PinDialog'
import { appContext } from '../context'
import { formatTime } from '../format'
import { currentLanguage, say, t } from '../i18n'
import { to } from '../navigation'
import { GrantList, GRANT_ROW_H } from './GrantList'
import { detailPrice, pinBodyPhrase, priceText } from './labels'
import {
  absentText,
  channelCountPhrase,
  OFFER_ACTION_LABEL,
  offerActions,
  productStatus,
  serviceStatus,
} from './offerLooks'
import { ProductSummary } from './ProductSummary'
import { detailViewOf, productTargetOf, type ProductTarget } from './productTarget'
import { PurchasePanel } from './PurchasePanel'
import { PURCHASE_ACTION_LABEL, purchasePanelLook, type PurchaseActionId } from './purchaseLooks'
import { COLORS, FONT, MENU_HEIGHT, SAFE, TYPE } from '../theme'
import { PageTypeConfig } from '../components/PageTypeConfig'

interface ProductPageTemplateSpec extends Lightning.Component.TemplateSpec {
  Summary: typeof ProductSummary
  Actions: typeof ButtonRow
  Legend: object
  Grants: typeof GrantList
  Panel: typeof PurchasePanel
  Pin: typeof PinDialog
}

const TOP = MENU_HEIGHT + 24
const GRANTS_Y = TOP + 450

/**
 * A product of the store, reached as #store/product/<id>, #store/service/<id> for a
 * subscription of document 001, or #store/channel/<channelId>, which the guide's locked
 * channels open: the smallest product that grants the channel. It shows what the product grants
 * channel by channel with the four capabilities as badges and what the viewer already has, and
 * buys it: PIN, progress while PROCESSING, then ACTIVE or a clear ORDER_ERROR.
 */
export class ProductPage
  extends Lightning.Component<ProductPageTemplateSpec, PageTypeConfig>
  implements Lightning.Component.ImplementTemplateSpec<ProductPageTemplateSpec>
{
  readonly Summary = this.getByRef('Summary')!
  readonly Actions = this.getByRef('Actions')!
  readonly Legend = this.getByRef('Legend')!
  readonly Grants = this.getByRef('Grants')!
  readonly Panel = this.getByRef('Panel')!
  readonly Pin = this.getByRef('Pin')!
  private _target: ProductTarget | undefined
  private _model: StoreModel | undefined
  private _view: DetailView = { kind: 'loading' }
  private _zone: 'actions' | 'grants' = 'actions'
  private _subscriptions: Subscription[] = []
  private _actionIds = ''

  static override _template(): Lightning.Component.Template<ProductPageTemplateSpec> {
    return {
      w: 1920,
      h: 1080,
      rect: true,
      color: COLORS.background,
      Summary: { type: ProductSummary, x: SAFE.x, y: TOP },
      Actions: { type: ButtonRow, x: SAFE.x, y: TOP + 320 },
      Legend: {
        x: SAFE.x,
        y: GRANTS_Y - 52,
        text: {
          text: '',
          fontFace: FONT.regular,
          fontSize: TYPE.caption,
          textColor: COLORS.textMuted,
          maxLines: 1,
          wordWrapWidth: SAFE.w,
          textOverflow: 'ellipsis',
        },
      },
      Grants: { type: GrantList, x: SAFE.x, y: GRANTS_Y },
      Panel: { type: PurchasePanel },
      Pin: { type: PinDialog },
    }
  }

  override _init(): void {
    this.Actions.onSelect = (item: RowItem) => this._onAction(item.id)
    this.Grants.visibleRows = Math.floor((1080 - SAFE.y - GRANTS_Y - 30) / GRANT_ROW_H)
  }

  override _onUrlParams(params: Router.PageParams): void {
    this._target = productTargetOf(params)
    this._zone = 'actions'
    if (this._model) this._render(this._model)
  }

  override _active(): void {
    const store = appContext().state?.store
    this._unsubscribe()
    if (!store) {
      this._renderView({ kind: 'missing' })
      return
    }
    store.open()
    this._subscriptions = [
      store.model$.subscribe((model) => this._render(model)),
      store.purchase.state$.subscribe((state) => this._renderPurchase(state)),
    ]
  }

  override _inactive(): void {
    this._unsubscribe()
    appContext().state?.store.purchase.close()
    this.Pin.close()
    this.Panel.hide()
  }

  private _unsubscribe(): void {
    this._subscriptions.forEach((s) => s.unsubscribe())
    this._subscriptions = []
  }

  // -- rendering ------------------------------------------------------------------------------

  private _render(model: StoreModel): void {
    this._model = model
    const view = detailViewOf(model, this._target)
    this._renderView(view)
    const purchase = appContext().state?.store.purchase.current
    if (purchase?.step === 'locked') this.Pin.lockMessage = this._lockText(purchase.lockedUntil)
  }

  private _renderView(view: DetailView): void {
    this._view = view
    const signedIn = this._model?.signedIn ?? false
    this.Legend.visible = view.kind === 'product'
    this.Grants.visible = view.kind === 'product'
    switch (view.kind) {
      case 'loading':
      case 'missing':
        this.Summary.show({
          title: t('store.title'),
          premium: false,
          kind: '',
          description: absentText(view.kind, this._target?.kind === 'channel'),
          status: undefined,
        })
        break
      case 'product': {
        const price = priceText(detailPrice(view), currentLanguage() ?? 'en')
        this.Summary.show({
          title: view.product.title,
          premium: view.product.isPremium,
          kind: [t(`store.type.${view.product.type}`), say(channelCountPhrase(view.grants.length)), price]
            .filter((x) => x !== '')
            .join(' · '),
          description: view.product.description,
          status: productStatus(view, signedIn),
        })
        this.Legend.patch({ text: { text: t('store.grant.legend') } })
        this.Grants.rows = view.grants
        break
      }
      case 'service': {
        const { service } = view
        const priceLine = priceText(detailPrice(view), currentLanguage() ?? 'en')
        this.Summary.show({
          title: service.title,
          premium: false,
          kind: [t('store.type.subscription'), priceLine].filter((x) => x !== '').join(' · '),
          description: service.description || service.shortDescription,
          status: serviceStatus(view, signedIn),
        })
      }
    }
    this._setActions(offerActions(view, signedIn).map((id) => ({ id, label: t(OFFER_ACTION_LABEL[id]) })))
    if (this._zone === 'grants' && (view.kind !== 'product' || view.grants.length === 0))
      this._zone = 'actions'
    this._refocus()
  }

  private _setActions(items: RowItem[]): void {
    const ids = items.map((i) => i.id).join(',')
    if (ids === this._actionIds) return
    this._actionIds = ids
    this.Actions.items = items
    this.Actions.index = 0
  }

  // -- purchase -------------------------------------------------------------------------------

  private _item(): PurchaseItem | undefined {
    const view = this._view
    if (view.kind === 'product')
      return { kind: 'product', productId: view.product.id, title: view.product.title }
    if (view.kind === 'service')
      return { kind: 'subscription', subscriptionId: view.service.id, title: view.service.title }
    return undefined
  }

  private _lockText(lockedUntil: number): string {
    const now = appContext().state?.clock.nowSeconds() ?? 0
    const left = lockSecondsLeft(lockedUntil, now)
    return left > 0
      ? t('store.pin.locked', { time: formatTime(lockedUntil), seconds: left })
      : t('store.pin.lockOver')
  }

  private _renderPurchase(state: PurchaseState): void {
    const flow = appContext().state?.store.purchase
    if (!flow) return
    const close = (): void => flow.close()
    switch (state.step) {
      case 'idle':
        this.Pin.close()
        this.Panel.hide()
        break
      case 'pin':
        this.Panel.hide()
        if (!this.Pin.isOpen) {
          this.Pin.open({
            title: t('store.pin.title'),
            body: say(pinBodyPhrase(state.item.title, detailPrice(this._view), currentLanguage() ?? 'en')),
            onSubmit: (pin) => flow.submitPin(pin),
            onCancel: close,
          })
        }
        if (state.attemptsLeft !== undefined) this.Pin.showWrong(state.attemptsLeft)
        break
      case 'locked':
        this.Panel.hide()
        if (!this.Pin.isOpen)
          this.Pin.open({
            title: t('store.pin.title'),
            body: say(pinBodyPhrase(state.item.title, detailPrice(this._view), currentLanguage() ?? 'en')),
            onSubmit: () => undefined,
            onCancel: close,
          })
        this.Pin.showLocked(this._lockText(state.lockedUntil))
        break
      default: {
        this.Pin.close()
        const look = purchasePanelLook(state)
        if (!look) break
        const run = (id: PurchaseActionId) => (): void => {
          close()
          if (id === 'guide') Router.navigate(to.guide())
          else if (id === 'signin') Router.navigate(to.signIn())
          else if (id === 'mine') Router.navigate(to.myProducts())
        }
        this.Panel.show(
          look.tone,
          say(look.title),
          say(look.body),
          look.actions.map((id) => ({ id, label: t(PURCHASE_ACTION_LABEL[id]), run: run(id) })),
        )
      }
    }
    this._refocus()
  }

  private _onAction(id: string): void {
    switch (id) {
      case 'buy': {
        const item = this._item()
        if (item) appContext().state?.store.purchase.start(item)
        return
      }
      case 'signin':
        Router.navigate(to.signIn())
        return
      case 'mine':
        Router.navigate(to.myProducts())
        return
      case 'store':
        Router.navigate(to.store())
    }
  }

  // -- focus and keys -------------------------------------------------------------------------

  /** Voice guidance: the product as the page opens (the focused button follows); Info adds its description. */
  announce(): string[] {
    return this.Summary.spoken
  }

  announceDetail(): string {
    return this.Summary.description
  }

  override _getFocused(): Lightning.Component {
    if (this.Pin.isOpen) return this.Pin
    if (this.Panel.isOpen) return this.Panel
    return this._zone === 'grants' ? this.Grants : this.Actions
  }

  override _handleUp(): void {
    if (this._zone === 'grants') {
      this._zone = 'actions'
      this._refocus()
      return
    }
    Router.focusWidget('Menu')
  }

  override _handleDown(): void {
    if (this._zone === 'actions' && this._view.kind === 'product' && this._view.grants.length > 0) {
      this._zone = 'grants'
      this._refocus()
    }
  }

  override _handleLeft(): void {
    Router.focusWidget('Menu')
  }

  override _handleMenu(): void {
    Router.focusWidget('Menu')
  }
}
