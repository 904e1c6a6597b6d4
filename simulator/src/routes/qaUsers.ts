import type { FastifyInstance } from 'fastify'
import { isRecord, type Api } from '../http/api'
import { syncUser } from '../model/sync'
import { readStamps } from '../model/stamps'
import type { Role } from '../model/users'
import { failWith } from '../qa/reply'
import { userNamed } from '../qa/users'

interface UserListRow {
  id: string
  username: string
  name: string
  role: Role
  customer_id: string | null
}

/** The QA console's view of the accounts: who exists, their stamps, their PIN lock. */
export const registerQaUsers = (qa: FastifyInstance, api: Api): void => {
  const sim = api.sim

  qa.get('/users', async () => ({
    users: sim.db
      .prepare<[], UserListRow>('SELECT id, username, name, role, customer_id FROM users ORDER BY id')
      .all()
      .map((u) => ({
        id: u.id,
        name: u.name,
        role: u.role,
        customerId: u.customer_id,
        username: u.username,
      })),
  }))

  // What GetUserTimestamps would answer that user: its data brought up to the clock first.
  qa.get('/stamps', async (req, reply) => {
    const query = req.query as Record<string, unknown>
    try {
      const user = userNamed(sim, query.userId)
      syncUser(sim, user)
      return { userId: user.id, stamps: readStamps(sim, user.id) }
    } catch (e) {
      return failWith(reply, e)
    }
  })

  // Clears the wrong-PIN count and the lock, and the doubling of the next lock's length.
  qa.post('/pin-lockout/reset', async (req, reply) => {
    try {
      const user = userNamed(sim, isRecord(req.body) ? req.body.userId : undefined)
      sim.db
        .prepare('UPDATE users SET pin_failed = 0, pin_lock_count = 0, pin_locked_until = NULL WHERE id = ?')
        .run(user.id)
      return { ok: true, userId: user.id }
    } catch (e) {
      return failWith(reply, e)
    }
  })
}
