/** One request as QA sees it: never a header, a body or a query string, so never a token. */
export interface LoggedRequest {
  at: number
  method: string
  path: string
  status: number
  durationMs: number
  faults?: string[]
}

const CAPACITY = 2000

/** The last requests to /api, oldest first, in a bounded ring. */
export class RequestLog {
  private entries: LoggedRequest[] = []

  add(entry: LoggedRequest): void {
    this.entries.push(entry)
    if (this.entries.length > CAPACITY) this.entries.splice(0, this.entries.length - CAPACITY)
  }

  list(limit = CAPACITY): LoggedRequest[] {
    return this.entries.slice(-limit)
  }

  clear(): void {
    this.entries = []
  }
}
