import type { Simulator } from '../../../../simulator/src/server'
import { startSimulator as startServer } from '../../../simulator/harness'

/** 2026-01-01T00:00:00Z, frozen: the simulator clock does not move unless a test moves it. */
export const SIM_START = 1767225600

export interface RunningSimulator {
  url: string
  sim: Simulator
  close(): Promise<void>
  /** Calls a QA control (loopback only) and returns its JSON. */
  qa(method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown): Promise<unknown>
  /** Signs a demo user in directly (not through the client under test) and returns the token. */
  tokenFor(username: string): Promise<string>
}

export const startSimulator = async (): Promise<RunningSimulator> => {
  const sim = startServer({ clock: { start: SIM_START, speed: 0 } })
  const url = await sim.listen()
  const qa = async (method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown): Promise<unknown> => {
    const res = await fetch(`${url}qa/${path}`, {
      method,
      ...(body !== undefined
        ? { headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) }
        : {}),
    })
    if (res.status >= 400) throw new Error(`QA ${path}: HTTP ${res.status} ${await res.text()}`)
    return res.json() as Promise<unknown>
  }
  const tokenFor = async (username: string): Promise<string> => {
    const res = await fetch(`${url}api/Login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username, password: username, deviceId: `test-${username}` }),
    })
    const body = (await res.json()) as { Content: { token: string } }
    return body.Content.token
  }
  return { url, sim, close: () => sim.close(), qa, tokenFor }
}

/** The number of requests to `path` the simulator has logged. */
export const requestsTo = async (s: RunningSimulator, path: string): Promise<number> => {
  const log = (await s.qa('GET', 'requests')) as { requests: { path: string }[] }
  return log.requests.filter((r) => r.path === path).length
}
