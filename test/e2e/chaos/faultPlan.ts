/**
 * The faults a chaos run switches on, each with its own chance per request (the simulator rolls
 * a seeded die for each): together they hit 1 - 0.88 x 0.92 x 0.98 x 0.9 x 0.9 = 36% of the
 * operator calls (38% of the envelope reads, more on the writes). The share measured is lower:
 * a failed call is retried, and a dropped connection is tried again by the browser itself, so
 * the calls that follow a fault count too; this keeps a short run's share above a fifth.
 */
export interface PlannedFault {
  route: string
  kind: 'status' | 'envelope' | 'latency' | 'malformed' | 'drop'
  status?: number
  statusCode?: number
  latencyMs?: number
  rate: number
}

/** The app's per-call timeout (src/api/transport.ts DEFAULT_TIMEOUT_MS) and a second more. */
const BEYOND_TIMEOUT_MS = 16_000

/** The envelope methods that change something, where a server error hurts the most. */
export const WRITE_ROUTES = [
  '/api/AddRecording',
  '/api/ProtectRecording',
  '/api/DeleteRecording',
  '/api/Purchase',
  '/api/iptv/subscription/*',
]

export const chaosFaults = (): PlannedFault[] => [
  { route: '/api/*', kind: 'status', status: 500, rate: 0.12 },
  { route: '/api/*', kind: 'status', status: 503, rate: 0.08 },
  { route: '/api/*', kind: 'latency', latencyMs: BEYOND_TIMEOUT_MS, rate: 0.02 },
  { route: '/api/*', kind: 'drop', rate: 0.1 },
  { route: '/api/*', kind: 'malformed', rate: 0.1 },
  // "Authentication required" on the envelope reads: the session has expired for the box.
  { route: '/api/Get*', kind: 'envelope', statusCode: 30, rate: 0.03 },
  ...WRITE_ROUTES.map((route) => ({ route, kind: 'status' as const, status: 503, rate: 0.2 })),
]
