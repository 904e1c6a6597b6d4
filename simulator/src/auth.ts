import type { Sim } from './model/context'
import { SimError } from './model/context'
import { getUser, userByUsername, type UserRow } from './model/users'
import { registerDevice, type DeviceInfo } from './model/devices'
import { hashToken, newToken, verifySecret } from './model/secrets'
import {
  checkLoginLock,
  clearLoginFailures,
  loginLockedError,
  recordLoginFailure,
} from './model/loginThrottle'

/** Who is calling: a logged-in user, or an anonymous device (user undefined). */
export interface Session {
  tokenHash: string
  deviceId: string
  expiresAt: number
  user?: UserRow
}

interface SessionRow {
  token_hash: string
  user_id: string | null
  device_id: string
  expires_at: number
}

const createSession = (
  sim: Sim,
  userId: string | null,
  deviceId: string,
): { token: string; expiresAt: number } => {
  const token = newToken()
  const now = sim.clock.now()
  const expiresAt = now + sim.config.sessionSeconds
  sim.db
    .prepare(
      'INSERT INTO sessions (token_hash, user_id, device_id, created_at, expires_at) VALUES (?, ?, ?, ?, ?)',
    )
    .run(hashToken(token), userId, deviceId, now, expiresAt)
  return { token, expiresAt }
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * Signs a user in from a client address. Wrong passwords are throttled (model/loginThrottle):
 * while the name or the address is locked even the right password is refused. The password is
 * only ever compared, never stored or logged.
 */
export const login = async (
  sim: Sim,
  username: string,
  password: string,
  device: DeviceInfo,
  address: string,
): Promise<{ token: string; expiresAt: number; user: UserRow }> => {
  checkLoginLock(sim, username, address)
  const user = userByUsername(sim, username)
  if (!user || !verifySecret(password, user.password_hash)) {
    const { lockedUntil, delayMs } = recordLoginFailure(sim, username, address)
    if (lockedUntil !== undefined) throw loginLockedError(lockedUntil)
    // Real time, not the simulator clock: the point is to slow a guessing loop down, and a
    // frozen QA clock must not hang the answer.
    if (delayMs > 0) await sleep(delayMs)
    throw new SimError('auth', 'Wrong username or password')
  }
  clearLoginFailures(sim, username)
  return sim.db.transaction(() => {
    registerDevice(sim, user.id, device)
    return { ...createSession(sim, user.id, device.deviceId), user }
  })()
}

export const loginAnonymous = (sim: Sim, deviceId: string): { token: string; expiresAt: number } =>
  createSession(sim, null, deviceId)

export const logout = (sim: Sim, session: Session): void => {
  sim.db.prepare('DELETE FROM sessions WHERE token_hash = ?').run(session.tokenHash)
}

/** The session a token opens, or undefined when it is unknown or expired (by the simulator clock). */
export const resolveToken = (sim: Sim, token: string): Session | undefined => {
  const tokenHash = hashToken(token)
  const row = sim.db
    .prepare<
      [string],
      SessionRow
    >('SELECT token_hash, user_id, device_id, expires_at FROM sessions WHERE token_hash = ?')
    .get(tokenHash)
  if (!row || row.expires_at <= sim.clock.now()) return undefined
  if (row.user_id === null) return { tokenHash, deviceId: row.device_id, expiresAt: row.expires_at }
  const user = getUser(sim, row.user_id)
  if (!user) return undefined
  return { tokenHash, deviceId: row.device_id, expiresAt: row.expires_at, user }
}
