import { Lightning, Router } from '@lightningjs/sdk'
import type { Subscription } from 'rxjs'
import { lockSecondsLeft } from '../../domain/pin'
import type { PurchaseItem, PurchaseState } from '../../state/store/purchaseFlow'
import {
  productIdForChannel,
  productPageOf,
  servicePageOf,
  type DetailView,
  type ProductPageView,
  type ServicePageView,
  type StoreModel,
} from '../../state/store/storeView'
import { ButtonRow, type RowItem } from '../components/ButtonRow'
import { PinDialog } from '../components/PinDialog'
import { appContext } from '../context'
import { formatDate, formatTime } from '../format'
import { currentLanguage, t } from '../i18n'
import { to } from '../navigation'
import { GrantList, GRANT_ROW_H } from './GrantList'
import { channelCount, priceText } from './labels'
import { PurchasePanel, type PanelAction } from './PurchasePanel'
import { COLORS, FONT, MENU_HEIGHT, SAFE, TYPE } from '../theme'
import { PageTypeConfig } from '../components/PageTypeConfig'

interface ProductPageTemplateSpec extends Lightning.Component.TemplateSpec {
  Heading: object
  Premium: { Label: object }
  Kind: object
  Description: object
  Status: object
  Actions: typeof ButtonRow
  Legend: object
  Grants: typeof GrantList
  Panel: typeof PurchasePanel
  Pin: typeof PinDialog
}

const TOP = MENU_HEIGHT + 24
const GRANTS_Y = TOP + 450

