/**
 * The genre families the guide colours programmes by. XMLTV and operators name categories
 * freely ("Football", "Current affairs", "Film"); a cell's colour needs one of a few families,
 * each told apart from the others at a glance.
 */
export type GenreFamily =
  | 'news'
  | 'sport'
  | 'kids'
  | 'movie'
  | 'documentary'
  | 'music'
  | 'drama'
  | 'entertainment'

export const GENRE_FAMILIES: readonly GenreFamily[] = [
  'news',
  'sport',
  'kids',
  'movie',
  'documentary',
  'music',
  'drama',
  'entertainment',
]

/** Words of a category, lower case, that name each family (English, as XMLTV mostly is). */
const WORDS: readonly [GenreFamily, readonly string[]][] = [
  ['kids', ['kids', 'children', 'animation', 'cartoon', 'preschool']],
  ['news', ['news', 'current affairs', 'weather', 'politics', 'business']],
  ['sport', ['sport', 'football', 'soccer', 'tennis', 'cycling', 'motorsport', 'basketball', 'handball']],
  ['movie', ['movie', 'film', 'cinema']],
  ['documentary', ['documentary', 'nature', 'history', 'science']],
  ['music', ['music', 'concert', 'pop', 'rock']],
  ['drama', ['drama', 'crime', 'thriller', 'soap', 'series']],
  [
    'entertainment',
    ['entertainment', 'comedy', 'sitcom', 'lifestyle', 'cooking', 'reality', 'game show', 'talk'],
  ],
]

const escape = (w: string): string => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** Whole words (a plural "s" allowed): "Winter sports" is sport, "Population" is not pop. */
const PATTERNS: readonly [GenreFamily, RegExp][] = WORDS.map(([family, words]) => [
  family,
  new RegExp(`(^|[^\\p{L}])(${words.map(escape).join('|')})s?($|[^\\p{L}])`, 'u'),
])

const familyOfCategory = (category: string): GenreFamily | undefined => {
  const c = category.trim().toLowerCase()
  if (c === '') return undefined
  for (const [family, pattern] of PATTERNS) if (pattern.test(c)) return family
  return undefined
}

/**
 * A programme's family: that of its first category that names one (the first category is the
 * main genre in XMLTV and in the operator's guide), or undefined.
 */
export const genreFamilyOf = (categories: readonly string[]): GenreFamily | undefined => {
  for (const category of categories) {
    const family = familyOfCategory(category)
    if (family !== undefined) return family
  }
  return undefined
}
