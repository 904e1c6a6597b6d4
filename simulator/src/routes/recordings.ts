import type { FastifyInstance } from 'fastify'
import type { Api } from '../http/api'
import { envelopeMethod, id, optBool, str } from '../http/envelope'
import { SimError } from '../model/context'
import {
  addRecording,
  cancelRecording,
  cancelSeries,
  deleteRecording,
  listRecordings,
  protectRecording,
} from '../model/recordings'
import { LIMITS } from '../limits'

/** nPVR recordings: Kanal's own methods; what moves the Recordings stamp is in model/recordings. */
export const registerRecordings = (app: FastifyInstance, api: Api): void => {
  const sim = api.sim
  envelopeMethod(app, api, 'GetRecordings', 'user', ({ user }) => listRecordings(sim, user))

  envelopeMethod(app, api, 'AddRecording', 'user', ({ user, body }) => ({
    Recordings: addRecording(sim, user, id(body, 'ProgrammeID'), optBool(body, 'Series') ?? false),
  }))

  envelopeMethod(app, api, 'CancelRecording', 'user', ({ user, body }) => {
    cancelRecording(sim, user, id(body, 'RecordingID'))
    return null
  })

  envelopeMethod(app, api, 'CancelSeries', 'user', ({ user, body }) => ({
    Cancelled: cancelSeries(sim, user, str(body, 'SeriesID', LIMITS.idChars)),
  }))

  envelopeMethod(app, api, 'DeleteRecording', 'user', ({ user, body }) => {
    deleteRecording(sim, user, id(body, 'RecordingID'))
    return null
  })

  envelopeMethod(app, api, 'ProtectRecording', 'user', ({ user, body }) => {
    const value = optBool(body, 'Protected')
    if (value === undefined) throw new SimError('invalid', 'Protected must be a boolean')
    return protectRecording(sim, user, id(body, 'RecordingID'), value)
  })
}
