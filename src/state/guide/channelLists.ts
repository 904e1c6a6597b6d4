import {
  BehaviorSubject,
  Observable,
  combineLatest,
  distinctUntilChanged,
  map,
  of,
  shareReplay,
  switchMap,
} from 'rxjs'
import type { Channel } from '../../domain/channels'
import {
  ALL_CHANNELS,
  channelsInList,
  listId,
  listOfId,
  listOffered,
  listsOf,
  type ChannelList,
} from '../../domain/channelLists'
import { favouriteIds, recentChannelIds } from '../../domain/tags'
import type { Logger } from '../../platform/log'
import type { LineupState } from '../lineup/lineupStore'
import type { KeyValueStore } from '../storage/keyValueStore'
import type { UserState } from '../user/userState'

/** What the guide shows of the chosen list. */
export interface ChannelListView {
  /** The list shown: the one chosen, or all channels when the lineup no longer offers it. */
  list: ChannelList
  /** Its channels, in the order the guide shows them. */
  channels: readonly Channel[]
  /** Every list the picker offers. */
  lists: readonly ChannelList[]
  /** The user's favourite channels (empty while signed out). */
  favourites: ReadonlySet<string>
  /** Whether the user's tags or history the list needs are known yet (a first start loads them). */
  ready: boolean
}

export interface ChannelListStore {
  view$: Observable<ChannelListView>
  readonly chosen: ChannelList
  /** The viewer's choice, kept on the box for the next start. */
  choose(list: ChannelList): void
  dispose(): void
}

export interface ChannelListStoreOptions {
  storage: KeyValueStore
  lineup$: Observable<LineupState>
  user$: Observable<UserState | undefined>
  locale: () => string | undefined
  log: Logger
}

const KEY = 'guide-channel-list'
const NO_IDS: ReadonlySet<string> = new Set()

const sameIds = (a: readonly Channel[], b: readonly Channel[]): boolean =>
  a.length === b.length && a.every((c, i) => c === b[i])

/**
 * The guide's channel lists: which one the viewer chose (kept on the box), and the channels it
 * holds from the lineup and the user's tags and watch history, both by the Tags stamp.
 */
export const createChannelListStore = (options: ChannelListStoreOptions): ChannelListStore => {
  const { storage, log } = options
  const chosen = new BehaviorSubject<ChannelList>(ALL_CHANNELS)
  let touched = false
  storage
    .getItem(KEY)
    .then((raw) => {
      const kept = listOfId(raw)
      // A choice made before storage answered wins over the kept one.
      if (kept !== undefined && !touched) chosen.next(kept)
    })
    .catch((error: unknown) => log.warn('guide: the kept channel list is unreadable', error))

  const userLists$ = options.user$.pipe(
    switchMap((user) =>
      user === undefined
        ? of({ favourites: NO_IDS, recent: [] as readonly string[], tagsKnown: true, historyKnown: true })
        : combineLatest([user.tags.state$, user.watchHistory.state$]).pipe(
            map(([tags, history]) => ({
              favourites: favouriteIds(tags.data ?? []),
              recent: recentChannelIds(history.data ?? []),
              // A failed or offline first load is known to be empty rather than loading forever.
              tagsKnown: tags.data !== undefined || tags.status === 'error' || tags.offline,
              historyKnown: history.data !== undefined || history.status === 'error' || history.offline,
            })),
          ),
    ),
  )

  let last: ChannelListView | undefined
  const view$ = combineLatest([options.lineup$, chosen.pipe(distinctUntilChanged()), userLists$]).pipe(
    map(([lineup, choice, user]): ChannelListView => {
      const list = lineup.channels.length === 0 ? choice : listOffered(choice, lineup.channels)
      const channels = channelsInList(list, lineup.channels, user.favourites, user.recent)
      const view: ChannelListView = {
        list,
        // The same channels keep the same array: the guide redraws only when the list changed.
        channels: last !== undefined && sameIds(last.channels, channels) ? last.channels : channels,
        lists: listsOf(lineup.channels, options.locale()),
        favourites: user.favourites,
        ready:
          list.kind === 'favourites' ? user.tagsKnown : list.kind === 'recent' ? user.historyKnown : true,
      }
      last = view
      return view
    }),
    shareReplay({ bufferSize: 1, refCount: true }),
  )

  return {
    view$,
    get chosen() {
      return chosen.value
    },
    choose(list) {
      touched = true
      chosen.next(list)
      storage.setItem(KEY, listId(list)).catch((error: unknown) => {
        // The choice holds for this run; the next start opens on all channels.
        log.warn('guide: the channel list choice could not be kept', error)
      })
    },
    dispose() {
      chosen.complete()
    },
  }
}
