import fs from 'node:fs'
import path from 'node:path'
import type { FastifyInstance } from 'fastify'
import type { Api } from '../http/api'
import { envelopeMethod, str } from '../http/envelope'
import { SimError } from '../model/context'
import { CLIPS, PLAYBACK_KINDS, Playbacks, type PlaybackKind } from '../model/playback'
import { getUser } from '../model/users'
import { recordWatch } from '../model/watchHistory'
import { LIMITS } from '../limits'

const MEDIA_DIR = path.resolve(__dirname, '..', '..', 'media')

/** The clips, read once: a few MB in all. */
const loadClips = (): Map<string, Buffer> => {
  const out = new Map<string, Buffer>()
  for (const clip of CLIPS) {
    const file = path.join(MEDIA_DIR, `${clip}.webm`)
    if (fs.existsSync(file)) out.set(clip, fs.readFileSync(file))
  }
  return out
}

/** `bytes=a-b`, `bytes=a-` or `bytes=-n` within `size`; undefined when unsatisfiable. */
export const parseRange = (header: string, size: number): { start: number; end: number } | undefined => {
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim())
  if (!m || (m[1] === '' && m[2] === '')) return undefined
  if (m[1] === '') {
    const n = Number(m[2])
    if (n === 0) return undefined
    return { start: Math.max(0, size - n), end: size - 1 }
  }
  const start = Number(m[1])
  const end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1)
  if (start >= size || end < start) return undefined
  return { start, end }
}

/**
 * Streams: `GetPlayback` (envelope) checks the user's right to live, start-over, catch-up or a
 * recording and answers a playback URL and where "now" is in it; `KeepPlayback` checks again
 * while the viewer watches; `GET /api/streams/:playbackId.webm` serves the clip with HTTP range
 * requests (a <video> element cannot send a token: the unguessable playback id is the grant,
 * and it is checked against the user's rights on every request).
 */
export const registerStreams = (app: FastifyInstance, api: Api): void => {
  const playbacks = new Playbacks(api.sim)
  const clips = loadClips()

  envelopeMethod(app, api, 'GetPlayback', 'user', ({ user, body, baseUrl }) => {
    const kind = str(body, 'Kind')
    if (!(PLAYBACK_KINDS as readonly string[]).includes(kind))
      throw new SimError('invalid', `Kind must be one of ${PLAYBACK_KINDS.join(', ')}`)
    const playback = playbacks.start(user, kind as PlaybackKind, str(body, 'ID', LIMITS.idChars), baseUrl)
    recordWatch(api.sim, user.id, playback)
    return playback
  })

  envelopeMethod(app, api, 'KeepPlayback', 'user', ({ user, body }) =>
    playbacks.keep(user, str(body, 'PlaybackID', LIMITS.idChars)),
  )

  app.get<{ Params: { file: string } }>('/api/streams/:file', async (req, reply) => {
    const match = /^([A-Za-z0-9_-]{10,64})\.webm$/.exec(req.params.file)
    const fail = (status: number, code: string, message: string) =>
      reply.code(status).type('application/json; charset=utf-8').send({ code, message })
    if (!match?.[1]) return fail(404, 'not_found', 'No such stream')
    let clip: string
    try {
      clip = playbacks.media(match[1], (id) => getUser(api.sim, id)).clip
    } catch (e) {
      if (!(e instanceof SimError)) throw e
      return e.kind === 'notAllowed' ? fail(403, 'not_allowed', e.message) : fail(404, 'not_found', e.message)
    }
    const bytes = clips.get(clip)
    if (!bytes)
      return fail(404, 'not_found', `The media file ${clip}.webm is missing (npx tsx scripts/make-media.ts)`)
    reply.header('accept-ranges', 'bytes').header('cache-control', 'no-store').type('video/webm')
    const range = req.headers.range
    if (typeof range !== 'string') return reply.header('content-length', bytes.length).send(bytes)
    const r = parseRange(range, bytes.length)
    if (!r) return reply.code(416).header('content-range', `bytes */${bytes.length}`).send()
    return reply
      .code(206)
      .header('content-range', `bytes ${r.start}-${r.end}/${bytes.length}`)
      .header('content-length', r.end - r.start + 1)
      .send(bytes.subarray(r.start, r.end + 1))
  })
}
