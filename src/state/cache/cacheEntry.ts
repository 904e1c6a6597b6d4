/**
 * One cached value as stored: the data, the stamp it was fetched under and when. The whole
 * entry is one record, so a write leaves either the old entry or the new one, never half.
 */
export interface CacheEntry<T> {
  format: typeof ENTRY_FORMAT
  schema: number
  stamp: number
  /** Milliseconds since the epoch, shown to the user as "updated at" when offline. */
  fetchedAt: number
  data: T
}

/** The envelope's own version; `schema` is the version of what a store keeps inside it. */
export const ENTRY_FORMAT = 1

export type ReadResult<T> =
  | { kind: 'hit'; entry: CacheEntry<T> }
  | { kind: 'missing' }
  | { kind: 'stale-schema'; schema: unknown }
  | { kind: 'corrupt'; reason: string }

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null

/**
 * Reads what storage returned. Anything but a well-formed entry of the current schema is a
 * miss; `revive` checks the data itself and returns undefined when it does not hold.
 */
export const readEntry = <T>(
  raw: unknown,
  schema: number,
  revive: (data: unknown) => T | undefined,
): ReadResult<T> => {
  if (raw === null || raw === undefined) return { kind: 'missing' }
  if (!isRecord(raw) || raw.format !== ENTRY_FORMAT) return { kind: 'corrupt', reason: 'not a cache entry' }
  if (raw.schema !== schema) return { kind: 'stale-schema', schema: raw.schema }
  const { stamp, fetchedAt } = raw
  if (typeof stamp !== 'number' || !Number.isFinite(stamp)) return { kind: 'corrupt', reason: 'no stamp' }
  if (typeof fetchedAt !== 'number' || !Number.isFinite(fetchedAt))
    return { kind: 'corrupt', reason: 'no fetch time' }
  const data = revive(raw.data)
  if (data === undefined) return { kind: 'corrupt', reason: 'data does not hold' }
  return { kind: 'hit', entry: { format: ENTRY_FORMAT, schema, stamp, fetchedAt, data } }
}

export const makeEntry = <T>(schema: number, stamp: number, fetchedAt: number, data: T): CacheEntry<T> => ({
  format: ENTRY_FORMAT,
  schema,
  stamp,
  fetchedAt,
  data,
})
