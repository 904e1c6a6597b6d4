import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { isRecord, sessionOf, type Api } from './api'
import { contentTypeOf, errorInStyle, pathOf, routeStyle, STATUS, envelopeError } from './style'
import { hasTokenInQuery } from './token'
import { logEntryOf } from './logEntry'
import type { Fault } from '../faults'
import type { Session } from '../auth'

const applied = new WeakMap<FastifyRequest, string[]>()
/** Notes faults a route applied itself (the stream faults), for the request log. */
export const noteAppliedFaults = (req: FastifyRequest, kinds: readonly string[]): void => {
  if (kinds.length > 0) applied.set(req, [...(applied.get(req) ?? []), ...kinds])
}

/** Who called, resolved before the handler runs (a Logout ends the session it names). */
const callers = new WeakMap<FastifyRequest, Session | undefined>()

/** The request's session: the one seen before the handler, else its bearer token's now. */
const callerOf = (api: Api, req: FastifyRequest): Session | undefined =>
  callers.has(req) ? callers.get(req) : sessionOf(api, req)

/** Logs an /api request for QA, and notes when its session was last seen. */
const logRequest = (
  api: Api,
  req: FastifyRequest,
  out: { status: number; durationMs: number; faults?: string[] },
): void => {
  const at = api.sim.clock.now()
  const session = callerOf(api, req)
  if (session) api.lastSeen.set(session.tokenHash, at)
  api.requests.add(logEntryOf(req, { ...out, at, ...(session ? { session } : {}) }))
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

/** A body that starts like the route's answer and stops: not JSON. */
const MALFORMED: Record<string, string> = {
  envelope: '{"StatusCode": 0, "Severity": 1, "StatusMessage": "OK", "Content": {"Pi',
  jsonapi: '{"data": [{"id": "1", "type": "Lic',
  rpc: '{"jsonrpc": "2.0", "id": 1, "result": {"off',
  rest: '{"_id": "1234", "nPvr": {"over',
  plain: '{"status": "o',
}

const sendFault = (
  api: Api,
  req: FastifyRequest,
  reply: FastifyReply,
  fault: Fault,
): FastifyReply | undefined => {
  const style = routeStyle(pathOf(req.url))
  switch (fault.kind) {
    case 'status': {
      const status = fault.status ?? 500
      const out =
        style === 'rest' && status === 500
          ? {
              status,
              contentType: contentTypeOf(style),
              body: { code: 'internal_error', message: '<Unspecified>' },
            }
          : errorInStyle(
              style,
              status,
              status >= 500 ? 'internal_error' : 'fault',
              `Injected fault: HTTP ${status}`,
            )
      return reply.code(out.status).type(out.contentType).send(out.body)
    }
    case 'envelope': {
      const code = fault.statusCode ?? STATUS.AuthenticationRequired
      return reply
        .code(200)
        .type(contentTypeOf('envelope'))
        .send(envelopeError(code, `Injected fault: StatusCode ${code}`))
    }
    case 'malformed':
      return reply
        .code(200)
        .type(contentTypeOf(style))
        .send(MALFORMED[style] ?? MALFORMED.plain)
    case 'drop':
      logRequest(api, req, { status: 0, durationMs: 0, faults: ['drop'] })
      reply.hijack()
      req.raw.socket.destroy()
      return reply
    default:
      return undefined
  }
}

/**
 * Hooks on every request: tokens in a query string are refused, QA faults are injected on
 * /api routes, and /api requests are logged for QA (method, path, operation, status, time, who
 * by id and why by X-Kanal-Reason; never a token).
 */
export const registerHooks = (app: FastifyInstance, api: Api): void => {
  // The operator's time is the simulator's clock: boxes set theirs from the Date header, so a
  // QA clock move reaches the app's "now" (what is on, recording states, the live edge).
  app.addHook('onRequest', async (_req, reply) => {
    reply.header('date', new Date(api.sim.clock.nowMs()).toUTCString())
  })
  app.addHook('onRequest', async (req, reply) => {
    const path = pathOf(req.url)
    if (hasTokenInQuery(req.url)) {
      const out = errorInStyle(
        routeStyle(path),
        400,
        'token_in_query',
        'A token is never accepted in a URL: send it as Authorization: Bearer <token>',
      )
      return reply.code(out.status).type(out.contentType).send(out.body)
    }
    if (!path.startsWith('/api/')) return undefined
    const fired = api.faults.fire(path)
    if (fired.length === 0) return undefined
    applied.set(
      req,
      fired.map((f) => f.kind),
    )
    for (const f of fired) {
      if (f.kind === 'latency') await sleep(f.latencyMs ?? 1000)
      else return sendFault(api, req, reply, f)
    }
    return undefined
  })

  app.addHook('preHandler', async (req) => {
    const path = pathOf(req.url)
    if (!path.startsWith('/api/')) return
    // Envelope calls may carry the token in the body (document 000), so this waits for the body.
    const bodyToken = routeStyle(path) === 'envelope' && isRecord(req.body) ? req.body.token : undefined
    callers.set(req, sessionOf(api, req, bodyToken))
  })

  app.addHook('onResponse', async (req, reply) => {
    if (!pathOf(req.url).startsWith('/api/')) return
    const faults = applied.get(req)
    logRequest(api, req, {
      status: reply.statusCode,
      durationMs: Math.round(reply.elapsedTime * 100) / 100,
      ...(faults ? { faults } : {}),
    })
  })

  app.setErrorHandler((error, req, reply) => {
    const style = routeStyle(pathOf(req.url))
    const e = error as { statusCode?: number; code?: string; message?: string }
    const status =
      typeof e.statusCode === 'number' && e.statusCode >= 400 && e.statusCode < 500 ? e.statusCode : 500
    if (status >= 500) req.log.error({ err: error }, 'request failed')
    const badJson = e.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || e.code === 'FST_ERR_CTP_EMPTY_JSON_BODY'
    const tooLarge = e.code === 'FST_ERR_CTP_BODY_TOO_LARGE'
    const code = badJson
      ? 'bad_json'
      : tooLarge
        ? 'payload_too_large'
        : status >= 500
          ? 'internal_error'
          : 'bad_request'
    const message =
      status >= 500 ? (style === 'rest' ? '<Unspecified>' : 'Internal error') : (e.message ?? 'Bad request')
    const out = errorInStyle(style, status, code, message)
    if (style === 'envelope' && status < 500) {
      return reply.code(200).type(out.contentType).send(envelopeError(STATUS.InvalidParameter, message))
    }
    return reply.code(out.status).type(out.contentType).send(out.body)
  })
}
