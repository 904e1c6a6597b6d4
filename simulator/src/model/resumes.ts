import type { Sim } from './context'
import { SimError } from './context'
import { bumpStamp } from './stamps'
import { LIMITS } from '../limits'

export interface ResumeWire {
  ContentID: string
  Position: number
  UpdatedAt: number
}

export const listResumes = (sim: Sim, userId: string): ResumeWire[] =>
  sim.db
    .prepare<
      [string],
      ResumeWire
    >('SELECT content_id AS ContentID, position AS Position, updated_at AS UpdatedAt FROM resumes WHERE user_id = ? ORDER BY updated_at DESC, content_id')
    .all(userId)

/**
 * Saves a resume point. Document 000 lists "Resumes - New resume info added" right after Tags,
 * and watch history is a Tags change (RemoveUserWatchHistory, model/watchHistory.ts); Kanal reads it as a Tags change,
 * so the user-wide stamp moves and Recordings does not.
 */
export const setResume = (sim: Sim, userId: string, contentId: unknown, position: unknown): ResumeWire => {
  if (typeof contentId !== 'string' || contentId === '' || contentId.length > LIMITS.idChars) {
    throw new SimError(
      'invalid',
      `ContentID must be a non-empty string of at most ${LIMITS.idChars} characters`,
    )
  }
  // A content id names no duration the simulator could check against: the bound is one that
  // no programme or recording reaches.
  if (
    typeof position !== 'number' ||
    !Number.isInteger(position) ||
    position < 0 ||
    position > LIMITS.resumeSeconds
  ) {
    throw new SimError('invalid', `Position must be a whole number of seconds in 0..${LIMITS.resumeSeconds}`)
  }
  const now = sim.clock.now()
  sim.db
    .prepare(
      `INSERT INTO resumes (user_id, content_id, position, updated_at) VALUES (?, ?, ?, ?)
       ON CONFLICT(user_id, content_id) DO UPDATE SET position = excluded.position, updated_at = excluded.updated_at`,
    )
    .run(userId, contentId, position, now)
  bumpStamp(sim, userId, 'user')
  return { ContentID: contentId, Position: position, UpdatedAt: now }
}
