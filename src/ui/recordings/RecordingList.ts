import type { RowModel } from '../../state/recordings/recordingsView'
import { WindowList } from '../components/WindowList'
import { RecordingRow, ROW_HEIGHT } from './RecordingRow'

/**
 * The list of recordings, one row per recording or series. The focus stays on the same
 * recording when the list changes under it (a poll, another recording starting).
 */
export class RecordingList extends WindowList<RowModel> {
  protected override rowType = RecordingRow
  protected override rowHeight = ROW_HEIGHT
  protected override idOf = (row: RowModel): string => row.id
}
