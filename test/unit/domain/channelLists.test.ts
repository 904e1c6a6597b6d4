import type { Channel } from '../../../src/domain/channels'
import {
  channelsInList,
  genresOf,
  listId,
  listOfId,
  listOffered,
  listsOf,
  numberInList,
} from '../../../src/domain/channelLists'
import { genreFamilyOf } from '../../../src/domain/genres'
import { afterTuning, recallTarget, reviveRecall } from '../../../src/domain/recall'
import { favouriteIds, recentChannelIds, withFavourite, type WatchEntry } from '../../../src/domain/tags'

const ch = (n: number, genre?: string): Channel => ({
  id: `ch${n}`,
  number: n,
  name: `Kanal ${n}`,
  logo: '',
  catchupHours: 0,
  ...(genre !== undefined ? { genre } : {}),
})
const lineup = [ch(1, 'News'), ch(2, 'Sport'), ch(3, 'News'), ch(4), ch(5, 'Kids')]
const entry = (id: string, channelId: string | undefined, watchedAt: number): WatchEntry => ({
  id,
  kind: 'live',
  ...(channelId !== undefined ? { channelId } : {}),
  title: id,
  watchedAt,
})

describe('channel lists', () => {
  test('the picker offers all, favourites, recent, then each genre once, alphabetically', () => {
    expect(listsOf(lineup).map(listId)).toEqual([
      'all',
      'favourites',
      'recent',
      'genre:Kids',
      'genre:News',
      'genre:Sport',
    ])
    expect(genresOf([])).toEqual([])
  })

  test('a genre list holds only that genre, in channel-number order', () => {
    const shown = channelsInList({ kind: 'genre', genre: 'News' }, lineup, new Set(), [])
    expect(shown.map((c) => c.number)).toEqual([1, 3])
  })

  test('favourites keep the lineup order; recent keeps its own and skips channels gone', () => {
    expect(
      channelsInList({ kind: 'favourites' }, lineup, new Set(['ch5', 'ch2']), []).map((c) => c.id),
    ).toEqual(['ch2', 'ch5'])
    expect(
      channelsInList({ kind: 'recent' }, lineup, new Set(), ['ch3', 'gone', 'ch1']).map((c) => c.id),
    ).toEqual(['ch3', 'ch1'])
    expect(channelsInList({ kind: 'all' }, lineup, new Set(), [])).toBe(lineup)
  })

  test('ids kept on the box read back; anything else is no list', () => {
    for (const list of listsOf(lineup)) expect(listOfId(listId(list))).toEqual(list)
    expect(listOfId('genre:')).toBeUndefined()
    expect(listOfId(42)).toBeUndefined()
    expect(listOfId('favorites')).toBeUndefined()
  })

  test('a genre the lineup lost falls back to all channels; favourites stay even when empty', () => {
    expect(listOffered({ kind: 'genre', genre: 'Music' }, lineup)).toEqual({ kind: 'all' })
    expect(listOffered({ kind: 'favourites' }, lineup)).toEqual({ kind: 'favourites' })
  })

  test('digits tune the real number: in the list, back to all, or nothing', () => {
    const news = channelsInList({ kind: 'genre', genre: 'News' }, lineup, new Set(), [])
    expect(numberInList(3, news, lineup)).toEqual({ kind: 'inList', row: 1 })
    expect(numberInList(2, news, lineup)).toEqual({ kind: 'toAll' })
    expect(numberInList(99, news, lineup)).toEqual({ kind: 'none' })
  })
})

describe('tags and watch history', () => {
  test('recently watched: channels of the newest entries, each once, entries without a channel skipped', () => {
    const entries = [
      entry('a', 'ch1', 10),
      entry('b', 'ch2', 30),
      entry('c', undefined, 40),
      entry('d', 'ch1', 20),
    ]
    expect(recentChannelIds(entries)).toEqual(['ch2', 'ch1'])
    expect(recentChannelIds(entries, 1)).toEqual(['ch2'])
  })

  test('a favourite added goes first with its time; added twice keeps the first; removed goes', () => {
    const one = withFavourite([], 'ch1', true, 100)
    const two = withFavourite(one, 'ch2', true, 200)
    expect(two.map((t) => t.itemId)).toEqual(['ch2', 'ch1'])
    expect(withFavourite(two, 'ch1', true, 300).find((t) => t.itemId === 'ch1')?.addedAt).toBe(100)
    expect([...favouriteIds(withFavourite(two, 'ch1', false, 300))]).toEqual(['ch2'])
    expect(withFavourite(two, 'ch9', false, 300)).toEqual(two)
  })
})

describe('genre families', () => {
  test.each([
    [['Sport', 'Football'], 'sport'],
    [['Winter sports'], 'sport'],
    [['Current affairs'], 'news'],
    [['Movie', 'Comedy'], 'movie'],
    [['Kids', 'Animation'], 'kids'],
    [['Lifestyle', 'Cooking'], 'entertainment'],
    [['Documentary', 'Nature'], 'documentary'],
    [['Unknown', 'Rock'], 'music'],
    [['Drama', 'Crime'], 'drama'],
  ])('%j is %s', (categories, family) => {
    expect(genreFamilyOf(categories)).toBe(family)
  })

  test('nothing known is no family (no bar), and a word inside another is no match', () => {
    expect(genreFamilyOf([])).toBeUndefined()
    expect(genreFamilyOf(['Population studies'])).toBeUndefined()
    expect(genreFamilyOf([''])).toBeUndefined()
  })
})

describe('recall', () => {
  test('tuning keeps the one before; the same channel again changes nothing', () => {
    let pair = afterTuning({}, 'ch1')
    expect(pair).toEqual({ current: 'ch1' })
    pair = afterTuning(pair, 'ch2')
    expect(pair).toEqual({ current: 'ch2', previous: 'ch1' })
    expect(afterTuning(pair, 'ch2')).toBe(pair)
  })

  test('recall goes to the channel before, and back again after it tuned', () => {
    let pair = afterTuning(afterTuning({}, 'ch1'), 'ch2')
    expect(recallTarget(pair, 'ch2')).toBe('ch1')
    expect(recallTarget(pair, undefined)).toBe('ch1')
    pair = afterTuning(pair, 'ch1')
    expect(recallTarget(pair, 'ch1')).toBe('ch2')
  })

  test('with nothing before there is no target; something else on air recalls the last noted', () => {
    expect(recallTarget(afterTuning({}, 'ch1'), 'ch1')).toBeUndefined()
    expect(recallTarget({ current: 'ch1', previous: 'ch0' }, 'ch7')).toBe('ch1')
  })

  test('a kept pair that is not one reads as empty', () => {
    expect(reviveRecall('ch1')).toEqual({})
    expect(reviveRecall({ current: 3, previous: 'ch1' })).toEqual({ previous: 'ch1' })
  })
})
