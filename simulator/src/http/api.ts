import type { FastifyRequest } from 'fastify'
import type { Sim } from '../model/context'
import type { FaultStore } from '../faults'
import type { RequestLog } from '../requestLog'
import { resolveToken, type Session } from '../auth'
import { bearerToken } from './token'

/** What route registrars get: the model context plus the QA machinery. */
export interface Api {
  sim: Sim
  faults: FaultStore
  requests: RequestLog
  /** Replaces all data by a scenario (QA reset). */
  reset(scenario: string): unknown
}

/** The session of a request: the bearer token, or for envelope calls a `token` body member. */
export const sessionOf = (api: Api, req: FastifyRequest, bodyToken?: unknown): Session | undefined => {
  const token =
    bearerToken(req) ?? (typeof bodyToken === 'string' && bodyToken !== '' ? bodyToken : undefined)
  return token === undefined ? undefined : resolveToken(api.sim, token)
}

/** Scheme and host the client used, for absolute URLs in responses (logos, JSON:API links). */
export const baseUrlOf = (req: FastifyRequest): string => `${req.protocol}://${req.host}`

export const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)
