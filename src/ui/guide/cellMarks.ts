import type { Programme, ProgrammeFlag } from '../../domain/guide'
import { genreFamilyOf } from '../../domain/genres'
import { GENRE_COLOUR } from './pickerModel'

/** A live broadcast matters most to a viewer choosing now, then a premiere, then a new episode. */
const FLAG_ORDER: readonly ProgrammeFlag[] = ['live', 'premiere', 'new']

/** The one flag a cell has room for; undefined when the programme has none. */
export const cellFlag = (p: Pick<Programme, 'flags'>): ProgrammeFlag | undefined =>
  FLAG_ORDER.find((f) => p.flags?.includes(f) === true)

export const FLAG_KEY: Readonly<Record<ProgrammeFlag, string>> = {
  live: 'guide.flag.live',
  premiere: 'guide.flag.premiere',
  new: 'guide.flag.new',
}

/** White on a colour of its own each, none the REC red (LIVE is not a recording). */
export const FLAG_COLOUR: Readonly<Record<ProgrammeFlag, number>> = {
  live: 0xff2f6fe0,
  premiere: 0xff7d4fd8,
  new: 0xff16894f,
}

/** The genre bar's colour under a programme's cell; undefined: no bar (no genre Kanal knows). */
export const genreColour = (p: Pick<Programme, 'categories'>): number | undefined => {
  const family = genreFamilyOf(p.categories)
  return family === undefined ? undefined : GENRE_COLOUR[family]
}
