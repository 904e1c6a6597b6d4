import { WindowList } from '../components/WindowList'
import { LicenceRow, LICENCE_ROW_H, type LicenceRowModel } from './LicenceRow'

/**
 * The user's licences and bought subscriptions; the focus stays on the same row when its status
 * moves on.
 */
export class LicenceList extends WindowList<LicenceRowModel> {
  protected override rowType = LicenceRow
  protected override rowHeight = LICENCE_ROW_H
  protected override idOf = (row: LicenceRowModel): string =>
    'service' in row ? `service:${row.service.id}` : row.licence.id
}
