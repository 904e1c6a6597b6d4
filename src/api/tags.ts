import * as v from 'valibot'
import type { UserTag, WatchEntry, WatchKind } from '../domain/tags'
import type { ApiLogger } from './logger'
import type { EnvelopeCall } from './envelope'
import type { CallOptions } from './transport'
import { anyList, bool, enumOrUnknown, id, num, parseDocument, parseItems, text } from './validate'

const tagSchema = v.pipe(
  v.looseObject({
    ItemType: v.literal('Channel'),
    ItemID: id,
    Tag: v.pipe(v.string(), v.minLength(1)),
    AddedAt: v.nullish(num, null),
  }),
  v.transform((t): UserTag => ({ itemType: t.ItemType, itemId: t.ItemID, tag: t.Tag, addedAt: t.AddedAt })),
)

const tagResultSchema = v.pipe(
  v.looseObject({ ItemID: id, Tag: v.string(), Tagged: bool, AddedAt: v.nullish(num, null) }),
  v.transform((t) => ({ itemId: t.ItemID, tag: t.Tag, tagged: t.Tagged, addedAt: t.AddedAt })),
)

const KINDS: readonly WatchKind[] = ['live', 'startover', 'catchup', 'recording']

const entrySchema = v.pipe(
  v.looseObject({
    ID: id,
    Kind: enumOrUnknown(KINDS),
    ChannelID: v.nullish(id),
    ProgrammeID: v.nullish(id),
    RecordingID: v.nullish(id),
    Title: text,
    WatchedAt: num,
  }),
  v.transform(
    (e): WatchEntry => ({
      id: e.ID,
      kind: e.Kind,
      ...(e.ChannelID != null ? { channelId: e.ChannelID } : {}),
      ...(e.ProgrammeID != null ? { programmeId: e.ProgrammeID } : {}),
      ...(e.RecordingID != null ? { recordingId: e.RecordingID } : {}),
      title: e.Title,
      watchedAt: e.WatchedAt,
    }),
  ),
)

const tagsDocument = v.looseObject({ Tags: anyList })
const historyDocument = v.looseObject({ Entries: anyList })
const removedDocument = v.looseObject({ Removed: num })

/** What TagItem answers: whether the item is tagged now, and since when. */
export interface TagResult {
  itemId: string
  tag: string
  tagged: boolean
  addedAt: number | null
}

/**
 * The user's tags and watch history (Kanal's own envelope methods, versioned by the Tags stamp).
 * TagItem and RemoveUserWatchHistory are idempotent on the operator (tagging twice keeps the
 * first time, removing what is gone is no error... except an unknown history id), so the tag
 * call is retried; removing history is not, as a retried "remove all" could hide a new entry.
 */
export const tagMethods = (call: EnvelopeCall, logger: ApiLogger) => ({
  getUserTags: (options: CallOptions = {}): Promise<UserTag[]> =>
    call(
      'GetUserTags',
      {},
      (c) =>
        parseItems(
          tagSchema,
          parseDocument(tagsDocument, c, 'GetUserTags Content').Tags,
          'GetUserTags',
          logger,
        ),
      { ...options, idempotent: true },
    ),

  tagItem: (
    request: { itemId: string; tag: string; remove: boolean },
    options: CallOptions = {},
  ): Promise<TagResult> =>
    call(
      'TagItem',
      {
        ItemType: 'Channel',
        ItemID: request.itemId,
        Tag: request.tag,
        ...(request.remove ? { Remove: true } : {}),
      },
      (c) => parseDocument(tagResultSchema, c, 'TagItem Content'),
      { ...options, idempotent: true },
    ),

  getUserWatchHistory: (count?: number, options: CallOptions = {}): Promise<WatchEntry[]> =>
    call(
      'GetUserWatchHistory',
      count !== undefined ? { Count: count } : {},
      (c) =>
        parseItems(
          entrySchema,
          parseDocument(historyDocument, c, 'GetUserWatchHistory Content').Entries,
          'GetUserWatchHistory',
          logger,
        ),
      { ...options, idempotent: true },
    ),

  /** One entry by id, or the whole history without one; resolves with how many went. */
  removeUserWatchHistory: (entryId?: string, options: CallOptions = {}): Promise<number> =>
    call(
      'RemoveUserWatchHistory',
      entryId !== undefined ? { ID: entryId } : {},
      (c) => parseDocument(removedDocument, c, 'RemoveUserWatchHistory Content').Removed,
      { ...options, idempotent: false },
    ),
})
