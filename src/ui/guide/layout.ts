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
  channelW: 500,
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

/** The focus highlight widens over its neighbours up to this to show a long title on one line. */
export const FOCUS_MAX_W = 640

/**
 * The channel column of a row: number, logo, name and badges side by side. A four-digit number
 * (a 1,000-channel lineup) ends before the logo; the badges and the REC mark stay readable from
 * three metres on a 720p panel, where a stage pixel is two thirds of a screen pixel.
 */
export const HEADER = {
  numberX: 10,
  numberSize: 24,
  logoX: 82,
  logoY: 5,
  logoW: 64,
  logoH: 36,
  nameX: 156,
  nameW: GUIDE.channelW - 164,
  /** The badges' line runs under the logo and the name, the width of both. */
  badgeX: 82,
  badgeW: GUIDE.channelW - 90,
  badgeSize: 24,
  markSize: 22,
  /** The padlock drawn before "Locked" on a locked channel. */
  lockW: 22,
} as const
