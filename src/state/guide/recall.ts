import { afterTuning, recallTarget, reviveRecall, type RecallPair } from '../../domain/recall'
import type { Logger } from '../../platform/log'
import type { KeyValueStore } from '../storage/keyValueStore'

/** The previous-channel key's memory: the channel on air and the one before, kept on the box. */
export interface RecallStore {
  /** A channel plays live. */
  tuned(channelId: string): void
  /** The channel recall goes to from `onAir` (the player's channel; the guide passes none). */
  target(onAir?: string): Promise<string | undefined>
}

const KEY = 'guide-recall'

export const createRecallStore = (storage: KeyValueStore, log: Logger): RecallStore => {
  let pair: RecallPair | undefined
  let writes: Promise<unknown> = Promise.resolve()
  const read = async (): Promise<RecallPair> => {
    if (pair === undefined) pair = reviveRecall(await storage.getItem(KEY).catch(() => null))
    return pair
  }
  return {
    tuned(channelId) {
      // In order: a quick zap after a start must not be lost to the first read.
      writes = writes
        .then(read)
        .then((before) => {
          pair = afterTuning(before, channelId)
          if (pair !== before) return storage.setItem(KEY, pair)
          return undefined
        })
        .catch((error: unknown) => log.warn('recall: the channel could not be kept', error))
    },
    async target(onAir) {
      await writes
      return recallTarget(await read(), onAir)
    },
  }
}
