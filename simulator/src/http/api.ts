import type { FastifyRequest } from 'fastify'
import type { Sim } from '../model/context'
import type { FaultStore } from '../faults'
import type { RequestLog } from '../requestLog'
import type { QaEvents } from '../qa/events'
import { resolveToken, type Session } from '../auth'
import { bearerToken } from './token'

/** What route registrars get: the model context plus the QA machinery. */
export interface Api {
  sim: Sim
  faults: FaultStore
  requests: RequestLog
  /** What the QA event stream hears: requests, clock moves, fault changes. */
  events: QaEvents
  /** When each session (by token hash) last made a request, by the simulator clock. */
  lastSeen: Map<string, number>
  /** Replaces all data by a scenario (QA reset). */
  reset(scenario: string): unknown
}

/** The session of a request: the bearer token, or for envelope calls a `token` body member. */
export const sessionOf = (api: Api, req: FastifyRequest, bodyToken?: unknown): Session | undefined => {
  const token =
    bearerToken(req) ?? (typeof bodyToken === 'string' && bodyToken !== '' ? bodyToken : undefined)
  return token === undefined ? undefined : resolveToken(api.sim, token)
}

/**
 * What goes before `/api/...` in URLs the simulator hands out (logos, streams, JSON:API links):
 * the configured public base URL, or nothing (root-relative URLs). Never the Host header: a
 * caller would choose where another box's logos and links point.
 */
export const baseUrlOf = (api: Api): string => api.sim.config.publicBaseUrl

export const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)
