import fs from 'node:fs'
import path from 'node:path'
import Fastify, { FastifyInstance } from 'fastify'
import fastifyStatic from '@fastify/static'
import type { SimulatorConfig } from './config'
import { readAppSettings } from './settings'
import { registerHealth } from './routes/health'

export interface Simulator {
  app: FastifyInstance
  /** Starts listening; resolves with the URL to open. */
  listen(): Promise<string>
  close(): Promise<void>
}

const VERSION = '0.1.0'

/**
 * Builds the operator simulator: the operator APIs under /api, QA controls under /qa and
 * the built app at /. Nothing here imports the client's code: it is the other side of
 * the contract.
 */
export const createSimulator = (config: SimulatorConfig): Simulator => {
  const app = Fastify({ logger: config.logRequests ? { level: 'info' } : false })

  registerHealth(app, { startedAt: Date.now(), version: VERSION })

  // The app reads settings.json at start; serving it merged lets one build point anywhere.
  app.get('/settings.json', async (_req, reply) => {
    const settings = await readAppSettings(config.appDir, config.settingsOverride)
    return reply.header('cache-control', 'no-store').send(settings)
  })

  if (fs.existsSync(path.join(config.appDir, 'index.html'))) {
    app.register(fastifyStatic, { root: path.resolve(config.appDir), index: ['index.html'] })
  } else {
    app.get('/', async (_req, reply) =>
      reply
        .code(503)
        .type('text/plain')
        .send(`The app is not built: no index.html in ${config.appDir}. Run "npm run build".`),
    )
  }

  app.setNotFoundHandler((req, reply) => {
    if (req.url.startsWith('/api/') || req.url.startsWith('/qa/')) {
      return reply.code(404).send({ code: 'not_found', message: `No route ${req.method} ${req.url}` })
    }
    return reply.code(404).type('text/plain').send('Not found')
  })

  return {
    app,
    async listen() {
      const address = await app.listen({ host: config.host, port: config.port })
      return `${address.replace('127.0.0.1', 'localhost')}/`
    },
    close: () => app.close(),
  }
}
