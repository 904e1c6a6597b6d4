import { WindowList } from '../components/WindowList'
import { LicenceRow, LICENCE_ROW_H, type LicenceRowModel } from './LicenceRow'

/** The user's licences; the focus stays on the same licence when its status moves on. */
export class LicenceList extends WindowList<LicenceRowModel> {
  protected override rowType = LicenceRow
  protected override rowHeight = LICENCE_ROW_H
  protected override idOf = (row: LicenceRowModel): string => row.licence.id
}
