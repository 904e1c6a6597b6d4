/**
 * The faults a chaos run switches on, each with its own chance per request (the simulator rolls
 * a seeded die for each): together they hit 1 - 0.85 x 0.90 x 0.98 x 0.87 x 0.87 = 43% of the
 * operator calls (45% of the envelope reads, more on the writes). The share measured is lower
 * (about 36%): a failed call is retried, and a dropped connection is tried again by the browser
 * itself, so the calls that follow a fault count too. A short run makes some 75 calls, so its
 * share stays above a fifth with room to spare (about three standard deviations).
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
  { route: '/api/*', kind: 'status', status: 500, rate: 0.15 },
  { route: '/api/*', kind: 'status', status: 503, rate: 0.1 },
  { route: '/api/*', kind: 'latency', latencyMs: BEYOND_TIMEOUT_MS, rate: 0.02 },
  { route: '/api/*', kind: 'drop', rate: 0.13 },
  { route: '/api/*', kind: 'malformed', rate: 0.13 },
  // "Authentication required" on the envelope reads: the session has expired for the box.
  { route: '/api/Get*', kind: 'envelope', statusCode: 30, rate: 0.03 },
  ...WRITE_ROUTES.map((route) => ({ route, kind: 'status' as const, status: 503, rate: 0.2 })),
]
