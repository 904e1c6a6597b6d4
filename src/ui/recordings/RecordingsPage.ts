import { Lightning, Router } from '@lightningjs/sdk'
import { of, skip, Subscription } from 'rxjs'
import type { RecordingFilter } from '../../domain/recordings'
import {
  createRecordingsView,
  type RecordingsListView,
  type RecordingsView,
  type RecordingsViewStore,
  type RowModel,
} from '../../state/recordings/recordingsView'
import type { UserState } from '../../state/user/userState'
import { ConfirmDialog } from '../components/ConfirmDialog'
import { PageHeader } from '../components/PageHeader'
import { appContext } from '../context'
import { currentLanguage, say, t } from '../i18n'
import { ActionMenu } from './ActionMenu'
import { EmptyState } from './EmptyState'
import { FilterBar } from './FilterBar'
import { RecordingIntents } from './recordingIntents'
import {
  emptyState,
  filterBar,
  FILTER_LABEL,
  FILTERS,
  recordingActions,
  recordingName,
  recordingsStatus,
  type EmptyActionId,
  type RecordingActionId,
  seriesRowIndex,
} from './recordingLooks'
import { QUOTA_WIDTH, QuotaBar } from './QuotaBar'
import { RecordingList } from './RecordingList'
import { to } from '../navigation'
import { COLORS, FONT, MENU_HEIGHT, SAFE, TYPE } from '../theme'
import { PageTypeConfig } from '../components/PageTypeConfig'

interface RecordingsPageTemplateSpec extends Lightning.Component.TemplateSpec {
  Header: typeof PageHeader
  Filters: typeof FilterBar
  Quota: typeof QuotaBar
  List: typeof RecordingList
  NoMatch: object
  Empty: typeof EmptyState
  Hint: object
  Actions: typeof ActionMenu
  Confirm: typeof ConfirmDialog
}

type Zone = 'filters' | 'list' | 'empty'

const TOP = MENU_HEIGHT + 24
const BAR_Y = TOP + 124
const LIST_Y = TOP + 204
/**
 * The recordings screen: the list shown at once from the cache and refreshed only when
 * the Recordings stamp moves, filters, sorting, series folded into one entry, the nPVR storage,
 * and the actions of the remote (play, protect, delete, cancel, cancel a series), each shown at
 * once and taken back with a message when the operator refuses. Opening it checks the stamps.
 */
