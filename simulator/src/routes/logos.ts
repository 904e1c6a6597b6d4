import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { Api } from '../http/api'
import { renderLogo } from '../logos/render'
import { renderTitleCard } from '../logos/titleCard'
import { programmeTitle } from '../model/guide'

/** Title cards kept drawn (a guide page asks for a few dozen; they are a few kB each). */
const MAX_CARDS = 500

/**
 * GET /api/logos/:channelId.png and GET /api/images/programmes/:programmeId.png. Public, without a token: an <img> or a Lightning texture
 * cannot send an Authorization header, and a token must never go into the URL instead.
 */
export const registerLogos = (app: FastifyInstance, api: Api): void => {
  const cache = new Map<string, Buffer>()
  app.get('/api/logos/:file', async (req: FastifyRequest<{ Params: { file: string } }>, reply) => {
    const match = /^(.+)\.png$/.exec(req.params.file)
    const channelId = match?.[1]
    const channel =
      channelId === undefined
        ? undefined
        : api.sim.db
            .prepare<[string], { name: string }>('SELECT name FROM channels WHERE id = ?')
            .get(channelId)
    if (channelId === undefined || !channel) {
      return reply.code(404).send({ code: 'not_found', message: 'No such logo' })
    }
    const key = `${channelId}\u0000${channel.name}`
    let png = cache.get(key)
    if (!png) {
      png = renderLogo(channelId, channel.name)
      cache.set(key, png)
    }
    return reply.type('image/png').header('cache-control', 'public, max-age=86400').send(png)
  })

  const cards = new Map<string, Buffer>()
  app.get(
    '/api/images/programmes/:file',
    async (req: FastifyRequest<{ Params: { file: string } }>, reply) => {
      const programmeId = /^(\d+)\.png$/.exec(req.params.file)?.[1]
      const title = programmeId === undefined ? undefined : programmeTitle(api.sim, programmeId)
      if (title === undefined) return reply.code(404).send({ code: 'not_found', message: 'No such image' })
      let png = cards.get(title)
      if (!png) {
        png = renderTitleCard(title)
        if (cards.size >= MAX_CARDS) cards.delete(cards.keys().next().value ?? '')
        cards.set(title, png)
      }
      return reply.type('image/png').header('cache-control', 'public, max-age=86400').send(png)
    },
  )
}
