import { Observable, SchedulerLike, combineLatest, map, of, switchMap } from 'rxjs'
import type { Api } from '../../api'
import { DEFAULT_EXPIRES_SOON_DAYS } from '../../domain/licences'
import type { Product } from '../../domain/products'
import type { Service } from '../../domain/services'
import type { Logger } from '../../platform/log'
import type { ResourceState } from '../cache/stampedResource'
import { reviveList } from '../cache/revivers'
import type { OperatorClock } from '../clock/operatorClock'
import type { LineupStore } from '../lineup/lineupStore'
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
  /** The app's one lineup: the product pages name their channels from it. */
  lineup: LineupStore
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
  /** A store screen opened: load the catalogue again, the lineup by its rule, look at the user's stamps. */
  open(): void
  /** Stops a purchase's licence polling and the catalogue's load, and ends the streams (the app closes). */
  dispose(): void
}

interface UserSide {
  signedIn: boolean
  rights: ResourceState<Rights> | undefined
  services: ResourceState<readonly Service[]> | undefined
}

/**
 * The store: the catalogue (document 003), the same for every user, saved for a start
 * without the operator, and the app's lineup (state/lineup); the user's licences and subscriptions from the
 * user's stores (Rights and Services stamps); and the purchase flow, which makes the user's
 * stores look at the stamps after each order so that the guide's locks update at once.
 */
export const createStore = (options: StoreOptions): Store => {
  const { api, authorised, log } = options
  const catalogue: SavedList<Product> = createSavedList<Product>({
    key: 'store:catalogue',
    load: (signal) => authorised(() => api.catalog.getProducts({ signal })),
    revive: reviveList<Product>({ id: 'string', title: 'string', type: 'string', channels: 'object' }),
    storage: options.storage,
    log,
  })
  const { lineup } = options

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
        channels: new Map(channels.channels.map((c) => [c.id, c])),
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
      void lineup.open()
      options.user()?.check('user-action')
    },
    dispose() {
      purchase.dispose()
      catalogue.dispose()
    },
  }
}
