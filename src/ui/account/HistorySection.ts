import { Lightning } from '@lightningjs/sdk'
import type { AccountChange } from '../../domain/accountChanges'
import type { PagedListState } from '../../state/account/pagedList'
import { t } from '../i18n'
import { COLORS, TYPE } from '../theme'
import { HISTORY_ROW_H, HistoryRow } from './HistoryRow'
import { historyRowModel } from './labels'
import { ScrollList } from './ScrollList'
import { sectionIntro } from './sectionIntro'
import { label } from '../components/Label'

interface HistorySectionTemplateSpec extends Lightning.Component.TemplateSpec {
  Intro: object
  List: typeof ScrollList
  Footer: object
}

const VISIBLE_ROWS = 5

/**
 * Account history (document 004): newest first, a page at a time; the next page is asked for
 * when the focus comes near the end of what is loaded, never everything at once. A failed page
 * keeps what is shown and says so; OK on the last row tries again.
 */
export class HistorySection
  extends Lightning.Component<HistorySectionTemplateSpec>
  implements Lightning.Component.ImplementTemplateSpec<HistorySectionTemplateSpec>
{
  readonly Intro = this.getByRef('Intro')!
  readonly List = this.getByRef('List')!
  readonly Footer = this.getByRef('Footer')!
  onLoadMore: () => void = () => undefined
  private _data: PagedListState<AccountChange> | undefined

  static override _template(): Lightning.Component.Template<HistorySectionTemplateSpec> {
    return {
      Intro: sectionIntro(),
      List: { type: ScrollList, y: 70 },
      Footer: {
        y: 70 + HISTORY_ROW_H * VISIBLE_ROWS + 8,
        ...label('', { size: TYPE.caption, color: COLORS.textDim, wordWrapWidth: 1700 }),
      },
    }
  }

  override _init(): void {
    this.List.rowHeight = HISTORY_ROW_H
    this.List.viewHeight = HISTORY_ROW_H * VISIBLE_ROWS
    this.List.margin = 3
    this.List.onNearEnd = () => this.onLoadMore()
  }

  get focusable(): boolean {
    return this.List.count > 0
  }

  show(state: PagedListState<AccountChange>): void {
    this._data = state
    const first = state.items.length === 0
    this.Intro.patch({
      text: {
        text: first
          ? state.error !== undefined
            ? t('account.history.failed')
            : state.loading || !state.complete
              ? t('account.loading')
              : t('account.history.none')
          : t('account.history.intro', {
              shown: state.items.length,
              total: state.total ?? state.items.length,
            }),
        textColor: first && state.error !== undefined ? COLORS.danger : COLORS.textDim,
      },
    })
    this.List.setRows(HistoryRow, state.items.map(historyRowModel))
    this.Footer.patch({
      text: {
        text:
          state.items.length === 0
            ? ''
            : state.loading
              ? t('account.history.loadingMore')
              : state.error !== undefined
                ? t('account.history.moreFailed')
                : state.complete
                  ? t('account.history.end')
                  : t('account.history.more'),
        textColor: state.error !== undefined ? COLORS.warning : COLORS.textMuted,
      },
    })
  }

  override _getFocused(): Lightning.Component {
    return this.List
  }

  /** OK at the end of a page that failed asks for it again. */
  override _handleEnter(): void {
    if (this._data?.error !== undefined) this.onLoadMore()
  }
}
