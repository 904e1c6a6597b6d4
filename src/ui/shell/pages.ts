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

/**
 * The only module that imports the pages. It is in the script loaded after the first frame
 * (src/later.ts): the router asks for a page by name when its route is first visited.
 */
export const PAGES = {
  GuidePage,
  ProgrammePage,
  SearchPage,
  RecordingsPage,
  StorePage,
  ProductPage,
  MyProductsPage,
  AccountPage,
  SignedOutPage,
  PlayerPage,
  SignInPage,
} as const

export type Pages = typeof PAGES
export type PageName = keyof Pages
