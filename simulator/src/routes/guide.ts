import type { FastifyInstance } from 'fastify'
import type { Api } from '../http/api'
import { envelopeMethod, id, int } from '../http/envelope'
import { DEFAULT_SEARCH_COUNT, MAX_SEARCH_COUNT, searchGuide } from '../model/search'
import { SimError } from '../model/context'
import { LIMITS } from '../limits'
import {
  MAX_GUIDE_CHANNELS,
  MAX_GUIDE_SECONDS,
  guideWindow,
  listChannels,
  programmeById,
} from '../model/guide'

const optInt = (body: Record<string, unknown>, key: string): number | undefined =>
  body[key] === undefined || body[key] === null ? undefined : int(body, key)

/** GetChannels, GetGuide, GetProgramme and SearchGuide: anonymous tokens may read the guide. */
export const registerGuide = (app: FastifyInstance, api: Api): void => {
  envelopeMethod(app, api, 'GetChannels', 'session', ({ baseUrl }) => listChannels(api.sim, baseUrl))

  envelopeMethod(app, api, 'GetProgramme', 'session', ({ body, baseUrl }) =>
    programmeById(api.sim, id(body, 'ID'), baseUrl),
  )

  envelopeMethod(app, api, 'GetGuide', 'session', ({ body, baseUrl }) => {
    const ids = body.ChannelIDs
    if (
      !Array.isArray(ids) ||
      ids.length < 1 ||
      ids.length > MAX_GUIDE_CHANNELS ||
      !ids.every((i): i is string => typeof i === 'string' && i.length <= LIMITS.idChars)
    ) {
      throw new SimError('invalid', `ChannelIDs must be 1..${MAX_GUIDE_CHANNELS} channel ids`)
    }
    const start = int(body, 'Start')
    const end = int(body, 'End')
    if (end <= start || end - start > MAX_GUIDE_SECONDS) {
      throw new SimError('invalid', `End must be after Start, at most ${MAX_GUIDE_SECONDS} s later`)
    }
    return guideWindow(api.sim, ids, start, end, baseUrl)
  })

  envelopeMethod(app, api, 'SearchGuide', 'session', ({ body, baseUrl }) => {
    const query = body.Query
    if (typeof query !== 'string') throw new SimError('invalid', 'Query is required: the words to look for')
    const count = optInt(body, 'Count')
    if (count !== undefined && (count < 1 || count > MAX_SEARCH_COUNT))
      throw new SimError(
        'invalid',
        `Count must be a whole number in 1..${MAX_SEARCH_COUNT} (default ${DEFAULT_SEARCH_COUNT})`,
      )
    const from = optInt(body, 'From')
    const to = optInt(body, 'To')
    return searchGuide(
      api.sim,
      {
        query,
        ...(from !== undefined ? { from } : {}),
        ...(to !== undefined ? { to } : {}),
        ...(count !== undefined ? { count } : {}),
      },
      baseUrl,
    )
  })
}
