import { Observable, SchedulerLike, combineLatest, map, of, switchMap } from 'rxjs'
import type { Api } from '../../api'
import type { Channel } from '../../domain/channels'
import { DEFAULT_EXPIRES_SOON_DAYS } from '../../domain/licences'
import type { Product } from '../../domain/products'
import type { Service } from '../../domain/services'
import type { Logger } from '../../platform/log'
import type { ResourceState } from '../cache/stampedResource'
import { reviveList } from '../cache/revivers'
import type { OperatorClock } from '../clock/operatorClock'
import type { KeyValueStore } from '../storage/keyValueStore'
import type { Rights } from '../user/ports'
import type { UserState } from '../user/userState'
import { createPurchaseFlow, type PurchaseFlow } from './purchaseFlow'
import { createSavedList, type SavedList } from './savedList'
import { modelOf, type StoreModel } from './storeView'

export interface StoreOptions {
  api: Api
  /** Runs a call with the session's token, renewed once if it ended. */
  authorised: <T>(call: () => Promise<T>) => Promise<T>
  user$: Observable<UserState | undefined>
  user: () => UserState | undefined
  userId: () => string | undefined
  storage: KeyValueStore
  scheduler: SchedulerLike
  clock: OperatorClock
  log: Logger
  expiresSoonDays?: number
}

export interface Store {
  /** The store screens' data, again each second (dates and "days left" follow the clock). */
  model$: Observable<StoreModel>
  purchase: PurchaseFlow
  /** A store screen opened: load the catalogue and lineup again, look at the user's stamps. */
  open(): void
}

interface UserSide {
  signedIn: boolean
  rights: ResourceState<Rights> | undefined
  services: ResourceState<readonly Service[]> | undefined
}

/**
 * The store: the catalogue (document 003) and the lineup, the same for every user,
 * saved for a start without the operator; the user's licences and subscriptions from the
 * user's stores (Rights and Services stamps); and the purchase flow, which makes the user's
 * stores look at the stamps after each order so that the guide's locks update at once.
 */
export const createStore = (options: StoreOptions): Store => {
  const { api, authorised, log } = options
  const catalogue: SavedList<Product> = createSavedList<Product>({
    key: 'store:catalogue',
    load: () => authorised(() => api.catalog.getProducts()),
    revive: reviveList<Product>({ id: 'string', title: 'string', type: 'string', channels: 'object' }),
    storage: options.storage,
    log,
  })
  const lineup: SavedList<Channel> = createSavedList<Channel>({
    key: 'store:lineup',
    load: () => authorised(() => api.envelope.getChannels()),
    revive: reviveList<Channel>({ id: 'string', name: 'string', number: 'number' }),
    storage: options.storage,
    log,
  })

  const purchase = createPurchaseFlow({
    ports: () => {
      const userId = options.userId()
      if (userId === undefined || options.user() === undefined) return undefined
      return {
        purchase: (order) => authorised(() => api.envelope.purchase(order)),
        getLicence: (licenceId) => authorised(() => api.catalog.getLicence(userId, licenceId)),
      }
    },
    pinState: () => options.user()?.pins.current.data,
    afterPurchase: () => options.user()?.check('write'),
    scheduler: options.scheduler,
    nowSeconds: options.clock.nowSeconds,
    log,
  })

  const userSide$: Observable<UserSide> = options.user$.pipe(
    switchMap((user) =>
      user === undefined
        ? of<UserSide>({ signedIn: false, rights: undefined, services: undefined })
        : combineLatest([user.rights.state$, user.services.state$]).pipe(
            map(([rights, services]): UserSide => ({ signedIn: true, rights, services })),
          ),
    ),
  )

  const model$ = combineLatest([userSide$, catalogue.state$, lineup.state$, options.clock.ticks(1000)]).pipe(
    map(([side, products, channels, nowMs]) => {
      const rights = side.rights?.data
      const items = products.items ?? (rights && rights.products.length > 0 ? rights.products : undefined)
      const loading =
        (items === undefined && products.loading) ||
        (side.signedIn && rights === undefined && side.rights?.status !== 'error')
      return modelOf({
        signedIn: side.signedIn,
        products: items,
        licences: rights?.licences ?? [],
        services: side.services?.data ?? [],
        channels: new Map((channels.items ?? []).map((c) => [c.id, c])),
        now: Math.floor(nowMs / 1000),
        loading,
        offline:
          (products.failed && items === undefined) ||
          side.rights?.offline === true ||
          side.services?.offline === true,
        fetchedAt: side.rights?.fetchedAt,
        expiresSoonDays: options.expiresSoonDays ?? DEFAULT_EXPIRES_SOON_DAYS,
      })
    }),
  )

  return {
    model$,
    purchase,
    open() {
      catalogue.refresh()
      if (lineup.current.items === undefined || lineup.current.failed) lineup.refresh()
      options.user()?.check('user-action')
    },
  }
}
