import type { FastifyRequest } from 'fastify'
import type { Session } from '../auth'
import type { NewLoggedRequest } from '../requestLog'
import { isRecord } from './api'
import { pathOf, routeStyle } from './style'

/** The one header value the log keeps: a short lower-case word the box chose, never free text. */
export const REASON_HEADER = 'x-kanal-reason'
const REASON = /^[a-z][a-z-]{0,31}$/
const RPC_METHOD = /^[A-Za-z_][\w.]{0,63}$/
const ENVELOPE_METHOD = /^[A-Za-z][A-Za-z0-9]{0,63}$/

export const reasonOf = (req: FastifyRequest): string | undefined => {
  const value = req.headers[REASON_HEADER]
  return typeof value === 'string' && REASON.test(value) ? value : undefined
}

/** The JSON-RPC method names of a request or batch, only when they look like names. */
const rpcMethods = (body: unknown): string | undefined => {
  const calls = Array.isArray(body) ? body : [body]
  const names = calls.flatMap((c) =>
    isRecord(c) && typeof c.method === 'string' && RPC_METHOD.test(c.method) ? [c.method] : [],
  )
  return names.length > 0 ? [...new Set(names)].join(',') : undefined
}

/** What the request asked for, in the words of its API style. */
export const operationOf = (req: FastifyRequest): string => {
  const path = pathOf(req.url)
  const style = routeStyle(path)
  if (style === 'envelope') {
    const method = path.slice('/api/'.length)
    if (ENVELOPE_METHOD.test(method)) return method
  }
  if (style === 'rpc') return rpcMethods(req.body) ?? 'rpc'
  // The route's pattern (GET /api/user/:userId/license) groups calls better than the path.
  const route = (req.routeOptions as { url?: string } | undefined)?.url
  return `${req.method} ${route ?? path}`
}

/** A log entry of an /api request; the caller adds the id. */
export const logEntryOf = (
  req: FastifyRequest,
  out: { at: number; status: number; durationMs: number; faults?: string[]; session?: Session },
): NewLoggedRequest => {
  const { session } = out
  const reason = reasonOf(req)
  return {
    at: out.at,
    method: req.method,
    path: pathOf(req.url),
    operation: operationOf(req),
    status: out.status,
    durationMs: out.durationMs,
    ...(out.faults ? { faults: out.faults } : {}),
    ...(session?.user ? { userId: session.user.id, userName: session.user.name } : {}),
    ...(session ? { deviceId: session.deviceId } : {}),
    ...(reason !== undefined ? { reason } : {}),
  }
}
