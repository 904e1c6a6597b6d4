import { Router } from '@lightningjs/sdk'
import { ROUTE } from '../navigation'
import { GuidePage } from '../guide/GuidePage'
import { ProgrammePage } from '../guide/ProgrammePage'
import { RecordingsPage } from '../recordings/RecordingsPage'
import { StorePage } from '../store/StorePage'
import { ProductPage } from '../store/ProductPage'
import { MyProductsPage } from '../store/MyProductsPage'
import { AccountPage } from '../account/AccountPage'
import { SignedOutPage } from '../account/SignedOutPage'
import { PlayerPage } from '../player/PlayerPage'
import { SignInPage } from '../signin/SignInPage'
import { SearchPage } from '../search/SearchPage'
import { NotFoundPage } from './NotFoundPage'
import { ErrorPage } from './ErrorPage'

/**
 * The only module that imports pages: it maps the route names of `../navigation` to them.
 * `*` is not found, `!` is the error page.
 */
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
    { path: ROUTE.search, component: SearchPage, widgets: WITH_MENU },
    { path: ROUTE.recordings, component: RecordingsPage, widgets: WITH_MENU },
    { path: ROUTE.store, component: StorePage, widgets: WITH_MENU },
    { path: ROUTE.account, component: AccountPage, widgets: WITH_MENU },
    { path: ROUTE.accountSection, component: AccountPage, widgets: WITH_MENU },
    { path: ROUTE.programme, component: ProgrammePage, widgets: WITH_MENU },
    { path: ROUTE.product, component: ProductPage, widgets: WITH_MENU },
    { path: ROUTE.service, component: ProductPage, widgets: WITH_MENU },
    { path: ROUTE.productForChannel, component: ProductPage, widgets: WITH_MENU },
    { path: ROUTE.myProducts, component: MyProductsPage, widgets: WITH_MENU },
    // The player tells the guide the channel last watched live once it plays (a locked
    // channel tuned to is not "last watched").
    { path: ROUTE.play, component: PlayerPage },
    { path: ROUTE.signIn, component: SignInPage, widgets: WITH_MENU },
    { path: ROUTE.signedOut, component: SignedOutPage, widgets: WITH_MENU },
    { path: '*', component: NotFoundPage, widgets: WITH_MENU },
    { path: '!', component: ErrorPage, widgets: WITH_MENU },
  ],
  afterEachRoute: (request) => hooks.afterEach(request.hash),
})
