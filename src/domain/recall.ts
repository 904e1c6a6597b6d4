/**
 * The previous-channel key (recall): the box keeps the channel on air and the one before it.
 * Tuning the same channel again (a restart, the guide's OK on the channel already playing)
 * changes nothing, so recall always goes to a different channel and pressed twice returns.
 */
export interface RecallPair {
  current?: string
  previous?: string
}

export const afterTuning = (pair: RecallPair, channelId: string): RecallPair => {
  if (pair.current === channelId) return pair
  return pair.current === undefined ? { current: channelId } : { current: channelId, previous: pair.current }
}

/** The channel the recall key tunes from `onAir` (what plays now, or the guide's last channel). */
export const recallTarget = (pair: RecallPair, onAir: string | undefined): string | undefined => {
  const from = onAir ?? pair.current
  if (from === pair.current) return pair.previous
  // Something else is on air than the box last noted: the noted one is the one before it.
  return pair.current
}

/** A kept pair read back; anything else is an empty pair. */
export const reviveRecall = (raw: unknown): RecallPair => {
  if (typeof raw !== 'object' || raw === null) return {}
  const { current, previous } = raw as Record<string, unknown>
  return {
    ...(typeof current === 'string' ? { current } : {}),
    ...(typeof previous === 'string' ? { previous } : {}),
  }
}
