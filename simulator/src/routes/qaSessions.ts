import type { FastifyInstance } from 'fastify'
import type { Api } from '../http/api'
import { fail } from '../qa/reply'

interface SessionListRow {
  rowid: number
  token_hash: string
  user_id: string | null
  user_name: string | null
  device_id: string
  device_name: string | null
  created_at: number
  expires_at: number
}

/**
 * The live sessions, each named by its row id: an opaque handle that is neither the token nor
 * its hash, so that nothing the console shows can be used to call the APIs.
 */
export const registerQaSessions = (qa: FastifyInstance, api: Api): void => {
  const sim = api.sim

  qa.get('/sessions', async () => {
    const rows = sim.db
      .prepare<[number], SessionListRow>(
        `SELECT s.rowid AS rowid, s.token_hash, s.user_id, u.name AS user_name, s.device_id,
                d.name AS device_name, s.created_at, s.expires_at
         FROM sessions s
         LEFT JOIN users u ON u.id = s.user_id
         LEFT JOIN devices d ON d.user_id = s.user_id AND d.device_id = s.device_id
         WHERE s.expires_at > ? ORDER BY s.created_at DESC, s.rowid DESC`,
      )
      .all(sim.clock.now())
    return {
      sessions: rows.map((r) => ({
        id: String(r.rowid),
        userId: r.user_id,
        userName: r.user_name,
        deviceId: r.device_id,
        deviceName: r.device_name,
        createdAt: r.created_at,
        lastSeenAt: api.lastSeen.get(r.token_hash) ?? r.created_at,
        expiresAt: r.expires_at,
      })),
    }
  })

  // Ends the session: the box's next call meets "authentication required", as after an expiry.
  qa.delete<{ Params: { id: string } }>('/sessions/:id', async (req, reply) => {
    const { id } = req.params
    if (!/^[1-9]\d{0,15}$/.test(id))
      return fail(reply, 400, 'invalid', 'id must be a session id from GET /qa/sessions')
    const row = sim.db
      .prepare<[number], { token_hash: string }>('SELECT token_hash FROM sessions WHERE rowid = ?')
      .get(Number(id))
    if (!row) return fail(reply, 404, 'notFound', `No session ${id}`)
    sim.db.prepare('DELETE FROM sessions WHERE rowid = ?').run(Number(id))
    api.lastSeen.delete(row.token_hash)
    return { ok: true, id }
  })
}
