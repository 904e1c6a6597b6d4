import type { Api } from '../../api'
import { FAVOURITE } from '../../domain/tags'
import type { UserDataPorts } from './ports'

/**
 * The user stores' ports over the API clients. Every call goes through `authorised`, so an
 * ended session is renewed once for all the calls that met it.
 */
export const userPortsOf = (
  api: Api,
  authorised: <T>(call: () => Promise<T>) => Promise<T>,
  userId: () => string | undefined,
): UserDataPorts => {
  const { envelope, catalog } = api
  return {
    // The poller owns this call's retries (and their budget): the transport must not add its own.
    getTimestamps: (signal, cause) =>
      authorised(() =>
        envelope.getUserTimestamps({ signal, retries: 0, ...(cause ? { reason: cause } : {}) }),
      ),
    getRecordings: (signal) => authorised(() => envelope.getRecordings({ signal })),
    getRights: async (signal) => {
      const id = userId()
      // Someone not signed in owns nothing; the catalogue alone is no right.
      if (id === undefined) return { licences: [], products: [] }
      const [licences, products] = await Promise.all([
        authorised(() => catalog.getLicences(id, { signal })),
        authorised(() => catalog.getProducts({ signal })),
      ])
      return { licences, products }
    },
    getServices: (signal) => authorised(() => envelope.getServices({ signal })),
    getPinState: (signal) => authorised(() => envelope.getPinState({ signal })),
    getParentalControl: (signal) => authorised(() => envelope.getParentalControl({ signal })),
    setParentalControl: (pin, control) => authorised(() => envelope.setParentalControl(pin, control)),
    unlockProgramme: (programmeId, pin) => authorised(() => envelope.unlockProgramme(programmeId, pin)),
    getResumes: (signal) => authorised(() => envelope.getResumes({ signal })),
    addRecording: (programmeId, series) => authorised(() => envelope.addRecording({ programmeId, series })),
    cancelRecording: (id) => authorised(() => envelope.cancelRecording(id)),
    deleteRecording: (id) => authorised(() => envelope.deleteRecording(id)),
    protectRecording: async (id, protect) => {
      await authorised(() => envelope.protectRecording(id, protect))
    },
    getTags: (signal) => authorised(() => envelope.getUserTags({ signal })),
    tagChannel: async (channelId, on) => {
      await authorised(() => envelope.tagItem({ itemId: channelId, tag: FAVOURITE, remove: !on }))
    },
    getWatchHistory: (signal) => authorised(() => envelope.getUserWatchHistory(undefined, { signal })),
    removeWatchHistory: async (entryId) => {
      await authorised(() => envelope.removeUserWatchHistory(entryId))
    },
    cancelSeries: (seriesId) => authorised(() => envelope.cancelSeries(seriesId)),
  }
}
