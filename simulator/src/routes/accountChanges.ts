import type { FastifyInstance } from 'fastify'
import { isRecord, sessionOf, type Api } from '../http/api'
import { JSON_RPC_ERRORS } from '../http/style'
import { findAccountChanges } from '../model/accountChanges'
import type { Session } from '../auth'
import { LIMITS } from '../limits'

type RpcId = string | number | null

interface RpcResponse {
  jsonrpc: '2.0'
  id: RpcId
  result?: unknown
  error?: { code: number; message: string; data?: unknown }
}

const DEFAULT_COUNT = 50

const failure = (id: RpcId, code: number, message: string): RpcResponse => ({
  jsonrpc: '2.0',
  id,
  error: { code, message },
})

/** A whole number in min..max, undefined when absent, false when anything else. */
const optCount = (v: unknown, min: number, max: number): number | undefined | false =>
  v === undefined || v === null
    ? undefined
    : typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max
      ? v
      : false

/** A request id JSON-RPC allows: a string (of at most LIMITS.idChars here) or a number. */
const validId = (v: unknown): boolean =>
  v === null ||
  (typeof v === 'string' && v.length <= LIMITS.idChars) ||
  (typeof v === 'number' && Number.isFinite(v))

/**
 * Document 004 over JSON-RPC 2.0 at POST /api/rpc. The document writes `"jsonrpc": 2.0` (a
 * number): requests may say either, answers always say the string "2.0". Batches work.
 */
export const registerAccountChanges = (app: FastifyInstance, api: Api): void => {
  const call = (session: Session | undefined, request: unknown): RpcResponse | undefined => {
    if (!isRecord(request)) return failure(null, JSON_RPC_ERRORS.invalidRequest, 'Invalid Request')
    const rawId = request.id
    if (!validId(rawId ?? null)) return failure(null, JSON_RPC_ERRORS.invalidRequest, 'Invalid Request')
    const id: RpcId = typeof rawId === 'string' || typeof rawId === 'number' ? rawId : null
    const version = request.jsonrpc
    if ((version !== '2.0' && version !== 2) || typeof request.method !== 'string') {
      return failure(id, JSON_RPC_ERRORS.invalidRequest, 'Invalid Request')
    }
    // JSON-RPC 2.0: a notification (no id) is never answered, not even with an error. The only
    // method reads and changes nothing, so a notification has nothing left to do.
    if (!('id' in request)) return undefined
    if (request.method !== 'findAccountChanges') {
      return failure(id, JSON_RPC_ERRORS.methodNotFound, 'Method not found')
    }
    if (!session?.user) return failure(id, JSON_RPC_ERRORS.authenticationRequired, 'Authentication required')
    const params = request.params ?? {}
    if (!isRecord(params)) return failure(id, JSON_RPC_ERRORS.invalidParams, 'params must be an object')
    // Bounded before SQLite sees them: an offset past its integers is a datatype error there.
    const offset = optCount(params.offset, 0, LIMITS.rpcOffset)
    const count = optCount(params.count, 0, Number.MAX_SAFE_INTEGER)
    if (offset === false || count === false) {
      return failure(
        id,
        JSON_RPC_ERRORS.invalidParams,
        `offset must be a whole number in 0..${LIMITS.rpcOffset}, count a whole number >= 0`,
      )
    }
    const result = findAccountChanges(
      api.sim,
      session.user.id,
      offset ?? 0,
      Math.min(count ?? DEFAULT_COUNT, LIMITS.rpcCount),
    )
    return { jsonrpc: '2.0', id, result }
  }

  app.post('/api/rpc', async (req, reply) => {
    const session = sessionOf(api, req)
    const body = req.body
    if (Array.isArray(body)) {
      if (body.length === 0)
        return reply.send(failure(null, JSON_RPC_ERRORS.invalidRequest, 'Invalid Request'))
      // Each call may read a page of LIMITS.rpcCount changes: a batch is bounded before any runs.
      if (body.length > LIMITS.rpcBatch) {
        return reply.send(
          failure(null, JSON_RPC_ERRORS.invalidRequest, `A batch has at most ${LIMITS.rpcBatch} calls`),
        )
      }
      const answers = body
        .map((r: unknown) => call(session, r))
        .filter((r): r is RpcResponse => r !== undefined)
      return answers.length === 0 ? reply.code(204).send() : reply.send(answers)
    }
    const answer = call(session, body)
    return answer === undefined ? reply.code(204).send() : reply.send(answer)
  })
}
