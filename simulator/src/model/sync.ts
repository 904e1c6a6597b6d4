import type { Sim } from './context'
import { advanceLicences } from './licences'
import { advanceRecordings } from './recordings'
import { expireRecordingsCache } from './stamps'
import type { UserRow } from './users'

/**
 * Brings a user's data up to the simulator clock before it is read. Nothing runs on a timer:
 * state that the clock changes (licences settling or ending, recordings starting, ending or
 * expiring, the cache time) is settled lazily, so a jump of the clock is as good as waiting.
 */
export const syncUser = (sim: Sim, user: UserRow): void => {
  sim.db.transaction(() => {
    advanceLicences(sim, user.id)
    advanceRecordings(sim, user.id, user.customer_id)
    expireRecordingsCache(sim, user.id)
  })()
}
