import type { FastifyInstance } from 'fastify'
import type { Api } from '../http/api'
import { envelopeMethod, id } from '../http/envelope'
import { SimError } from '../model/context'
import {
  DEFAULT_HISTORY_COUNT,
  MAX_HISTORY,
  listWatchHistory,
  removeWatchHistory,
} from '../model/watchHistory'

/** GetUserWatchHistory and RemoveUserWatchHistory; GetPlayback adds the entries (routes/streams.ts). */
export const registerWatchHistory = (app: FastifyInstance, api: Api): void => {
  envelopeMethod(app, api, 'GetUserWatchHistory', 'user', ({ user, body }) => {
    const count = body.Count ?? DEFAULT_HISTORY_COUNT
    if (typeof count !== 'number' || !Number.isInteger(count) || count < 1 || count > MAX_HISTORY)
      throw new SimError('invalid', `Count must be a whole number in 1..${MAX_HISTORY}`)
    return listWatchHistory(api.sim, user.id, count)
  })

  envelopeMethod(app, api, 'RemoveUserWatchHistory', 'user', ({ user, body }) => ({
    Removed: removeWatchHistory(
      api.sim,
      user.id,
      body.ID === undefined || body.ID === null ? undefined : id(body, 'ID'),
    ),
  }))
}
