import type { RowModel } from '../../state/recordings/recordingsView'
import { phrase } from '../i18n'
import type { Speech } from '../components/voice'

/**
 * A line of the recordings list as said: its state, then its title ("Recorded, The Village");
 * a series says how many episodes it holds. The list adds "3 of 40".
 */
export const recordingRowSpeech = (row: RowModel): Speech =>
  row.kind === 'series'
    ? [phrase('recordings.series'), row.title, phrase('voice.recordings.episodes', { count: row.episodes })]
    : [
        phrase(`recordings.state.${row.state}`),
        row.recording.title,
        row.recording.protected ? phrase('recordings.protected') : undefined,
      ]

/** What Info adds: the channel and when (already in the viewer's format). */
export const recordingRowDetail = (row: RowModel, when: string): Speech =>
  row.kind === 'series' ? [row.channel] : [row.channel, when]
