import type { FastifyInstance } from 'fastify'
import { pathOf } from './style'

/** The app's request headers beyond the CORS-safelisted ones (see src/api/transport.ts). */
const ALLOWED_HEADERS = 'Authorization, Content-Type, X-Kanal-Reason'
const ALLOWED_METHODS = 'GET, HEAD, POST, PUT, PATCH, DELETE'
/** The app sets its clock from Date, which a cross-origin script may not read unless exposed. */
const EXPOSED_HEADERS = 'Date'
const PREFLIGHT_MAX_AGE_SECONDS = 600

/** The Access-Control-Allow-Origin value for `origin`, or undefined when it is not allowed. */
export const allowedOrigin = (origin: string, allowed: readonly string[]): string | undefined => {
  if (allowed.includes('*')) return '*'
  const normalised = origin.replace(/\/+$/, '').toLowerCase()
  return allowed.some((a) => a.replace(/\/+$/, '').toLowerCase() === normalised) ? origin : undefined
}

/**
 * Cross-origin access to the operator APIs (/api only), so that a build served from another
 * host (`npm run dist` on any static server) can use this simulator. The APIs authenticate with
 * a bearer token, never a cookie, so no credentials are allowed. The QA controls (/qa) get no
 * CORS headers at all and keep refusing state changes from other origins (qa/origin.ts).
 * A preflight is answered here, before fault injection and the request log, which are about
 * the operator calls themselves.
 */
export const registerCors = (app: FastifyInstance, allowed: readonly string[]): void => {
  app.addHook('onRequest', async (req, reply) => {
    const origin = req.headers.origin
    if (origin === undefined || !pathOf(req.url).startsWith('/api/')) return undefined
    const allow = allowedOrigin(origin, allowed)
    reply.header('vary', 'Origin')
    if (allow === undefined) return undefined
    reply.header('access-control-allow-origin', allow)
    reply.header('access-control-expose-headers', EXPOSED_HEADERS)
    if (req.method === 'OPTIONS' && req.headers['access-control-request-method'] !== undefined) {
      return reply
        .code(204)
        .header('access-control-allow-methods', ALLOWED_METHODS)
        .header('access-control-allow-headers', ALLOWED_HEADERS)
        .header('access-control-max-age', String(PREFLIGHT_MAX_AGE_SECONDS))
        .send()
    }
    return undefined
  })
}