type Target =
  | { kind: 'product'; id: string }
  | { kind: 'service'; id: number }
  | { kind: 'channel'; id: string }

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
  readonly Heading = this.getByRef('Heading')!
  readonly Premium = this.getByRef('Premium')!
  readonly Kind = this.getByRef('Kind')!
  readonly Description = this.getByRef('Description')!
  readonly Status = this.getByRef('Status')!
  readonly Actions = this.getByRef('Actions')!
  readonly Legend = this.getByRef('Legend')!
  readonly Grants = this.getByRef('Grants')!
  readonly Panel = this.getByRef('Panel')!
  readonly Pin = this.getByRef('Pin')!
  private _target: Target | undefined
  private _model: StoreModel | undefined
  private _view: DetailView = { kind: 'loading' }
  private _zone: 'actions' | 'grants' = 'actions'
  private _subscriptions: Subscription[] = []
  private _actionIds = ''

  static override _template(): Lightning.Component.Template<ProductPageTemplateSpec> {
    const wrap = { wordWrapWidth: SAFE.w, textOverflow: 'ellipsis' as const }
    return {
      w: 1920,
      h: 1080,
      rect: true,
      color: COLORS.background,
      Heading: {
        x: SAFE.x,
        y: TOP,
        text: {
          text: '',
          fontFace: FONT.bold,
          fontSize: TYPE.title,
          textColor: COLORS.text,
          maxLines: 1,
          wordWrapWidth: SAFE.w - 220,
          textOverflow: 'ellipsis',
        },
      },
      Premium: {
        x: SAFE.x + SAFE.w,
        y: TOP + 10,
        mountX: 1,
        w: 180,
        h: 48,
        rect: true,
        color: COLORS.focus,
        visible: false,
        shader: { type: Lightning.shaders.RoundedRectangle, radius: 24 },
        Label: {
          x: 90,
          y: 26,
          mount: 0.5,
          text: { text: '', fontFace: FONT.bold, fontSize: 24, textColor: COLORS.focusText },
        },
      },
      Kind: {
        x: SAFE.x,
        y: TOP + 80,
        text: {
          text: '',
          fontFace: FONT.semibold,
          fontSize: TYPE.caption,
          textColor: COLORS.textMuted,
          maxLines: 1,
          ...wrap,
        },
      },
      Description: {
        x: SAFE.x,
        y: TOP + 124,
        text: {
          text: '',
          fontFace: FONT.regular,
          fontSize: TYPE.body,
          textColor: COLORS.textDim,
          maxLines: 2,
          lineHeight: 42,
          ...wrap,
        },
      },
      Status: {
        x: SAFE.x,
        y: TOP + 220,
        text: {
          text: '',
          fontFace: FONT.semibold,
          fontSize: TYPE.body,
          textColor: COLORS.text,
          maxLines: 2,
          lineHeight: 42,
          ...wrap,
        },
      },
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
          ...wrap,
        },
      },
      Grants: { type: GrantList, x: SAFE.x, y: GRANTS_Y },
      Panel: { type: PurchasePanel },
      Pin: { type: PinDialog },
    }
  }

  override _init(): void {
    this.Premium.getByRef('Label')?.patch({ text: { text: t('store.premium') } })
    this.Actions.onSelect = (item: RowItem) => this._onAction(item.id)
    this.Grants.visibleRows = Math.floor((1080 - SAFE.y - GRANTS_Y - 30) / GRANT_ROW_H)
  }

  override _onUrlParams(params: Router.PageParams): void {
    const productId = typeof params.productId === 'string' ? params.productId : undefined
    const serviceId = typeof params.serviceId === 'string' ? params.serviceId : undefined
    const channelId = typeof params.channelId === 'string' ? params.channelId : undefined
    this._target =
      serviceId !== undefined
        ? { kind: 'service', id: /^\d+$/.test(serviceId) ? Number(serviceId) : NaN }
        : productId !== undefined
          ? { kind: 'product', id: productId }
          : { kind: 'channel', id: channelId ?? '' }
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
    const target = this._target
    let view: DetailView = { kind: 'missing' }
    if (target?.kind === 'service') view = servicePageOf(model, target.id)
    else if (target?.kind === 'product') view = productPageOf(model, target.id)
    else if (target?.kind === 'channel') {
      const id = productIdForChannel(model, target.id)
      view =
        id !== undefined
          ? productPageOf(model, id)
          : model.products === undefined
            ? { kind: 'loading' }
            : { kind: 'missing' }
    }
    this._renderView(view)
    const purchase = appContext().state?.store.purchase.current
    if (purchase?.step === 'locked') this.Pin.lockMessage = this._lockText(purchase.lockedUntil)
  }

  private _renderView(view: DetailView): void {
    this._view = view
    const signedIn = this._model?.signedIn ?? false
    this.Legend.visible = view.kind === 'product'
    this.Grants.visible = view.kind === 'product'
    if (view.kind === 'loading' || view.kind === 'missing') {
      this.Heading.patch({ text: { text: t('store.title') } })
      this.Premium.visible = false
      this.Kind.patch({ text: { text: '' } })
      this.Description.patch({
        text: {
          text:
            view.kind === 'loading'
              ? t('store.loading')
              : t(
                  this._target?.kind === 'channel' ? 'store.product.noneForChannel' : 'store.product.missing',
                ),
        },
      })
      this.Status.patch({ text: { text: '' } })
      this._setActions([{ id: 'store', label: t('store.action.toStore') }])
      this._zone = 'actions'
      this._refocus()
      return
    }
    if (view.kind === 'product') this._renderProduct(view, signedIn)
    else this._renderService(view, signedIn)
    if (this._zone === 'grants' && (view.kind !== 'product' || view.grants.length === 0))
      this._zone = 'actions'
    this._refocus()
  }

  private _renderProduct(view: ProductPageView, signedIn: boolean): void {
    const { product, offer } = view
    this.Heading.patch({ text: { text: product.title } })
    this.Premium.visible = product.isPremium
    this.Kind.patch({
      text: {
        text: `${t(`store.type.${product.type}`)} · ${channelCount(view.grants.length)}`,
      },
    })
    this.Description.patch({ text: { text: product.description } })
    const licence = view.licence
    let status = ''
    let color: number = COLORS.text
    switch (offer.kind) {
      case 'owned':
        status =
          offer.licence.end !== null
            ? t('store.product.ownedUntil', { date: formatDate(offer.licence.end) })
            : t('store.product.owned')
        color = COLORS.success
        break
      case 'pending':
        status = t('store.advice.processing')
        color = COLORS.warning
        break
      case 'included':
        status = t('store.product.included')
        color = COLORS.success
        break
      default:
        if (licence && view.advice && view.advice !== 'processing') {
          status = t(`store.advice.${view.advice}`)
          color = COLORS.warning
        } else status = signedIn ? t(`store.product.coverage.${view.coverage}`) : t('store.signedOut')
    }
    this.Status.patch({ text: { text: status, textColor: color } })
    this.Legend.patch({ text: { text: t('store.grant.legend') } })
    this.Grants.rows = view.grants
    const actions: RowItem[] = []
    if (offer.kind === 'buy')
      actions.push(
        signedIn
          ? { id: 'buy', label: t('store.action.buy') }
          : { id: 'signin', label: t('store.action.signIn') },
      )
    if (signedIn) actions.push({ id: 'mine', label: t('store.action.myProducts') })
    actions.push({ id: 'store', label: t('store.action.toStore') })
    this._setActions(actions)
  }

  private _renderService(view: ServicePageView, signedIn: boolean): void {
    const { service, offer } = view
    this.Heading.patch({ text: { text: service.title } })
    this.Premium.visible = false
    const price = service.canWatch.price
    const priceLine =
      price !== undefined
        ? priceText(
            { kind: 'amount', amount: price, currency: service.canWatch.currency ?? '' },
            currentLanguage() ?? 'en',
          )
        : ''
    this.Kind.patch({
      text: { text: [t('store.type.subscription'), priceLine].filter((x) => x !== '').join(' · ') },
    })
    this.Description.patch({ text: { text: service.description || service.shortDescription } })
    let status = ''
    let color: number = COLORS.text
    switch (offer.kind) {
      case 'owned':
        status = t('store.product.owned')
        color = COLORS.success
        break
      case 'later':
        status = t('store.service.later', {
          date: formatDate(offer.availableFrom),
          from: view.related[0] ?? '',
        })
        color = COLORS.warning
        break
      case 'buy':
        status =
          view.related.length > 0
            ? t('store.service.replaces', { titles: view.related.join(', ') })
            : signedIn
              ? ''
              : t('store.signedOut')
        break
      case 'hidden':
        status = t(`store.service.hidden.${offer.reason}`)
        color = COLORS.warning
    }
    this.Status.patch({ text: { text: status, textColor: color } })
    const actions: RowItem[] = []
    if (offer.kind === 'buy')
      actions.push(
        signedIn
          ? { id: 'buy', label: t('store.action.buy') }
          : { id: 'signin', label: t('store.action.signIn') },
      )
    actions.push({ id: 'store', label: t('store.action.toStore') })
    this._setActions(actions)
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
    const ok: PanelAction = { id: 'ok', label: t('store.purchase.ok'), run: close }
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
            body: t('store.pin.body', { title: state.item.title }),
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
            body: t('store.pin.body', { title: state.item.title }),
            onSubmit: () => undefined,
            onCancel: close,
          })
        this.Pin.showLocked(this._lockText(state.lockedUntil))
        break
      case 'sending':
        this.Pin.close()
        this.Panel.show(
          'progress',
          t('store.purchase.sending.title'),
          t('store.purchase.sending.body', { title: state.item.title }),
          [],
        )
        break
      case 'processing':
        this.Pin.close()
        this.Panel.show(
          'progress',
          t('store.purchase.processing.title'),
          t('store.purchase.processing.body', { title: state.item.title }),
          [{ id: 'background', label: t('store.purchase.background'), run: close }],
        )
        break
      case 'done':
        this.Pin.close()
        this.Panel.show(
          'success',
          t('store.purchase.done.title'),
          t(state.item.kind === 'product' ? 'store.purchase.done.body' : 'store.purchase.done.bodyService', {
            title: state.item.title,
          }),
          [
            ok,
            ...(state.item.kind === 'product'
              ? [
                  {
                    id: 'guide',
                    label: t('store.action.toGuide'),
                    run: () => {
                      close()
                      Router.navigate(to.guide())
                    },
                  },
                ]
              : []),
          ],
        )
        break
      case 'failed': {
        this.Pin.close()
        const actions: PanelAction[] = [ok]
        if (state.failure === 'signedOut')
          actions.push({
            id: 'signin',
            label: t('store.action.signIn'),
            run: () => {
              close()
              Router.navigate(to.signIn())
            },
          })
        if (
          state.failure === 'orderError' ||
          state.failure === 'stillProcessing' ||
          state.failure === 'offline'
        )
          actions.push({
            id: 'mine',
            label: t('store.action.myProducts'),
            run: () => {
              close()
              Router.navigate(to.myProducts())
            },
          })
        this.Panel.show(
          'error',
          t(`store.purchase.failed.${state.failure}.title`),
          t(`store.purchase.failed.${state.failure}.body`, {
            title: state.item.title,
            date: state.availableFrom !== undefined ? formatDate(state.availableFrom) : '',
          }),
          actions,
        )
        break
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
