import fs from 'node:fs'
import path from 'node:path'
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify'
import fastifyStatic from '@fastify/static'
import { resolveConfig, type ScenarioName, type SimulatorConfig } from './config'
import { readAppSettings } from './settings'
import { createClock } from './clock'
import { openDatabase } from './db/connection'
import { needsSeed, seedScenario, type SeedReport } from './db/seed/scenarios'
import type { Sim } from './model/context'
import { FaultStore } from './faults'
import { RequestLog } from './requestLog'
import { QaEvents } from './qa/events'
import type { Api } from './http/api'
import { STATUS, contentTypeOf, envelopeError, errorInStyle, pathOf, routeStyle } from './http/style'
import { registerHooks } from './http/hooks'
import { registerCors } from './http/cors'
import { registerHealth } from './routes/health'
import { registerSession } from './routes/session'
import { registerTimestamps } from './routes/timestamps'
import { registerServices } from './routes/services'
import { registerGuide } from './routes/guide'
import { registerTags } from './routes/tags'
import { registerWatchHistory } from './routes/watchHistory'
import { registerRecordings } from './routes/recordings'
import { registerResumes } from './routes/resumes'
import { registerPin } from './routes/pin'
import { registerParental } from './routes/parental'
import { registerPurchase } from './routes/purchase'
import { registerSubscription } from './routes/subscription'
import { registerCatalog } from './routes/catalog'
import { registerAccountChanges } from './routes/accountChanges'
import { registerLogos } from './routes/logos'
import { registerQa } from './routes/qa'
import { registerStreams } from './routes/streams'
import { JSON_API_TYPE } from './http/style'
import { LIMITS } from './limits'

export interface Simulator {
  app: FastifyInstance
  /** Starts listening; resolves with the URL to open. */
  listen(): Promise<string>
  close(): Promise<void>
  /** The database, clock and settings, for scripts and tests that look inside. */
  sim: Sim
  /** What was seeded at start, if the database needed it. */
  seeded?: SeedReport
  /** The QA event bus behind /qa/events, for tests that count its listeners. */
  events: QaEvents
}

const VERSION = '0.1.0'

/**
 * Builds the operator simulator: the operator APIs under /api, QA controls under /qa and
 * the built app at /. Nothing here imports the client's code: it is the other side of
 * the contract.
 */
export const createSimulator = (input: SimulatorConfig): Simulator => {
  const config = resolveConfig(input)
  const clock = createClock(config.clock)
  const db = openDatabase(config.dbPath)
  const sim: Sim = { db, clock, config }
  const seeded = needsSeed(sim) ? seedScenario(sim, config.scenario) : undefined

  const app = Fastify({
    // Stated rather than left to fastify's default: docs/API.md documents it (Limits).
    bodyLimit: LIMITS.bodyBytes,
    // Closing does not wait on a client that stopped reading (a player gone mid-segment).
    forceCloseConnections: true,
    // A path fastify cannot decode (`/api/user/%/license`) is refused in the route's own style,
    // not in fastify's default one that no client of that route parses.
    frameworkErrors: (error, req, res) => {
      const reply = res as FastifyReply
      const style = routeStyle(pathOf(req.url))
      const message = error.code === 'FST_ERR_BAD_URL' ? 'The path is not a valid URL' : error.message
      if (style === 'envelope')
        return reply
          .code(200)
          .type(contentTypeOf(style))
          .send(envelopeError(STATUS.InvalidParameter, message))
      const out = errorInStyle(style, 400, 'bad_url', message)
      return reply.code(out.status).type(out.contentType).send(out.body)
    },
    logger: config.logRequests
      ? {
          level: 'info',
          // Only method and path: headers and query strings could carry a token.
          serializers: { req: (req) => ({ method: req.method, url: pathOf(req.url ?? '') }) },
        }
      : false,
  })
  app.addContentTypeParser(JSON_API_TYPE, { parseAs: 'string' }, app.getDefaultJsonParser('error', 'ignore'))

  const events = new QaEvents()
  const api: Api = {
    sim,
    faults: new FaultStore(config.seed, (faults) => events.emit({ type: 'faults', data: { faults } })),
    requests: new RequestLog((entry) => events.emit({ type: 'request', data: entry })),
    events,
    lastSeen: new Map(),
    reset: (scenario: string) => seedScenario(sim, scenario as ScenarioName),
  }

  registerCors(app, config.corsOrigins)
  registerHooks(app, api)
  registerHealth(app, { startedAt: Date.now(), version: VERSION })
  registerSession(app, api)
  registerTimestamps(app, api)
  registerServices(app, api)
  registerGuide(app, api)
  registerTags(app, api)
  registerRecordings(app, api)
  registerResumes(app, api)
  registerWatchHistory(app, api)
  registerPin(app, api)
  registerParental(app, api)
  registerPurchase(app, api)
  registerSubscription(app, api)
  registerCatalog(app, api)
  registerAccountChanges(app, api)
  registerLogos(app, api)
  registerStreams(app, api)
  registerQa(app, api)

  // The app reads settings.json at start; serving it merged lets one build point anywhere.
  app.get('/settings.json', async (_req, reply) => {
    const settings = await readAppSettings(config.appDir, config.settingsOverride)
    if (settings === undefined) return reply.code(404).type('text/plain').send('Not found')
    return reply.header('cache-control', 'no-store').send(settings)
  })

  if (fs.existsSync(path.join(config.appDir, 'index.html'))) {
    app.register(fastifyStatic, {
      root: path.resolve(config.appDir),
      index: ['index.html'],
      // `/api/..` resolves to the app's page: an API path gets the APIs' not-found answer instead.
      allowedPath: (pathName) => !/^\/(api|qa)(\/|$)/.test(pathName),
    })
  } else {
    app.get('/', async (_req, reply) =>
      reply
        .code(503)
        .type('text/plain')
        .send(`The app is not built: no index.html in ${config.appDir}. Run "npm run build".`),
    )
  }

  app.setNotFoundHandler((req, reply) => {
    // `/qa` and `/api` themselves too: a client of those APIs parses JSON, not a page's text.
    if (/^\/(api|qa)(\/|$)/.test(pathOf(req.url))) {
      return reply.code(404).send({ code: 'not_found', message: `No route ${req.method} ${pathOf(req.url)}` })
    }
    return reply.code(404).type('text/plain').send('Not found')
  })

  let closed = false
  return {
    app,
    sim,
    events,
    ...(seeded ? { seeded } : {}),
    async listen() {
      const address = await app.listen({ host: config.host, port: config.port })
      return `${address.replace('127.0.0.1', 'localhost')}/`
    },
    async close() {
      if (closed) return
      closed = true
      await app.close()
      db.close()
    },
  }
}
