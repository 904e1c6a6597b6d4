import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { Api } from '../http/api'
import { renderLogo } from '../logos/render'

/**
 * GET /api/logos/:channelId.png. Public, without a token: an <img> or a Lightning texture
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
}
