import type { FastifyInstance } from 'fastify'
import type { Api } from '../http/api'
import { envelopeMethod, str } from '../http/envelope'
import { SimError } from '../model/context'
import { PLAYBACK_KINDS, Playbacks, type PlaybackKind } from '../model/playback'
import { LIMITS } from '../limits'
import { registerHlsStreams } from './hlsStreams'

/**
 * Streams: `GetPlayback` (envelope) checks the user's right to live, start-over, catch-up or a
 * recording and answers playback URLs and where "now" is in it; `KeepPlayback` checks again
 * while the viewer watches; `GET /api/streams/:playbackId/master.m3u8` and what it names are the
 * HLS stream (hlsStreams.ts: a video element cannot send a token, so the unguessable playback id
 * is the grant, and it is checked against the user's rights on every request).
 */
export const registerStreams = (app: FastifyInstance, api: Api): void => {
  const playbacks = new Playbacks(api.sim)
  registerHlsStreams(app, api, playbacks)

  envelopeMethod(app, api, 'GetPlayback', 'user', ({ user, body, baseUrl }) => {
    const kind = str(body, 'Kind')
    if (!(PLAYBACK_KINDS as readonly string[]).includes(kind))
      throw new SimError('invalid', `Kind must be one of ${PLAYBACK_KINDS.join(', ')}`)
    return playbacks.start(user, kind as PlaybackKind, str(body, 'ID', LIMITS.idChars), baseUrl)
  })

  envelopeMethod(app, api, 'KeepPlayback', 'user', ({ user, body }) =>
    playbacks.keep(user, str(body, 'PlaybackID', LIMITS.idChars)),
  )
}
