import { GUIDE } from './layout'

export { COLORS, FONT, TYPE } from '../theme'

/** Where the guide says "no channels" or "could not load": in the middle of the grid. */
export const GUIDE_MESSAGE = { y: GUIDE.gridY + 120 } as const
