import { Router } from '@lightningjs/sdk'
import { GuidePage } from './pages/GuidePage'
import { RecordingsPage } from './pages/RecordingsPage'
import { StorePage } from './pages/StorePage'
import { AccountPage } from './pages/AccountPage'
import { ProgrammePage } from './pages/ProgrammePage'
import { ProductPage } from './pages/ProductPage'
import { MyProductsPage } from './store/MyProductsPage'
import { PlayerPage } from './pages/PlayerPage'
import { SignInPage } from './pages/SignInPage'
import { SignedOutPage } from './account/SignedOutPage'
import { NotFoundPage } from './pages/NotFoundPage'
import { ErrorPage } from './pages/ErrorPage'

/** Every route of the app, in one place. `*` is not found, `!` is the error page. */
export const ROUTE = {
  guide: 'guide',
  recordings: 'recordings',
  store: 'store',
  account: 'account',
  programme: 'programme/:programmeId',
  /** A store product; `store/channel/:channelId` opens one that grants the channel. */
  product: 'store/product/:productId',
  productForChannel: 'store/channel/:channelId',
  /** The user's licences with their products (issue 8). */
  myProducts: 'store/mine',
  /** kind: live (id = channel), startover | catchup (id = programme), recording (id = recording). */
  play: 'play/:kind/:id',
  signIn: 'signin',
  /** Signed out by the app (reason: device-removed | session-ended), with the explanation. */
  signedOut: 'signedout/:reason',
} as const

/** Builds the hash of a route with parameters: routeTo(ROUTE.play, { kind: 'live', id: '7' }). */
export const routeTo = (route: string, params: Record<string, string>): string =>
  route.replace(/:(\w+)/g, (_, name: string) => encodeURIComponent(params[name] ?? ''))

export interface RouteHooks {
  /** Runs before the first page: sign-in, first data. A rejection shows the error page. */
  boot(): Promise<void>
  /** Told the active route after each navigation (the menu marks it). */
  afterEach(hash: string): void
}

const WITH_MENU: Array<keyof Router.WidgetContainer> = ['menu']

export const createRouterConfig = (hooks: RouteHooks): Router.Config => ({
  root: ROUTE.guide,
  // No `$` boot page: a page of its own costs a navigation before the first real one. Until
  // boot resolves the app's background shows; a rejected boot lands on the error page.
  boot: () => hooks.boot(),
  routes: [
    { path: ROUTE.guide, component: GuidePage, widgets: WITH_MENU },
    { path: ROUTE.recordings, component: RecordingsPage, widgets: WITH_MENU },
    { path: ROUTE.store, component: StorePage, widgets: WITH_MENU },
    { path: ROUTE.account, component: AccountPage, widgets: WITH_MENU },
    { path: ROUTE.programme, component: ProgrammePage, widgets: WITH_MENU },
    { path: ROUTE.product, component: ProductPage, widgets: WITH_MENU },
    { path: ROUTE.productForChannel, component: ProductPage, widgets: WITH_MENU },
    { path: ROUTE.myProducts, component: MyProductsPage, widgets: WITH_MENU },
    { path: ROUTE.play, component: PlayerPage },
    { path: ROUTE.signIn, component: SignInPage, widgets: WITH_MENU },
    { path: ROUTE.signedOut, component: SignedOutPage, widgets: WITH_MENU },
    { path: '*', component: NotFoundPage, widgets: WITH_MENU },
    { path: '!', component: ErrorPage, widgets: WITH_MENU },
  ],
  afterEachRoute: (request) => hooks.afterEach(request.hash),
})

/** The first path segment of a hash: "programme/12" -> "programme". */
export const sectionOf = (hash: string): string => hash.replace(/^#?\/?/, '').split(/[/?]/)[0] ?? ''
