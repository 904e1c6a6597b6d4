/**
 * The one rule every stamp-driven store follows (document 000): cached data is shown as it
 * is until the server's stamp for it differs from the stamp it was fetched under. Nothing
 * else (age, restarts, user actions) makes a fetch by itself.
 */

/** Bumped when the shape of what a store caches changes; older entries are refetched. */
export interface CachedStamp {
  stamp: number
  schema: number
}

export const needsFetch = (
  cached: CachedStamp | undefined,
  serverStamp: number | undefined,
  schema: number,
): boolean => {
  if (cached === undefined || cached.schema !== schema) return true
  // No stamp for this store yet (first poll not answered): the cache stands until one comes.
  if (serverStamp === undefined) return false
  return cached.stamp !== serverStamp
}
