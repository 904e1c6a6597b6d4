import type { GridGeometry } from '../../domain/guideGrid'
import { HOUR, MINUTE } from '../../domain/time'
import { MENU_HEIGHT, SAFE } from '../theme'

/**
 * Where the guide's parts sit on the 1920x1080 stage. The grid shows ROWS channels and two
 * hours; these numbers decide how many Lightning elements exist, whatever the lineup size.
 */
export const GUIDE = {
  x: SAFE.x,
  /** Info panel above the grid. */
  infoY: MENU_HEIGHT + 4,
  infoH: 236,
  timeBarY: MENU_HEIGHT + 252,
  timeBarH: 44,
  gridY: MENU_HEIGHT + 304,
  channelW: 420,
  gutter: 8,
  rowH: 82,
  cellH: 74,
  rows: 7,
} as const

export const TIME_X = GUIDE.x + GUIDE.channelW + GUIDE.gutter
export const TIME_W = SAFE.x + SAFE.w - TIME_X

export const GEOMETRY: GridGeometry = { spanSeconds: 2 * HOUR, widthPx: TIME_W, stepSeconds: 30 * MINUTE }

/** Time labels in the bar: one per half hour in view, plus the one that scrolls in. */
export const TIME_LABELS = GEOMETRY.spanSeconds / GEOMETRY.stepSeconds + 1

/** The focus highlight is never narrower than this, so a short programme's title stays readable. */
export const FOCUS_MIN_W = 180
