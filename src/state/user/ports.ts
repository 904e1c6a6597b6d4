import type { Licence } from '../../domain/licences'
import type { ParentalControl } from '../../domain/parental'
import type { PinState } from '../../domain/pin'
import type { Product } from '../../domain/products'
import type { Recording, RecordingList } from '../../domain/recordings'
import type { Resume } from '../../domain/resumes'
import type { Service } from '../../domain/services'
import type { Stamps } from '../../domain/stamps'
import type { UserTag, WatchEntry } from '../../domain/tags'
import type { PollCause } from '../timestamps/poller'

/** What the user owns: licences and the products they are for (document 003). */
export interface Rights {
  licences: readonly Licence[]
  products: readonly Product[]
}

/**
 * The operator calls the user's stores make, in domain values. The composition root adapts
 * the API clients to this; tests pass fakes. Every call is made with the session's token and
 * may be cancelled.
 */
export interface UserDataPorts {
  /** `cause`: why the poller asks, told to the operator (QA sees it); fakes may ignore it. */
  getTimestamps(signal: AbortSignal, cause?: PollCause): Promise<Stamps>
  getRecordings(signal: AbortSignal): Promise<RecordingList>
  getRights(signal: AbortSignal): Promise<Rights>
  getServices(signal: AbortSignal): Promise<readonly Service[]>
  getPinState(signal: AbortSignal): Promise<PinState>
  getParentalControl(signal: AbortSignal): Promise<ParentalControl>
  setParentalControl(pin: string, control: { enabled: boolean; maxRating: number }): Promise<ParentalControl>
  /** Resolves with when the unlock ends (Unix seconds). */
  unlockProgramme(programmeId: string, pin: string): Promise<number>
  getResumes(signal: AbortSignal): Promise<readonly Resume[]>
  addRecording(programmeId: string, series: boolean): Promise<readonly Recording[]>
  cancelRecording(recordingId: string): Promise<void>
  deleteRecording(recordingId: string): Promise<void>
  protectRecording(recordingId: string, protect: boolean): Promise<void>
  getTags(signal: AbortSignal): Promise<readonly UserTag[]>
  /** Tags (or untags) a channel as a favourite; resolves once the operator agreed. */
  tagChannel(channelId: string, on: boolean): Promise<void>
  getWatchHistory(signal: AbortSignal): Promise<readonly WatchEntry[]>
  /** One entry, or the whole history without an id. */
  removeWatchHistory(entryId?: string): Promise<void>
  /** Cancels the scheduled episodes of a series rule; resolves with how many. Optional in fakes. */
  cancelSeries?(seriesId: string): Promise<number>
}
