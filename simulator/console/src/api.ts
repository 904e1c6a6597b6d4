/** The QA controls under /qa (docs/API.md), as the console calls them: same origin, JSON or XML. */

export interface LogEntry {
  id: number
  /** Operator time, Unix seconds. */
  at: number
  method: string
  path: string
  /** HTTP status; 0 when the connection was dropped. */
  status: number
  durationMs: number
  faults?: string[]
  operation?: string
  userId?: string
  userName?: string
  deviceId?: string
  /** Why the box asked: start, schedule, retry, screen, write, online, visible. */
  reason?: string
}

export interface ClockState {
  now: number
  speed: number
}

export interface ClockTarget {
  kind: string
  id: string | number
  title: string
  at: number
  channelId?: string
}

export interface Fault {
  id: number
  route: string
  kind: string
  status?: number
  statusCode?: number
  latencyMs?: number
  /** Operator time (Unix seconds) a timed stream fault acts from. */
  at?: number
  rate: number
  remaining: number | null
}

export interface User {
  id: string
  name: string
  role: string
  customerId?: string | null
  username?: string
}

/** An anonymous session (or a device the user never registered) has no user or device name. */
export interface Session {
  id: string
  userId: string | null
  userName: string | null
  deviceId: string
  deviceName: string | null
  createdAt: number
  lastSeenAt: number
}

export type Stamps = Record<string, number>

export interface AnotherDeviceAnswer {
  ok: boolean
  result: unknown
  stamps: Stamps
  moved?: string[]
}

export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly body?: unknown,
  ) {
    super(message)
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)

/** Calls /qa/<path>; a refusal becomes an ApiError whose message is the server's own. */
export const qa = async <T>(
  method: string,
  path: string,
  body?: unknown,
  contentType?: string,
): Promise<T> => {
  const init: RequestInit = { method, headers: {} }
  if (body !== undefined) {
    const raw = typeof body === 'string' || body instanceof Blob
    init.body = raw ? body : JSON.stringify(body)
    init.headers = { 'content-type': contentType ?? (raw ? 'application/xml' : 'application/json') }
  }
  let response: Response
  try {
    response = await fetch(`/qa/${path}`, init)
  } catch (e) {
    throw new ApiError(`The simulator cannot be reached (${e instanceof Error ? e.message : String(e)})`, 0)
  }
  const text = await response.text()
  let json: unknown
  try {
    json = text === '' ? undefined : JSON.parse(text)
  } catch {
    json = undefined
  }
  if (!response.ok) {
    const message = isRecord(json) && typeof json.message === 'string' ? json.message : text.slice(0, 200)
    const code = isRecord(json) && typeof json.code === 'string' ? ` ${json.code}` : ''
    throw new ApiError(
      `${method} /qa/${path.split('?')[0]}: HTTP ${response.status}${code}: ${message}`,
      response.status,
      json,
    )
  }
  return json as T
}

export const post = <T>(path: string, body: unknown = {}): Promise<T> => qa<T>('POST', path, body)
export const get = <T>(path: string): Promise<T> => qa<T>('GET', path)
