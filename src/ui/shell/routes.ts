import { Router } from '@lightningjs/sdk'
import { ROUTE } from '../navigation'
import type { PageName, Pages } from './pages'
import { BootPage } from './BootPage'
import { NotFoundPage } from './NotFoundPage'
import { ErrorPage } from './ErrorPage'

/**
 * Maps the route names of `../navigation` to the pages. The boot page (`$`), not found (`*`)
 * and the error page (`!`) are in the first script; the others are in the script loaded after
 * the first frame, and the router asks for each (its dynamic-import form of `component`) when
 * its route is first visited.
 */
export interface RouteHooks {
  /** A page of the script loaded after the first frame. */
  page<N extends PageName>(name: N): Promise<Pages[N]>
  /** Told the active route after each navigation (the menu marks it). */
  afterEach(hash: string): void
}

const WITH_MENU: Array<keyof Router.WidgetContainer> = ['menu']

export const createRouterConfig = (hooks: RouteHooks): Router.Config => {
  const lazy = (name: PageName) => () => hooks.page(name).then((page) => ({ default: page }))
  return {
    root: ROUTE.guide,
    // No `boot`: the boot page (`$`) shows first, and the App resumes the route asked for (a
    // deep link, else the root) once the rest of the app has arrived.
    routes: [
      { path: '$', component: BootPage },
      { path: ROUTE.guide, component: lazy('GuidePage'), widgets: WITH_MENU },
      { path: ROUTE.search, component: lazy('SearchPage'), widgets: WITH_MENU },
      { path: ROUTE.recordings, component: lazy('RecordingsPage'), widgets: WITH_MENU },
      { path: ROUTE.store, component: lazy('StorePage'), widgets: WITH_MENU },
      { path: ROUTE.account, component: lazy('AccountPage'), widgets: WITH_MENU },
      { path: ROUTE.accountSection, component: lazy('AccountPage'), widgets: WITH_MENU },
      { path: ROUTE.programme, component: lazy('ProgrammePage'), widgets: WITH_MENU },
      { path: ROUTE.product, component: lazy('ProductPage'), widgets: WITH_MENU },
      { path: ROUTE.service, component: lazy('ProductPage'), widgets: WITH_MENU },
      { path: ROUTE.productForChannel, component: lazy('ProductPage'), widgets: WITH_MENU },
      { path: ROUTE.myProducts, component: lazy('MyProductsPage'), widgets: WITH_MENU },
      // The player tells the guide the channel last watched live once it plays (a locked
      // channel tuned to is not "last watched").
      { path: ROUTE.play, component: lazy('PlayerPage') },
      { path: ROUTE.signIn, component: lazy('SignInPage'), widgets: WITH_MENU },
      { path: ROUTE.signedOut, component: lazy('SignedOutPage'), widgets: WITH_MENU },
      { path: '*', component: NotFoundPage, widgets: WITH_MENU },
      { path: '!', component: ErrorPage, widgets: WITH_MENU },
    ],
    afterEachRoute: (request) => hooks.afterEach(request.hash),
  }
}
