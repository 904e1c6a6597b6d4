import type { Sim } from './context'
import { SimError } from './context'
import { bumpStamp } from './stamps'

export const TAG_ITEM_TYPES = ['Channel'] as const
export const TAGS = ['favourite'] as const
export type TagItemType = (typeof TAG_ITEM_TYPES)[number]
export type TagName = (typeof TAGS)[number]

/** A user's tags are a short list a box caches whole: this bounds it. */
export const MAX_TAGS_PER_USER = 500

export interface TagWire {
  ItemType: TagItemType
  ItemID: string
  Tag: TagName
  AddedAt: number
}

export interface TagItemWire {
  ItemType: TagItemType
  ItemID: string
  Tag: TagName
  Tagged: boolean
  AddedAt: number | null
}

export const isTagItemType = (v: unknown): v is TagItemType =>
  typeof v === 'string' && (TAG_ITEM_TYPES as readonly string[]).includes(v)
export const isTagName = (v: unknown): v is TagName =>
  typeof v === 'string' && (TAGS as readonly string[]).includes(v)

const addedAt = (sim: Sim, userId: string, type: TagItemType, itemId: string, tag: TagName) =>
  sim.db
    .prepare<
      [string, string, string, string],
      { added_at: number }
    >('SELECT added_at FROM user_tags WHERE user_id = ? AND item_type = ? AND item_id = ? AND tag = ?')
    .get(userId, type, itemId, tag)?.added_at

/**
 * Every channel of GetChannels is visible to every user (the simulator hides none: a channel
 * outside the user's products is listed, only not playable), so the one refusal is an id the
 * lineup does not have.
 */
const checkChannel = (sim: Sim, channelId: string): void => {
  const known = sim.db
    .prepare<[string], { id: string }>('SELECT id FROM channels WHERE id = ?')
    .get(channelId)
  if (!known) throw new SimError('notFound', `No channel ${channelId}`, { ItemID: channelId })
}

/**
 * TagItem: sets or removes one tag, idempotently (tagging again keeps the first AddedAt,
 * removing an absent tag is fine). Only a change moves the Tags stamp, which document 000 says
 * is the user-wide one.
 */
export const tagItem = (
  sim: Sim,
  userId: string,
  type: TagItemType,
  itemId: string,
  tag: TagName,
  remove: boolean,
): TagItemWire => {
  const out = (tagged: boolean, at: number | null): TagItemWire => ({
    ItemType: type,
    ItemID: itemId,
    Tag: tag,
    Tagged: tagged,
    AddedAt: at,
  })
  return sim.db.transaction((): TagItemWire => {
    const existing = addedAt(sim, userId, type, itemId, tag)
    // A tag already kept can always be removed, even once its channel has left the lineup.
    if (existing === undefined) checkChannel(sim, itemId)
    if (remove) {
      if (existing === undefined) return out(false, null)
      sim.db
        .prepare('DELETE FROM user_tags WHERE user_id = ? AND item_type = ? AND item_id = ? AND tag = ?')
        .run(userId, type, itemId, tag)
      bumpStamp(sim, userId, 'user')
      return out(false, null)
    }
    if (existing !== undefined) return out(true, existing)
    const count =
      sim.db
        .prepare<[string], { n: number }>('SELECT count(*) AS n FROM user_tags WHERE user_id = ?')
        .get(userId)?.n ?? 0
    if (count >= MAX_TAGS_PER_USER)
      throw new SimError('invalid', `At most ${MAX_TAGS_PER_USER} tags per user: remove one first`, {
        MaxTags: MAX_TAGS_PER_USER,
      })
    const now = sim.clock.now()
    sim.db
      .prepare('INSERT INTO user_tags (user_id, item_type, item_id, tag, added_at) VALUES (?, ?, ?, ?, ?)')
      .run(userId, type, itemId, tag, now)
    bumpStamp(sim, userId, 'user')
    return out(true, now)
  })()
}

/** GetUserTags: newest first (ties by item, so that the order is stable). */
export const listTags = (sim: Sim, userId: string): { Tags: TagWire[] } => ({
  Tags: sim.db
    .prepare<[string], { item_type: TagItemType; item_id: string; tag: TagName; added_at: number }>(
      `SELECT item_type, item_id, tag, added_at FROM user_tags WHERE user_id = ?
       ORDER BY added_at DESC, item_type, item_id, tag`,
    )
    .all(userId)
    .map((r) => ({ ItemType: r.item_type, ItemID: r.item_id, Tag: r.tag, AddedAt: r.added_at })),
})
