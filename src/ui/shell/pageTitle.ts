import { phrase, type Phrase } from '../i18n'
import { sectionOf } from '../navigation'

const TITLES: Record<string, string> = {
  guide: 'guide.title',
  search: 'search.title',
  recordings: 'recordings.title',
  store: 'store.title',
  account: 'account.title',
  programme: 'programme.title',
  signin: 'signin.title',
}

/**
 * The title voice guidance says when a page opens, from its route; undefined for pages that
 * say their own (a product's name, the player's channel, a message page's title).
 */
export const pageTitle = (hash: string): Phrase | undefined => {
  const clean = hash.replace(/^#?\/?/, '')
  if (clean === 'store/mine') return phrase('store.mine.title')
  const key = TITLES[sectionOf(clean)]
  return key !== undefined && (sectionOf(clean) !== 'store' || clean === 'store') ? phrase(key) : undefined
}
