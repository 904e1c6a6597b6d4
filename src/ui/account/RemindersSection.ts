import { Lightning } from '@lightningjs/sdk'
import { t } from '../i18n'
import { REMINDER_ROW_H, ReminderRow } from './ReminderRow'
import type { ReminderRowModel } from './reminderRows'
import { ScrollList } from './ScrollList'
import { sectionIntro } from './sectionIntro'

interface RemindersSectionTemplateSpec extends Lightning.Component.TemplateSpec {
  Intro: object
  List: typeof ScrollList
}

const VISIBLE_ROWS = 5

/**
 * The reminders kept on this box, soonest first; OK on one cancels it. They belong to the box,
 * so the section shows whether or not anyone is signed in.
 */
export class RemindersSection
  extends Lightning.Component<RemindersSectionTemplateSpec>
  implements Lightning.Component.ImplementTemplateSpec<RemindersSectionTemplateSpec>
{
  readonly Intro = this.getByRef('Intro')!
  readonly List = this.getByRef('List')!
  onCancel: (programmeId: string) => void = () => undefined
  private _rows: readonly ReminderRowModel[] = []

  static override _template(): Lightning.Component.Template<RemindersSectionTemplateSpec> {
    return { Intro: sectionIntro(2), List: { type: ScrollList, y: 90 } }
  }

  override _init(): void {
    this.List.rowHeight = REMINDER_ROW_H
    this.List.viewHeight = REMINDER_ROW_H * VISIBLE_ROWS
  }

  get focusable(): boolean {
    return this.List.count > 0
  }

  show(rows: readonly ReminderRowModel[]): void {
    this._rows = rows
    ReminderRow.cancelLabel = t('account.reminders.cancel')
    this.Intro.patch({
      text: { text: rows.length === 0 ? t('account.reminders.none') : t('account.reminders.intro') },
    })
    this.List.setRows(ReminderRow, rows)
  }

  override _getFocused(): Lightning.Component {
    return this.List
  }

  override _handleEnter(): void {
    const row = this._rows[this.List.index]
    if (row) this.onCancel(row.programmeId)
  }
}
