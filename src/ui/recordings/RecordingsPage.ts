import { Lightning, Router } from '@lightningjs/sdk'
import { of, skip, Subscription } from 'rxjs'
import { canCancel, canDelete, type Recording, type RecordingFilter } from '../../domain/recordings'
import {
  createRecordingsView,
  type RecordingsListView,
  type RecordingsView,
  type RecordingsViewStore,
  type RowModel,
} from '../../state/recordings/recordingsView'
import { refusalOf } from '../../state/recordings/refusal'
import type { UserState } from '../../state/user/userState'
import { ConfirmDialog } from '../components/ConfirmDialog'
import { appContext } from '../context'
import { formatDate, formatTime } from '../format'
import { currentLanguage, t } from '../i18n'
import { ActionMenu, type MenuAction } from './ActionMenu'
import { EmptyState, type EmptyAction } from './EmptyState'
import { FilterBar, type FilterBarItem } from './FilterBar'
import { QUOTA_WIDTH, QuotaBar } from './QuotaBar'
import { RecordingList } from './RecordingList'
import { to } from '../navigation'
import { COLORS, FONT, MENU_HEIGHT, SAFE, TYPE } from '../theme'
import { PageTypeConfig } from '../components/PageTypeConfig'

interface RecordingsPageTemplateSpec extends Lightning.Component.TemplateSpec {
  Heading: object
  Status: object
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
const FILTERS: readonly RecordingFilter[] = ['all', 'scheduled', 'ongoing', 'recorded']
const FILTER_LABEL: Record<RecordingFilter, string> = {
  all: 'recordings.all',
  scheduled: 'recordings.scheduled',
  ongoing: 'recordings.ongoing',
  recorded: 'recordings.recorded',
}

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
  readonly Heading = this.getByRef('Heading')!
  readonly Status = this.getByRef('Status')!
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