export class RecordingsPage
  extends Lightning.Component<RecordingsPageTemplateSpec, PageTypeConfig>
  implements Lightning.Component.ImplementTemplateSpec<RecordingsPageTemplateSpec>
{
  readonly Header = this.getByRef('Header')!
  readonly Filters = this.getByRef('Filters')!
  readonly Quota = this.getByRef('Quota')!
  readonly List = this.getByRef('List')!
  readonly NoMatch = this.getByRef('NoMatch')!
  readonly Empty = this.getByRef('Empty')!
  readonly Hint = this.getByRef('Hint')!
  readonly Actions = this.getByRef('Actions')!
  readonly Confirm = this.getByRef('Confirm')!

  private _store: RecordingsViewStore | undefined
  private _subscription: Subscription | undefined
  private _view: RecordingsView = { kind: 'loading' }
  private _zone: Zone = 'list'
  /** The series folder just left: its row takes the focus once the full list is back. */
  private _returnTo: string | undefined
  private readonly _intents = new RecordingIntents({
    user: () => this._user,
    now: () => this._now(),
    confirm: (title, body, confirmLabel, onConfirm) => this._confirm(title, body, confirmLabel, onConfirm),
    toast: (message, kind) => this._toast(message, kind),
    play: (id) => Router.navigate(to.play({ kind: 'recording', id })),
  })

  static override _template(): Lightning.Component.Template<RecordingsPageTemplateSpec> {
    return {
      w: 1920,
      h: 1080,
      rect: true,
      color: COLORS.background,
      Header: {
        type: PageHeader,
        x: SAFE.x,
        y: TOP,
        look: 'status',
        width: SAFE.w - QUOTA_WIDTH - 60,
      },
      Filters: { type: FilterBar, x: SAFE.x, y: BAR_Y },
      Quota: { type: QuotaBar, x: SAFE.x + SAFE.w - QUOTA_WIDTH, y: TOP + 6 },
      List: { type: RecordingList, x: SAFE.x, y: LIST_Y },
      NoMatch: {
        x: SAFE.x,
        y: LIST_Y + 20,
        text: { text: '', fontFace: FONT.regular, fontSize: TYPE.body, textColor: COLORS.textDim },
      },
      Empty: { type: EmptyState, x: SAFE.x, y: LIST_Y, visible: false },
      Hint: {
        x: SAFE.x,
        y: 1080 - SAFE.y - 30,
        text: { text: '', fontFace: FONT.regular, fontSize: TYPE.caption, textColor: COLORS.textMuted },
      },
      Actions: { type: ActionMenu },
      Confirm: { type: ConfirmDialog },
    }
  }

  override _init(): void {
    this.Filters.onSelect = (id) => this._onFilter(id)
    this.List.onSelect = (row) => this._onRow(row)
    this.Actions.onClose = () => this._closeMenu()
    const state = appContext().state
    this._store = createRecordingsView({
      user$: state?.user$ ?? of(undefined),
      // Once a second: a recording's state follows the operator's clock between server calls.
      ticks$: state?.clock.ticks(1000) ?? of(0),
      names$: state?.lineup.names$ ?? of(new Map<string, string>()),
      locale: () => currentLanguage() ?? undefined,
    })
    this._render(this._view)
  }

  /** Opening the screen is a moment to look at the stamps (document 000, action based). */
  override _active(): void {
    const state = appContext().state
    state?.check('recordings-opened')
    void state?.lineup.open()
    this._subscription?.unsubscribe()
    const subscription = new Subscription()
    if (this._store) subscription.add(this._store.view$.subscribe((view) => this._render(view)))
    // After a restart on this screen the saved session brings the user back after the page
    // opened: the screen was opened for that user too, so its stores check the stamps now.
    if (state)
      subscription.add(state.user$.pipe(skip(1)).subscribe((user) => user?.check('recordings-opened')))
    this._subscription = subscription
  }

  override _inactive(): void {
    this._subscription?.unsubscribe()
    this._subscription = undefined
    this.Actions.close()
    this.Confirm.dismiss()
  }

  override _detach(): void {
    this._subscription?.unsubscribe()
  }

  private get _user(): UserState | undefined {
    return appContext().state?.user
  }

  // -- rendering ----------------------------------------------------------------------------

  private _render(view: RecordingsView): void {
    this._view = view
    const list = view.kind === 'list' && !view.empty ? view : undefined
    this.Filters.visible = list !== undefined
    this.List.visible = list !== undefined
    this.Quota.visible = view.kind === 'list'
    this.Hint.visible = list !== undefined
    const status = recordingsStatus(view)
    this.Header.show(
      list?.series !== undefined ? `${t('recordings.title')} › ${list.series.title}` : t('recordings.title'),
      say(status.text),
      COLORS[status.tone],
      status.bold,
    )
    if (view.kind === 'list') this.Quota.show(view.quota, view.shortfalls)
    if (list) {
      this.Empty.visible = false
      this.Filters.items = filterBar(list, say)
      this.List.rows = list.rows
      const folder = list.series ? -1 : seriesRowIndex(list.rows, this._returnTo)
      if (!list.series) this._returnTo = undefined
      if (folder >= 0) {
        this.List.index = folder
        this._zone = 'list'
      }
      this.NoMatch.patch({
        text: { text: list.rows.length === 0 ? t(`${FILTER_LABEL[list.filter]}.empty`) : '' },
      })
      this.Hint.patch({ text: { text: t(list.series ? 'recordings.hint.series' : 'recordings.hint.list') } })
      if (this._zone === 'empty' || (this._zone === 'list' && list.rows.length === 0)) {
        this._zone = list.rows.length > 0 ? 'list' : 'filters'
      }
    } else {
      this.NoMatch.patch({ text: { text: '' } })
      this._showEmpty(view)
      this._zone = 'empty'
    }
    this._refocus()
  }

  private _showEmpty(view: Exclude<RecordingsView, { kind: 'list' }> | RecordingsListView): void {
    const look = emptyState(view, say)
    const run: Record<EmptyActionId, () => void> = {
      signin: () => Router.navigate(to.signIn()),
      store: () => Router.navigate(to.store()),
      retry: () => this._user?.check('user-action'),
      guide: () => Router.navigate(to.guide()),
    }
    const action = look.action
    this.Empty.visible = true
    this.Empty.show(
      say(look.title),
      say(look.body),
      action ? [{ id: action.id, label: say(action.label), run: run[action.id] }] : [],
    )
  }

  // -- focus and keys -----------------------------------------------------------------------

  override _getFocused(): Lightning.Component {
    if (this.Confirm.isOpen) return this.Confirm
    if (this.Actions.isOpen) return this.Actions
    if (this._zone === 'empty') return this.Empty
    return this._zone === 'list' ? this.List : this.Filters
  }

  override _handleUp(): boolean | void {
    if (this._zone === 'list') {
      this._zone = 'filters'
      this._refocus()
      return
    }
    Router.focusWidget('Menu')
  }

  /** Down from the filter bar lands on the first row, whichever row had the focus before. */
  override _handleDown(): boolean | void {
    if (this._zone === 'filters' && this.List.rows.length > 0) {
      this._zone = 'list'
      this.List.index = 0
      this._refocus()
    }
  }

  override _handleLeft(): void {
    Router.focusWidget('Menu')
  }

  override _handleMenu(): void {
    Router.focusWidget('Menu')
  }

  override _handleBack(): boolean | void {
    if (this._view.kind === 'list' && this._view.series) {
      this._closeSeries()
      return
    }
    return false
  }

  /** Out of a series folder, back onto the folder the viewer opened. */
  private _closeSeries(): void {
    const view = this._view
    this._returnTo = view.kind === 'list' ? view.series?.seriesId : undefined
    this._store?.closeSeries()
  }

  // -- intents ------------------------------------------------------------------------------

  private _onFilter(id: string): void {
    const store = this._store
    if (!store) return
    if (id === 'sort') store.toggleSort()
    else if (id === 'back') this._closeSeries()
    else if (id === 'cancelSeries') {
      const view = this._view
      if (view.kind === 'list' && view.series)
        this._intents.askCancelSeries(view.series.seriesId, view.series.title)
    } else if ((FILTERS as readonly string[]).includes(id)) store.setFilter(id as RecordingFilter)
  }

  private _onRow(row: RowModel): void {
    if (row.kind === 'series') {
      this._store?.openSeries(row.seriesId)
      this.List.index = 0
      return
    }
    const r = row.recording
    this.Actions.onSelect = (id) => {
      this._closeMenu()
      this._intents.run(id as RecordingActionId, r, row.inSeries === true)
    }
    const seriesCount = r.seriesId !== undefined ? this._intents.scheduledOf(r.seriesId) : 0
    this.Actions.open(
      say(recordingName(r, row.inSeries === true)),
      recordingActions(r, this._now(), seriesCount).map((a) => ({ id: a.id, label: say(a.label) })),
    )
    this._refocus()
  }

  private _now(): number {
    return appContext().state?.clock.nowSeconds() ?? 0
  }

  private _closeMenu(): void {
    this.Actions.close()
    this._refocus()
  }

  private _confirm(title: string, body: string, confirmLabel: string, onConfirm: () => void): void {
    this.Confirm.ask({
      title,
      body,
      confirmLabel,
      cancelLabel: t('recordings.confirm.keep'),
      onConfirm: () => {
        onConfirm()
        this._refocus()
      },
      onCancel: () => this._refocus(),
    })
    this._refocus()
  }

  private _toast(message: string, kind: 'success' | 'error'): void {
    this.fireAncestors('$toast', message, kind)
  }
}
