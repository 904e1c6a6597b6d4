import fs from 'node:fs'
import path from 'node:path'
import type { FastifyInstance, FastifyReply } from 'fastify'
import type { Api } from '../http/api'
import { fail } from '../qa/reply'

/** The console's files, and nothing else from its folder: no path from a URL reaches the disk. */
const FILES: Record<string, string> = {
  'index.html': 'text/html; charset=utf-8',
  'console.js': 'text/javascript; charset=utf-8',
  'console.css': 'text/css; charset=utf-8',
}

const NOT_BUILT = 'The QA console is not built: run npm run build'

/**
 * The QA console page at /qa/ (loopback only, like every /qa route). Its folder is read on
 * each request, so a console built while the simulator runs is served without a restart.
 */
export const registerQaConsole = (qa: FastifyInstance, api: Api): void => {
  const dir = api.sim.config.consoleDir

  const send = async (reply: FastifyReply, name: string): Promise<FastifyReply> => {
    const type = FILES[name] ?? 'application/octet-stream'
    let body: Buffer
    try {
      body = await fs.promises.readFile(path.join(dir, name))
    } catch {
      if (name === 'index.html') return reply.code(503).type('text/plain; charset=utf-8').send(NOT_BUILT)
      return fail(reply, 404, 'not_found', `No console file ${name}: run npm run build`)
    }
    return reply
      .type(type)
      .header('cache-control', 'no-store')
      .header('x-content-type-options', 'nosniff')
      .header('content-security-policy', "frame-ancestors 'none'")
      .send(body)
  }

  // /qa without the slash would resolve the page's relative links against /.
  qa.get('', async (_req, reply) => reply.redirect('/qa/', 308))
  qa.route({
    method: 'GET',
    url: '/',
    prefixTrailingSlash: 'slash',
    handler: async (_req, reply) => send(reply, 'index.html'),
  })
  for (const name of Object.keys(FILES)) qa.get(`/${name}`, async (_req, reply) => send(reply, name))
}
