import { listId, sameList, type ChannelList } from '../../domain/channelLists'
import { GENRE_FAMILIES, type GenreFamily } from '../../domain/genres'
import { phrase, type Phrase } from '../i18n'
import type { Speech } from '../components/voice'

/** A list's name: ours translated, a genre as the operator names it (it is data, like a channel name). */
export const listName = (list: ChannelList): Phrase | string => {
  switch (list.kind) {
    case 'all':
      return phrase('guide.lists.all')
    case 'favourites':
      return phrase('guide.lists.favourites')
    case 'recent':
      return phrase('guide.lists.recent')
    case 'genre':
      return list.genre
  }
}

/** What the guide says where its chosen list has no channels (undefined: not empty). */
export const emptyListPhrase = (list: ChannelList, signedIn: boolean, count: number): Phrase | undefined => {
  if (count > 0 || list.kind === 'all') return undefined
  if (!signedIn && (list.kind === 'favourites' || list.kind === 'recent')) return phrase('guide.lists.signIn')
  if (list.kind === 'favourites') return phrase('guide.lists.emptyFavourites')
  if (list.kind === 'recent') return phrase('guide.lists.emptyRecent')
  return phrase('guide.lists.emptyGenre')
}

export interface PickerModel {
  items: readonly { id: string; list: ChannelList; name: Phrase | string; chosen: boolean }[]
  /** The focused line. */
  index: number
}

/** The picker as it opens: every list, the focus on the one shown. */
export const openPicker = (lists: readonly ChannelList[], shown: ChannelList): PickerModel => {
  const items = lists.map((list) => ({
    id: listId(list),
    list,
    name: listName(list),
    chosen: sameList(list, shown),
  }))
  return {
    items,
    index: Math.max(
      0,
      items.findIndex((i) => i.chosen),
    ),
  }
}

/** Up and Down within the lists, stopping at the ends (a wrap would hide where the list ends). */
export const movePicker = (model: PickerModel, step: 1 | -1): PickerModel => {
  const index = Math.max(0, Math.min(model.items.length - 1, model.index + step))
  return index === model.index ? model : { ...model, index }
}

/** Voice guidance on a picker line: "Favourites, chosen, 2 of 6". */
export const pickerSpeech = (model: PickerModel): Speech => {
  const item = model.items[model.index]
  if (!item) return undefined
  return [
    item.name,
    item.chosen ? phrase('guide.lists.chosen') : undefined,
    phrase('list.position', { index: model.index + 1, count: model.items.length }),
  ]
}

/**
 * The genre bar's colours: eight hues told apart on a TV from 3 m, none of them the focus amber
 * or the REC red, each with a legend entry (colour is never the only cue: the legend names it).
 */
export const GENRE_COLOUR: Readonly<Record<GenreFamily, number>> = {
  news: 0xff4aa3ff,
  sport: 0xff3ccf7e,
  kids: 0xffffd93d,
  movie: 0xffff8a3d,
  documentary: 0xff2ec4c4,
  music: 0xffd67bff,
  drama: 0xffc0926a,
  entertainment: 0xffff6fae,
}

export const GENRE_LEGEND: readonly { family: GenreFamily; colour: number; name: Phrase }[] =
  GENRE_FAMILIES.map((family) => ({ family, colour: GENRE_COLOUR[family], name: phrase(`genre.${family}`) }))
