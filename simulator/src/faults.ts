import { createPrng, type Prng } from './db/seed/prng'

/**
 * Stream faults act on the HLS routes under /api/streams/ only, where a request's kind
 * (playlist or segment) and the operator time decide whether they fire:
 * - playlistMissing: every playlist answers 404;
 * - playlistMalformed: every playlist answers 200 with a body that is not a playlist;
 * - segmentMissing: the segment covering operator time `at` answers 404, in every track;
 * - liveStalled: live and start-over playlists stay as they were at `at`;
 * - streamForbidden: every stream request from operator time `at` answers 403 (rights withdrawn);
 * - codecUnsupported: the master playlist announces HEVC video only.
 */
export type StreamFaultKind =
  | 'playlistMissing'
  | 'playlistMalformed'
  | 'segmentMissing'
  | 'liveStalled'
  | 'streamForbidden'
  | 'codecUnsupported'
export const STREAM_FAULT_KINDS: readonly StreamFaultKind[] = [
  'playlistMissing',
  'playlistMalformed',
  'segmentMissing',
  'liveStalled',
  'streamForbidden',
  'codecUnsupported',
]
/** The stream faults that happen from (or at) a moment of operator time. */
export const TIMED_STREAM_FAULTS: readonly StreamFaultKind[] = [
  'segmentMissing',
  'liveStalled',
  'streamForbidden',
]

export type FaultKind = 'status' | 'envelope' | 'latency' | 'malformed' | 'drop' | StreamFaultKind
export const FAULT_KINDS: readonly FaultKind[] = [
  'status',
  'envelope',
  'latency',
  'malformed',
  'drop',
  ...STREAM_FAULT_KINDS,
]

export const isStreamFault = (kind: FaultKind): kind is StreamFaultKind =>
  (STREAM_FAULT_KINDS as readonly string[]).includes(kind)

export interface Fault {
  id: number
  /** An exact path such as /api/GetUserTimestamps, or a prefix ending in `*`. */
  route: string
  kind: FaultKind
  /** HTTP status of a `status` fault (default 500). */
  status?: number
  /** Envelope StatusCode of an `envelope` fault (default 30). */
  statusCode?: number
  /** Delay of a `latency` fault, in real milliseconds. */
  latencyMs?: number
  /** Operator time (Unix seconds) of a segmentMissing, liveStalled or streamForbidden fault. */
  at?: number
  /** Probability that the fault fires on a matching request, 0..1. */
  rate: number
  /** How many more times it fires; null for ever. */
  remaining: number | null
}

export type FaultInput = Omit<Fault, 'id' | 'rate' | 'remaining'> & { rate?: number; count?: number }

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)

const optInt = (o: Record<string, unknown>, key: string, min: number, max: number): number | undefined => {
  const v = o[key]
  if (v === undefined) return undefined
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) {
    throw new Error(`${key} must be a whole number in ${min}..${max}`)
  }
  return v
}

/** Checks a QA request body; the message says what is wrong. */
export const parseFault = (body: unknown): FaultInput => {
  if (!isRecord(body)) throw new Error('the body must be a JSON object')
  const { route, kind } = body
  if (typeof route !== 'string' || !route.startsWith('/'))
    throw new Error('route must be a path starting with /')
  if (typeof kind !== 'string' || !(FAULT_KINDS as readonly string[]).includes(kind)) {
    throw new Error(`kind must be one of ${FAULT_KINDS.join(', ')}`)
  }
  const rate = body.rate
  if (rate !== undefined && (typeof rate !== 'number' || rate < 0 || rate > 1))
    throw new Error('rate must be in 0..1')
  if (isStreamFault(kind as FaultKind) && !route.startsWith('/api/streams/'))
    throw new Error(`a ${kind} fault acts on streams: its route must start with /api/streams/`)
  const out: FaultInput = { route, kind: kind as FaultKind }
  const status = optInt(body, 'status', 100, 599)
  const statusCode = optInt(body, 'statusCode', 0, 999)
  const latencyMs = optInt(body, 'latencyMs', 0, 120000)
  const count = optInt(body, 'count', 1, 1_000_000)
  const at = optInt(body, 'at', 0, 99_999_999_999)
  if (status !== undefined) out.status = status
  if (statusCode !== undefined) out.statusCode = statusCode
  if (latencyMs !== undefined) out.latencyMs = latencyMs
  if (typeof rate === 'number') out.rate = rate
  if (count !== undefined) out.count = count
  if (at !== undefined) out.at = at
  return out
}

/**
 * The faults QA has switched on. Whether one fires is decided by a seeded die, so that a test
 * with a rate below 1 sees the same sequence on every run.
 */
export class FaultStore {
  private faults: Fault[] = []
  private nextId = 1
  private dice: Prng

  /** `onChange` hears the new list after every change (added, cleared, a count used up). */
  constructor(
    private readonly seed: number,
    private readonly onChange: (faults: Fault[]) => void = () => undefined,
  ) {
    this.dice = createPrng(seed)
  }

  list(): Fault[] {
    return this.faults.map((f) => ({ ...f }))
  }

  add(input: FaultInput): Fault {
    const { count, rate, ...rest } = input
    const fault: Fault = { ...rest, id: this.nextId, rate: rate ?? 1, remaining: count ?? null }
    this.nextId += 1
    this.faults.push(fault)
    this.onChange(this.list())
    return { ...fault }
  }

  clear(): void {
    this.faults = []
    this.dice = createPrng(this.seed)
    this.onChange([])
  }

  /** The faults that fire for this request, latency ones first; uses up their counts. Stream faults are left to the stream routes. */
  fire(path: string): Fault[] {
    return this.fireWhere(path, (f) => !isStreamFault(f.kind))
  }

  /** The stream faults that fire for this stream request: those for which `applies` holds. */
  fireStream(path: string, applies: (f: Fault & { kind: StreamFaultKind }) => boolean): Fault[] {
    return this.fireWhere(
      path,
      (f) => isStreamFault(f.kind) && applies(f as Fault & { kind: StreamFaultKind }),
    )
  }

  private fireWhere(path: string, applies: (f: Fault) => boolean): Fault[] {
    const fired: Fault[] = []
    let counted = false
    for (const f of this.faults) {
      const matches = f.route.endsWith('*') ? path.startsWith(f.route.slice(0, -1)) : path === f.route
      if (!matches || !applies(f) || (f.rate < 1 && this.dice.next() >= f.rate)) continue
      fired.push({ ...f })
      if (f.remaining !== null) {
        f.remaining -= 1
        counted = true
      }
    }
    this.faults = this.faults.filter((f) => f.remaining === null || f.remaining > 0)
    if (counted) this.onChange(this.list())
    return fired.sort((a, b) => Number(b.kind === 'latency') - Number(a.kind === 'latency'))
  }
}
