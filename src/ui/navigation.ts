import type { PlaybackKind } from '../domain/playback'

/**
 * Route names and typed builders for every page. This module imports no page, so that any
 * page can link to any other without an import cycle; `shell/routes.ts` is the only module
 * that maps these names to pages.
 */
export const ROUTE = {
  guide: 'guide',
  recordings: 'recordings',
  store: 'store',
  account: 'account',
  /** Guide search with the on-screen keyboard. */
  search: 'search',
  /** The account opened in one of its sections (preferences after a language change). */
  accountSection: 'account/:section',
  programme: 'programme/:programmeId',
  /** A product of document 003's catalogue. */
  product: 'store/product/:productId',
  /** A subscription of document 001. */
  service: 'store/service/:serviceId',
  /** The smallest product that grants a channel (the guide's locked channels open it). */
  productForChannel: 'store/channel/:channelId',
  /** The user's licences with their products. */
  myProducts: 'store/mine',
  /** kind: live (id = channel), startover | catchup (id = programme), recording (id = recording). */
  play: 'play/:kind/:id',
  signIn: 'signin',
  /** Signed out by the app (reason: device-removed | session-ended), with the explanation. */
  signedOut: 'signedout/:reason',
} as const

/** Fills a route's parameters: routeTo(ROUTE.play, { kind: 'live', id: '7' }) -> "play/live/7". */
export const routeTo = (route: string, params: Record<string, string>): string =>
  route.replace(/:(\w+)/g, (_, name: string) => encodeURIComponent(params[name] ?? ''))

/** The hash of each page, typed by what it needs. */
export const to = {
  guide: (): string => ROUTE.guide,
  recordings: (): string => ROUTE.recordings,
  store: (): string => ROUTE.store,
  account: (): string => ROUTE.account,
  search: (): string => ROUTE.search,
  accountSection: (section: string): string => routeTo(ROUTE.accountSection, { section }),
  signIn: (): string => ROUTE.signIn,
  myProducts: (): string => ROUTE.myProducts,
  programme: (programmeId: string): string => routeTo(ROUTE.programme, { programmeId }),
  product: (productId: string): string => routeTo(ROUTE.product, { productId }),
  service: (serviceId: number): string => routeTo(ROUTE.service, { serviceId: String(serviceId) }),
  productForChannel: (channelId: string): string => routeTo(ROUTE.productForChannel, { channelId }),
  play: (target: { kind: PlaybackKind; id: string }): string =>
    routeTo(ROUTE.play, { kind: target.kind, id: target.id }),
  signedOut: (reason: string): string => routeTo(ROUTE.signedOut, { reason }),
} as const

/** The first path segment of a hash: "programme/12" -> "programme". */
export const sectionOf = (hash: string): string => hash.replace(/^#?\/?/, '').split(/[/?]/)[0] ?? ''
