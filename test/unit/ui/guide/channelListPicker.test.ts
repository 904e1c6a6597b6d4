import { cellFlag, genreColour } from '../../../../src/ui/guide/cellMarks'
import {
  emptyListPhrase,
  GENRE_COLOUR,
  GENRE_LEGEND,
  listName,
  movePicker,
  openPicker,
  pickerSpeech,
} from '../../../../src/ui/guide/pickerModel'
import type { ChannelList } from '../../../../src/domain/channelLists'

const lists: ChannelList[] = [
  { kind: 'all' },
  { kind: 'favourites' },
  { kind: 'recent' },
  { kind: 'genre', genre: 'News' },
  { kind: 'genre', genre: 'Sport' },
]

describe('the channel-list picker', () => {
  test('opens on the list shown, ticked, and names ours by key and genres as the operator does', () => {
    const model = openPicker(lists, { kind: 'genre', genre: 'News' })
    expect(model.index).toBe(3)
    expect(model.items.filter((i) => i.chosen).map((i) => i.id)).toEqual(['genre:News'])
    expect(model.items.map((i) => i.name)).toEqual([
      { key: 'guide.lists.all' },
      { key: 'guide.lists.favourites' },
      { key: 'guide.lists.recent' },
      'News',
      'Sport',
    ])
  })

  test('moves within the lists and stops at the ends', () => {
    const top = openPicker(lists, { kind: 'all' })
    expect(movePicker(top, -1)).toBe(top)
    let model = top
    for (let i = 0; i < 10; i++) model = movePicker(model, 1)
    expect(model.index).toBe(4)
  })

  test('says the line, whether it is the one shown, and where it is', () => {
    const model = openPicker(lists, { kind: 'favourites' })
    expect(pickerSpeech(model)).toEqual([
      { key: 'guide.lists.favourites' },
      { key: 'guide.lists.chosen' },
      { key: 'list.position', values: { index: 2, count: 5 } },
    ])
    expect(pickerSpeech(movePicker(model, 1))).toEqual([
      { key: 'guide.lists.recent' },
      undefined,
      { key: 'list.position', values: { index: 3, count: 5 } },
    ])
  })

  test('an empty list says how to fill it; signed out, that signing in keeps them', () => {
    expect(emptyListPhrase({ kind: 'favourites' }, true, 0)).toEqual({ key: 'guide.lists.emptyFavourites' })
    expect(emptyListPhrase({ kind: 'favourites' }, false, 0)).toEqual({ key: 'guide.lists.signIn' })
    expect(emptyListPhrase({ kind: 'recent' }, true, 0)).toEqual({ key: 'guide.lists.emptyRecent' })
    expect(emptyListPhrase({ kind: 'favourites' }, true, 2)).toBeUndefined()
    expect(emptyListPhrase({ kind: 'all' }, true, 0)).toBeUndefined()
    expect(listName({ kind: 'genre', genre: 'Kids' })).toBe('Kids')
  })
})

describe('cell marks', () => {
  test('a cell shows one flag: live before premiere before new', () => {
    expect(cellFlag({ flags: ['new', 'live'] })).toBe('live')
    expect(cellFlag({ flags: ['new', 'premiere'] })).toBe('premiere')
    expect(cellFlag({ flags: ['new'] })).toBe('new')
    expect(cellFlag({})).toBeUndefined()
  })

  test('the genre bar takes the family colour; no family, no bar', () => {
    expect(genreColour({ categories: ['Sport', 'Football'] })).toBe(GENRE_COLOUR.sport)
    expect(genreColour({ categories: ['Talk of the town'] })).toBe(GENRE_COLOUR.entertainment)
    expect(genreColour({ categories: [] })).toBeUndefined()
  })

  test('every family has its own colour and a legend entry', () => {
    const colours = GENRE_LEGEND.map((e) => e.colour)
    expect(new Set(colours).size).toBe(colours.length)
    expect(GENRE_LEGEND.map((e) => e.name.key)).toContain('genre.movie')
  })
})
