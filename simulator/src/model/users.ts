import type { Sim } from './context'
import { recordChange } from './accountChanges'
import { initStamps } from './stamps'
import { hashSecret } from './secrets'

export type Role = 'customer' | 'reseller' | 'admin'

export interface UserRow {
  id: string
  username: string
  password_hash: string
  name: string
  role: Role
  customer_id: string | null
  reseller_id: string | null
  created_at: number
  pin_hash: string
  pin_enabled: number
  parental_enabled: number
  parental_max_rating: number
  pin_failed: number
  pin_locked_until: number | null
  pin_lock_count: number
}

export interface NewUser {
  id: string
  username: string
  password: string
  name: string
  role: Role
  customerId?: string
  resellerId?: string
  pin: string
  createdAt: number
}

export const createUser = (sim: Sim, u: NewUser): void => {
  sim.db
    .prepare(
      `INSERT INTO users (id, username, password_hash, name, role, customer_id, reseller_id, created_at, pin_hash)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      u.id,
      u.username,
      hashSecret(u.password),
      u.name,
      u.role,
      u.customerId ?? null,
      u.resellerId ?? null,
      u.createdAt,
      hashSecret(u.pin),
    )
  // Stamps start at "now", not at the account's creation, so that no cache expiry fires at once.
  initStamps(sim, u.id, sim.clock.now())
  recordChange(sim, u.id, 'USER_CREATED', undefined, u.createdAt)
}

export const getUser = (sim: Sim, userId: string): UserRow | undefined =>
  sim.db.prepare<[string], UserRow>('SELECT * FROM users WHERE id = ?').get(userId)

/** QA tools name users by id or by username. */
export const findUser = (sim: Sim, idOrName: string): UserRow | undefined =>
  sim.db
    .prepare<[string, string], UserRow>('SELECT * FROM users WHERE id = ? OR username = ?')
    .get(idOrName, idOrName)

export const userByUsername = (sim: Sim, username: string): UserRow | undefined =>
  sim.db.prepare<[string], UserRow>('SELECT * FROM users WHERE username = ?').get(username)

/** The customer's own user (one login per customer in this simulator). */
export const userOfCustomer = (sim: Sim, customerId: string): UserRow | undefined =>
  sim.db
    .prepare<
      [string],
      UserRow
    >("SELECT * FROM users WHERE customer_id = ? AND role = 'customer' ORDER BY id LIMIT 1")
    .get(customerId)
