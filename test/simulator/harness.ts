import os from 'node:os'
import { createSimulator, type Simulator } from '../../simulator/src/server'
import type { SimulatorConfig } from '../../simulator/src/config'

/** 2025-06-15 15:06:40 UTC: every test runs on the same frozen simulator clock. */
export const T0 = 1_750_000_000

export type Json = Record<string, unknown>

export const startSimulator = (overrides: Partial<SimulatorConfig> = {}): Simulator =>
  createSimulator({
    host: '127.0.0.1',
    port: 0,
    appDir: os.tmpdir(),
    dbPath: ':memory:',
    settingsOverride: {},
    logRequests: false,
    clock: { start: T0, speed: 0 },
    ...overrides,
  })

export interface Res {
  statusCode: number
  headers: Record<string, string>
  body: string
  rawPayload: Buffer
  json<T = Json>(): T
}

export interface RequestOptions {
  method: 'GET' | 'POST' | 'DELETE'
  url: string
  token?: string
  /** Sent as JSON; a string is sent as it is. */
  payload?: unknown
}

/**
 * A thin client over real HTTP to the listening simulator (light-my-request's inject cannot be
 * loaded by this Jest setup). Each helper returns the parsed body or the response.
 */
export class Client {
  private base = ''

  constructor(readonly sim: Simulator) {}

  /** Starts listening; must run before any request. */
  async start(): Promise<this> {
    await this.sim.listen()
    const address = this.sim.app.server.address()
    if (address === null || typeof address === 'string') throw new Error('no TCP address')
    const host = address.address === '0.0.0.0' || address.address === '::' ? '127.0.0.1' : address.address
    this.base = `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`
    return this
  }

  get port(): number {
    return Number(new URL(this.base).port)
  }

  url(path: string): string {
    return `${this.base}${path}`
  }

  async request(o: RequestOptions): Promise<Res> {
    const headers: Record<string, string> = {}
    if (o.token !== undefined) headers.authorization = `Bearer ${o.token}`
    let body: string | undefined
    if (o.payload !== undefined) {
      headers['content-type'] = 'application/json'
      body = typeof o.payload === 'string' ? o.payload : JSON.stringify(o.payload)
    }
    const res = await fetch(this.url(o.url), {
      method: o.method,
      headers,
      ...(body !== undefined ? { body } : {}),
    })
    const rawPayload = Buffer.from(await res.arrayBuffer())
    const text = rawPayload.toString('utf8')
    return {
      statusCode: res.status,
      headers: Object.fromEntries(res.headers.entries()),
      body: text,
      rawPayload,
      json: <T>() => JSON.parse(text) as T,
    }
  }

  /** An envelope method (document 000's style): always HTTP 200. */
  async call(
    method: string,
    body: Json = {},
    token?: string,
  ): Promise<Json & { StatusCode: number; Content: unknown }> {
    const res = await this.request({
      method: 'POST',
      url: `/api/${method}`,
      payload: body,
      ...(token ? { token } : {}),
    })
    expect(res.statusCode).toBe(200)
    return res.json()
  }

  /** The Content of an envelope call that must succeed. */
  async content<T = Json>(method: string, body: Json = {}, token?: string): Promise<T> {
    const out = await this.call(method, body, token)
    if (out.StatusCode !== 0) throw new Error(`${method} failed: ${JSON.stringify(out)}`)
    return out.Content as T
  }

  async login(username: string, deviceId = `${username}-test-device`): Promise<string> {
    const c = await this.content<{ token: string }>('Login', { username, password: username, deviceId })
    return c.token
  }

  async get(url: string, token?: string): Promise<Res> {
    return this.request({ method: 'GET', url, ...(token ? { token } : {}) })
  }

  async post(url: string, body: unknown, token?: string): Promise<Res> {
    return this.request({ method: 'POST', url, payload: body, ...(token ? { token } : {}) })
  }

  /** A QA control, from loopback. */
  async qa<T = Json>(method: 'GET' | 'POST' | 'DELETE', path: string, body?: Json): Promise<T> {
    const res = await this.request({ method, url: `/qa${path}`, ...(body ? { payload: body } : {}) })
    if (res.statusCode >= 300) throw new Error(`QA ${method} ${path}: ${res.statusCode} ${res.body}`)
    return res.json()
  }

  async stamps(token: string): Promise<Stamps> {
    return this.content('GetUserTimestamps', {}, token)
  }

  async advance(seconds: number): Promise<void> {
    await this.qa('POST', '/clock', { advance: seconds })
  }
}

export type Stamps = Record<'Pins' | 'Recordings' | 'Rights' | 'Services' | 'Tags', number>

/**
 * Reads the QA clock until it shows more than `after` (the clock runs at a QA speed): a wait on
 * the operator's own time instead of a sleep of the test's. Throws after `timeoutMs` real time.
 */
export const clockPasses = async (client: Client, after: number, timeoutMs = 10_000): Promise<void> => {
  const deadline = Date.now() + timeoutMs
  while ((await client.qa<{ now: number }>('GET', '/clock')).now <= after) {
    if (Date.now() > deadline) throw new Error(`the QA clock did not pass ${after} within ${timeoutMs} ms`)
  }
}

/** A simulator listening on loopback with a client for it. */
export const startClient = async (overrides: Partial<SimulatorConfig> = {}): Promise<Client> =>
  new Client(startSimulator(overrides)).start()

/** The sorted keys of an object, to compare shapes. */
export const keys = (o: unknown): string[] => Object.keys(o as Json).sort()
