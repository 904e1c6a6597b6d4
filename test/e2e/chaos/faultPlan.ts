/**
 * The faults a chaos run switches on, each with its own chance per request (the simulator rolls
 * a seeded die for each): together they hit about a third of the operator calls (1 - 0.9 x 0.94
 * x 0.98 x 0.92 x 0.92 = 32%, 34% on the envelope reads), so that a short run's share stays above
 * a fifth, across every kind, with more server errors on the writes so that the viewer's changes
 * meet failures too.
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
  { route: '/api/*', kind: 'status', status: 500, rate: 0.1 },
  { route: '/api/*', kind: 'status', status: 503, rate: 0.06 },
  { route: '/api/*', kind: 'latency', latencyMs: BEYOND_TIMEOUT_MS, rate: 0.02 },
  { route: '/api/*', kind: 'drop', rate: 0.08 },
  { route: '/api/*', kind: 'malformed', rate: 0.08 },
  // "Authentication required" on the envelope reads: the session has expired for the box.
  { route: '/api/Get*', kind: 'envelope', statusCode: 30, rate: 0.03 },
  ...WRITE_ROUTES.map((route) => ({ route, kind: 'status' as const, status: 503, rate: 0.2 })),
]
