import { BehaviorSubject, Observable } from 'rxjs'
import type { Channel } from '../../domain/channels'
import type { Logger } from '../../platform/log'
import type { KeyValueStore } from '../storage/keyValueStore'

export type ChannelNames = ReadonlyMap<string, string>

export interface ChannelNamesOptions {
  load: () => Promise<readonly Channel[]>
  storage: KeyValueStore
  log: Logger
}

export interface ChannelNamesStore {
  names$: Observable<ChannelNames>
  /** Loads the lineup once (the saved names show meanwhile); a failure is retried next time. */
  ensure(): void
}

const KEY = 'recordings:channel-names'

const revive = (raw: unknown): Map<string, string> => {
  const out = new Map<string, string>()
  if (typeof raw !== 'object' || raw === null) return out
  for (const [id, name] of Object.entries(raw)) if (typeof name === 'string') out.set(id, name)
  return out
}

/**
 * Channel names for the recordings list, which names channels by id only. The lineup changes
 * seldom: the names are saved, so that a restart without the operator still shows them.
 */
export const createChannelNames = (options: ChannelNamesOptions): ChannelNamesStore => {
  const names = new BehaviorSubject<ChannelNames>(new Map())
  let state: 'idle' | 'loading' | 'done' = 'idle'
  options.storage
    .getItem(KEY)
    .then((raw) => {
      if (names.value.size === 0) names.next(revive(raw))
    })
    .catch(() => undefined)
  return {
    names$: names.asObservable(),
    ensure() {
      if (state !== 'idle') return
      state = 'loading'
      options.load().then(
        (channels) => {
          state = 'done'
          const map = new Map(channels.map((c) => [c.id, c.name]))
          names.next(map)
          options.storage.setItem(KEY, Object.fromEntries(map)).catch(() => undefined)
        },
        (error: unknown) => {
          state = 'idle'
          options.log.warn('channel names: not loaded; showing the saved ones', error)
        },
      )
    },
  }
}
