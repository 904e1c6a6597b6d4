import { isRecord } from '../http/api'
import { SimError, type Sim } from '../model/context'
import { findUser } from '../model/users'

/** What a clock jump aimed at: the recording or programme whose start it went to. */
export interface ClockTarget {
  kind: 'recording' | 'programme'
  id: string
  title: string
  /** Its start, Unix seconds. */
  at: number
  channelId: string
}

export const CLOCK_TARGETS = ['next-recording-start', 'next-programme-boundary'] as const

interface Row {
  id: number
  title: string
  start: number
  channel_id: string
}

const targetOf = (kind: ClockTarget['kind'], row: Row): ClockTarget => ({
  kind,
  id: String(row.id),
  title: row.title,
  at: row.start,
  channelId: row.channel_id,
})

const DEFAULT_BEFORE_SECONDS = 10

/**
 * Reads a `{"to": ...}` clock body: where to set the clock and why. A recording is reached
 * `before` seconds ahead of its start (to watch it begin); a programme boundary exactly. The
 * clock is never moved back by it. Throws SimError: invalid for a bad body, notFound for none.
 */
export const clockTarget = (sim: Sim, body: unknown): { setTo: number; target: ClockTarget } => {
  if (!isRecord(body)) throw new SimError('invalid', 'the body must be a JSON object')
  const now = sim.clock.now()
  const { to } = body
  if (to === 'next-recording-start') {
    const { userId, before } = body
    if (userId !== undefined && (typeof userId !== 'string' || userId === ''))
      throw new SimError('invalid', 'userId must be a user id or username')
    if (before !== undefined && (typeof before !== 'number' || !Number.isFinite(before) || before < 0))
      throw new SimError('invalid', 'before must be a number of seconds >= 0')
    const user = userId === undefined ? undefined : findUser(sim, userId)
    if (userId !== undefined && !user) throw new SimError('invalid', `userId ${userId} names no user`)
    const row = sim.db
      .prepare<[number, string | null, string | null], Row>(
        `SELECT id, title, start, channel_id FROM recordings
         WHERE start > ? AND failed = 0 AND (? IS NULL OR user_id = ?) ORDER BY start, id LIMIT 1`,
      )
      .get(now, user?.id ?? null, user?.id ?? null)
    if (!row) throw new SimError('notFound', 'No scheduled recording starts after now')
    const target = targetOf('recording', row)
    return { setTo: Math.max(now, target.at - (before ?? DEFAULT_BEFORE_SECONDS)), target }
  }
  if (to === 'next-programme-boundary') {
    const { channelId } = body
    if (channelId !== undefined && (typeof channelId !== 'string' || channelId === ''))
      throw new SimError('invalid', 'channelId must be a channel id')
    if (
      channelId !== undefined &&
      !sim.db.prepare<[string], { id: string }>('SELECT id FROM channels WHERE id = ?').get(channelId)
    )
      throw new SimError('invalid', `channelId ${channelId} names no channel`)
    // Two statements, so that the one for a channel uses the (channel_id, start) index.
    const select = 'SELECT id, title, start, channel_id FROM programmes'
    const row =
      channelId === undefined
        ? sim.db.prepare<[number], Row>(`${select} WHERE start > ? ORDER BY start, id LIMIT 1`).get(now)
        : sim.db
            .prepare<
              [string, number],
              Row
            >(`${select} WHERE channel_id = ? AND start > ? ORDER BY start, id LIMIT 1`)
            .get(channelId, now)
    if (!row) throw new SimError('notFound', 'No programme starts after now')
    const target = targetOf('programme', row)
    return { setTo: target.at, target }
  }
  throw new SimError('invalid', `to must be one of ${CLOCK_TARGETS.join(', ')}`)
}
