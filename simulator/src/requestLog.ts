/**
 * One request as QA sees it. Never a header value (but a valid X-Kanal-Reason), a body or a
 * query string, so never a token: who called is told by ids resolved from the token.
 */
export interface LoggedRequest {
  /** Increasing from 1 for the life of the process (not reset by clear()). */
  id: number
  at: number
  method: string
  path: string
  /** The envelope method, the JSON-RPC method(s), or "GET /api/route/:param" for REST and JSON:API. */
  operation: string
  status: number
  durationMs: number
  faults?: string[]
  userId?: string
  userName?: string
  deviceId?: string
  /** Why the box made the call (its X-Kanal-Reason header), when it said so in the allowed form. */
  reason?: string
}

export type NewLoggedRequest = Omit<LoggedRequest, 'id'>

const CAPACITY = 2000

/** The last requests to /api, oldest first, in a bounded ring; each new entry is told to `onAdd`. */
export class RequestLog {
  private entries: LoggedRequest[] = []
  private nextId = 1

  constructor(private readonly onAdd: (entry: LoggedRequest) => void = () => undefined) {}

  add(input: NewLoggedRequest): LoggedRequest {
    const entry: LoggedRequest = { id: this.nextId, ...input }
    this.nextId += 1
    this.entries.push(entry)
    if (this.entries.length > CAPACITY) this.entries.splice(0, this.entries.length - CAPACITY)
    this.onAdd(entry)
    return entry
  }

  list(limit = CAPACITY): LoggedRequest[] {
    return this.entries.slice(-limit)
  }

  clear(): void {
    this.entries = []
  }
}
