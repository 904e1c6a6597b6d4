import { Lightning, Router } from '@lightningjs/sdk'
import type { Subscription } from 'rxjs'
import type { LicenceFilter } from '../../domain/licences'
import { myProductsOf, type MyProductsView, type StoreModel } from '../../state/store/storeView'
import { ButtonRow, type RowItem } from '../components/ButtonRow'
import { PageHeader } from '../components/PageHeader'
import { appContext } from '../context'
import { t } from '../i18n'
import { PageTypeConfig } from '../components/PageTypeConfig'
import { to } from '../navigation'
import { COLORS, FONT, MENU_HEIGHT, SAFE, TYPE } from '../theme'
import { LicenceList } from './LicenceList'
import { LICENCE_ROW_H, type LicenceRowModel } from './LicenceRow'

interface MyProductsTemplateSpec extends Lightning.Component.TemplateSpec {
  Header: typeof PageHeader
  Filters: typeof ButtonRow
  Message: object
  List: typeof LicenceList
}

const TOP = MENU_HEIGHT + 24
const LIST_Y = TOP + 236

/**
 * "My products": the user's licences joined with their products (document 003),
 * filterable by status, with start and stop dates, a warning with the days left for what ends
 * soon, and what PROCESSING, ORDER_ERROR, CHECK_INVALID and SUSPENDED mean and what to do.
 */
export class MyProductsPage
  extends Lightning.Component<MyProductsTemplateSpec, PageTypeConfig>
  implements Lightning.Component.ImplementTemplateSpec<MyProductsTemplateSpec>
{
  readonly Header = this.getByRef('Header')!
  readonly Filters = this.getByRef('Filters')!
  readonly Message = this.getByRef('Message')!
  readonly List = this.getByRef('List')!
  private _subscription: Subscription | undefined
  private _filter: LicenceFilter = 'all'
  private _model: StoreModel | undefined
  private _zone: 'filters' | 'list' = 'filters'
  private _filterIds = ''

  static override _template(): Lightning.Component.Template<MyProductsTemplateSpec> {
    return {
      w: 1920,
      h: 1080,
      rect: true,
      color: COLORS.background,
      Header: { type: PageHeader, x: SAFE.x, y: TOP, look: 'lead', width: SAFE.w },
      Filters: { type: ButtonRow, x: SAFE.x, y: TOP + 140 },
      Message: {
        x: SAFE.x,
        y: LIST_Y + 20,
        text: { text: '', fontFace: FONT.regular, fontSize: TYPE.body, textColor: COLORS.textDim },
      },
      List: { type: LicenceList, x: SAFE.x, y: LIST_Y },
    }
  }

  override _init(): void {
    this.Header.title = t('store.mine.title')
    // What fits above the bottom of the safe area, with the "3 of 20" line under it.
    this.List.visibleRows = Math.floor((1080 - SAFE.y - LIST_Y - 40) / LICENCE_ROW_H)
    this.Filters.onSelect = (item: RowItem) => this._onFilter(item.id)
  }

  override _active(): void {
    const store = appContext().state?.store
    store?.open()
    this._subscription?.unsubscribe()
    this._subscription = store?.model$.subscribe((model) => this._render(model))
  }

  override _inactive(): void {
    this._subscription?.unsubscribe()
    this._subscription = undefined
  }

  private _render(model: StoreModel): void {
    this._model = model
    if (!model.signedIn) {
      this.Header.subtitle = t('store.mine.signedOut')
      this.Header.subtitleColor = undefined
      this._setFilters([{ id: 'signin', label: t('store.action.signIn') }])
      this._setRows([], '')
      return
    }
    const view: MyProductsView = myProductsOf(model, this._filter)
    this._filter = view.filter
    this.Header.subtitle = model.offline ? t('store.offline') : t('store.mine.subtitle')
    this.Header.subtitleColor = model.offline ? COLORS.warning : undefined
    const count = (f: LicenceFilter): number => view.counts[f] ?? 0
    this._setFilters(
      view.filters.map((f) => ({
        id: f,
        label: `${f === view.filter ? '● ' : ''}${t(f === 'all' ? 'store.mine.all' : `store.licence.status.${f}`)} (${count(f)})`,
      })),
    )
    this._setRows(
      view.rows,
      view.rows.length > 0 ? '' : model.loading ? t('store.loading') : t('store.mine.empty'),
    )
  }

  private _setFilters(items: RowItem[]): void {
    const ids = items.map((i) => `${i.id}:${i.label}`).join(',')
    if (ids === this._filterIds) return
    const index = this.Filters.index
    this._filterIds = ids
    this.Filters.items = items
    this.Filters.index = index
  }

  private _setRows(rows: readonly LicenceRowModel[], message: string): void {
    this.List.rows = rows
    // Until the viewer goes down into the list it shows its top: the list keeps the focused
    // licence across updates, and the subscriptions arriving after the licences re-sort it, which
    // would otherwise scroll what needs attention first out of view.
    if (this._zone !== 'list') this.List.index = 0
    this.Message.patch({ text: { text: message } })
    if (rows.length === 0) this._zone = 'filters'
    this._refocus()
  }

  private _onFilter(id: string): void {
    if (id === 'signin') {
      Router.navigate(to.signIn())
      return
    }
    this._filter = id as LicenceFilter
    // Another filter starts at its first row, not at the row that had the focus.
    this.List.rows = []
    if (this._model) this._render(this._model)
  }

  override _getFocused(): Lightning.Component | undefined {
    return this._zone === 'list' ? this.List : this.Filters
  }

  /** Up from the first licence (the list does not take it) goes to the filters. */
  override _handleUp(): void {
    if (this._zone === 'list') {
      this._zone = 'filters'
      this._refocus()
      return
    }
    Router.focusWidget('Menu')
  }

  override _handleDown(): void {
    if (this._zone === 'filters' && this.List.rows.length > 0) {
      this._zone = 'list'
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