  static override _template(): Lightning.Component.Template<RecordingsPageTemplateSpec> {
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
          wordWrapWidth: SAFE.w - QUOTA_WIDTH - 60,
          maxLines: 1,
          textOverflow: 'ellipsis',
        },
      },
      Status: {
        x: SAFE.x,
        y: TOP + 78,
        text: {
          text: '',
          fontFace: FONT.regular,
          fontSize: TYPE.caption,
          textColor: COLORS.textMuted,
          wordWrapWidth: SAFE.w - QUOTA_WIDTH - 60,
          maxLines: 1,
          textOverflow: 'ellipsis',
        },
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
    this.Heading.patch({ text: { text: t('recordings.title') } })
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
    this.Heading.patch({
      text: {
        text:
          list?.series !== undefined
            ? `${t('recordings.title')} › ${list.series.title}`
            : t('recordings.title'),
      },
    })
    this.Status.patch(this._status(view))
    if (view.kind === 'list') this.Quota.show(view.quota, view.shortfalls)
    if (list) {
      this.Empty.visible = false
      this.Filters.items = this._filterItems(list)
      this.List.rows = list.rows
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

  private _status(view: RecordingsView): object {
    if (view.kind !== 'list') return { text: { text: '' } }
    const at = view.fetchedAt !== undefined ? formatTime(Math.floor(view.fetchedAt / 1000)) : undefined
    if (view.offline) {
      return {
        text: {
          text: at !== undefined ? t('recordings.offline', { time: at }) : t('recordings.offlineNoTime'),
          textColor: COLORS.warning,
          fontFace: FONT.semibold,
        },
      }
    }
    return {
      text: {
        text: at !== undefined ? t('recordings.updatedAt', { time: at }) : '',
        textColor: COLORS.textMuted,
        fontFace: FONT.regular,
      },
    }
  }

  private _filterItems(view: RecordingsListView): FilterBarItem[] {
    const filters = FILTERS.map((f) => ({
      id: f,
      label: `${t(FILTER_LABEL[f])} (${view.counts[f]})`,
      selected: view.filter === f,
    }))
    if (view.series) {
      const hasScheduled = view.counts.scheduled + view.counts.ongoing > 0
      return [
        { id: 'back', label: `‹ ${t('recordings.action.allRecordings')}`, selected: false },
        ...filters,
        ...(hasScheduled
          ? [{ id: 'cancelSeries', label: t('recordings.action.cancelSeries'), selected: false }]
          : []),
      ]
    }
    return [...filters, { id: 'sort', label: t(`recordings.sort.${view.sort}`), selected: false }]
  }

  private _showEmpty(view: Exclude<RecordingsView, { kind: 'list' }> | RecordingsListView): void {
    const actions = (...a: EmptyAction[]): EmptyAction[] => a
    this.Empty.visible = true
    switch (view.kind) {
      case 'signedOut':
        this.Empty.show(
          t('recordings.empty.signedOut.title'),
          t('recordings.empty.signedOut.body'),
          actions({
            id: 'signin',
            label: t('recordings.action.signIn'),
            run: () => Router.navigate(to.signIn()),
          }),
        )
        return
      case 'loading':
        this.Empty.show(t('recordings.loading'), '', [])
        return
      case 'noNpvr': {
        const offers = view.offers.map((o) => `“${o}”`)
        const joined =
          offers.length > 1
            ? `${offers.slice(0, -1).join(', ')} ${t('recordings.empty.or')} ${offers[offers.length - 1] ?? ''}`
            : (offers[0] ?? '')
        this.Empty.show(
          t('recordings.empty.noNpvr.title'),
          offers.length > 0
            ? t('recordings.empty.noNpvr.body', { offers: joined })
            : t('recordings.empty.noNpvr.bodyGeneric'),
          actions({
            id: 'store',
            label: t('recordings.action.store'),
            run: () => Router.navigate(to.store()),
          }),
        )
        return
      }
      case 'unavailable':
        this.Empty.show(
          t('recordings.empty.unavailable.title'),
          t(view.offline ? 'recordings.empty.unavailable.offline' : 'recordings.empty.unavailable.other'),
          actions({ id: 'retry', label: t('action.retry'), run: () => this._user?.check('user-action') }),
        )
        return
      case 'list':
        this.Empty.show(
          t('recordings.empty.none.title'),
          t('recordings.empty.none.body'),
          actions({ id: 'guide', label: t('action.toGuide'), run: () => Router.navigate(to.guide()) }),
        )
    }
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

  override _handleDown(): boolean | void {
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

  override _handleBack(): boolean | void {
    if (this._view.kind === 'list' && this._view.series) {
      this._store?.closeSeries()
      return
    }
    return false
  }

  // -- intents ------------------------------------------------------------------------------

  private _onFilter(id: string): void {
    const store = this._store
    if (!store) return
    if (id === 'sort') store.toggleSort()
    else if (id === 'back') store.closeSeries()
    else if (id === 'cancelSeries') {
      const view = this._view
      if (view.kind === 'list' && view.series) this._askCancelSeries(view.series.seriesId, view.series.title)
    } else if ((FILTERS as readonly string[]).includes(id)) store.setFilter(id as RecordingFilter)
  }

  private _onRow(row: RowModel): void {
    if (row.kind === 'series') {
      this._store?.openSeries(row.seriesId)
      this.List.index = 0
      return
    }
    this.Actions.onSelect = (id) => this._onAction(id, row.recording)
    this.Actions.open(row.recording.title, this._actionsFor(row.recording))
    this._refocus()
  }

  private _now(): number {
    return appContext().state?.clock.nowSeconds() ?? 0
  }

  private _actionsFor(r: Recording): MenuAction[] {
    const now = this._now()
    const state = canCancel(r, now).allowed ? (now < r.start ? 'scheduled' : 'ongoing') : 'over'
    const out: MenuAction[] = []
    if (r.state !== 'failed' && now >= r.start) out.push({ id: 'play', label: t('recordings.action.play') })
    if (r.state !== 'failed')
      out.push({
        id: 'protect',
        label: t(r.protected ? 'recordings.action.unprotect' : 'recordings.action.protect'),
      })
    if (state === 'over') out.push({ id: 'delete', label: t('recordings.action.delete') })
    if (state === 'scheduled') out.push({ id: 'cancel', label: t('recordings.action.cancel') })
    if (state === 'ongoing') out.push({ id: 'cancel', label: t('recordings.action.stop') })
    if (r.seriesId !== undefined && this._scheduledOf(r.seriesId) > 0)
      out.push({ id: 'cancelSeries', label: t('recordings.action.cancelSeries') })
    out.push({ id: 'close', label: t('recordings.action.close') })
    return out
  }

  private _scheduledOf(seriesId: string): number {
    const now = this._now()
    const list = this._user?.recordings.current.data?.recordings ?? []
    return list.filter((r) => r.seriesId === seriesId && r.start > now && r.state !== 'failed').length
  }

  private _closeMenu(): void {
    this.Actions.close()
    this._refocus()
  }

  private _onAction(id: string, r: Recording): void {
    this._closeMenu()
    const user = this._user
    if (!user) return
    const title = r.title
    switch (id) {
      case 'play':
        Router.navigate(to.play({ kind: 'recording', id: r.id }))
        return
      case 'protect': {
        const protect = !r.protected
        this._run(
          protect ? 'protect' : 'unprotect',
          title,
          () => user.protectRecording(r.id, protect),
          () =>
            protect
              ? t('recordings.done.protected', { title })
              : `${t('recordings.done.unprotected', { title })}: ${t('recordings.expires', {
                  date: formatDate(r.end + (user.recordings.current.data?.autoExpireDays ?? 0) * 86400),
                })}`,
        )
        return
      }
      case 'delete': {
        const check = canDelete(r, this._now())
        if (!check.allowed) {
          this._toast(
            t(check.reason === 'protected' ? 'recordings.error.protected' : 'recordings.error.notFinished', {
              title,
            }),
            'error',
          )
          return
        }
        this._confirm(
          t('recordings.confirm.delete.title', { title }),
          t('recordings.confirm.delete.body'),
          t('recordings.action.delete'),
          () =>
            this._run(
              'delete',
              title,
              () => user.deleteRecording(r.id),
              () => t('recordings.done.deleted', { title }),
            ),
        )
        return
      }
      case 'cancel': {
        const ongoing = this._now() >= r.start
        this._confirm(
          t(ongoing ? 'recordings.confirm.stop.title' : 'recordings.confirm.cancel.title', { title }),
          t(ongoing ? 'recordings.confirm.stop.body' : 'recordings.confirm.cancel.body'),
          t(ongoing ? 'recordings.action.stop' : 'recordings.action.cancel'),
          () =>
            this._run(
              'cancel',
              title,
              () => user.cancelRecording(r.id),
              () => t('recordings.done.cancelled', { title }),
            ),
        )
        return
      }
      case 'cancelSeries':
        if (r.seriesId !== undefined) this._askCancelSeries(r.seriesId, title)
        return
    }
  }

  private _askCancelSeries(seriesId: string, title: string): void {
    const user = this._user
    if (!user) return
    this._confirm(
      t('recordings.confirm.series.title', { title }),
      t('recordings.confirm.series.body', { count: this._scheduledOf(seriesId) }),
      t('recordings.action.cancelSeries'),
      () =>
        this._run(
          'series',
          title,
          () => user.cancelSeries(seriesId, this._now()),
          () => t('recordings.done.seriesCancelled', { title }),
        ),
    )
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

  /** Runs an optimistic change; the list already shows it, a refusal takes it back and says why. */
  private _run(
    kind: 'protect' | 'unprotect' | 'delete' | 'cancel' | 'series',
    title: string,
    work: () => Promise<void>,
    done: () => string,
  ): void {
    work().then(
      () => this._toast(done(), 'success'),
      (error: unknown) =>
        this._toast(
          `${t(`recordings.failed.${kind}`, { title })}: ${t(`recordings.reason.${refusalOf(error)}`)}`,
          'error',
        ),
    )
  }

  private _toast(message: string, kind: 'success' | 'error'): void {
    this.fireAncestors('$toast', message, kind)
  }
}
