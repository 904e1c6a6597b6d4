import type { ResolvedConfig } from '../config'
import type { SimClock } from '../clock'
import type { Db } from '../db/connection'

/** What every model function needs: the database, the simulator clock and the settings. */
export interface Sim {
  db: Db
  clock: SimClock
  config: ResolvedConfig
}

/** A refusal that the route turns into its own error style (envelope, REST, JSON:API, RPC). */
export class SimError extends Error {
  constructor(
    readonly kind: SimErrorKind,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message)
  }
}

export type SimErrorKind =
  | 'auth'
  | 'notFound'
  | 'invalid'
  | 'notAllowed'
  | 'quota'
  | 'conflict'
  | 'pin'
  | 'pinLocked'
  | 'loginLocked'
  | 'internal'

export const bool = (v: number | null | undefined): boolean => v === 1
