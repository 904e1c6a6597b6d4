import type { Capabilities, Channel } from '../../domain/channels'
import type { Programme, ProgrammeFlag } from '../../domain/guide'
import type { RecordingMark } from '../../domain/guideActions'
import { alignDown, cellBox, jumpDays, normaliseRow, xOf, type Slot } from '../../domain/guideGrid'
import { DAY } from '../../domain/time'
import type { Travel, Viewport, WindowState } from '../../state/guide/guideStore'
import type { RowLook } from './GuideRow'
import { slotTitle } from './cellTitle'
import { FOCUS_MAX_W, FOCUS_MIN_W, GEOMETRY, TIME_W, TIME_X } from './layout'

/** Where the grid reads its data: the lineup and the programme windows of the guide store. */
export interface GridSource {
  channels: readonly Channel[]
  programmes(row: number, from: number, to: number): { items: Programme[]; state: WindowState | 'missing' }
  show(view: Viewport, travel: Travel): void
}

/** What the grid needs to know of the user's rights, with the words it shows for them. */
export interface GridLooks {
  caps(channelId: string): Capabilities
  /** False while the user's package is not known: no channel is shown locked then. */
  packageKnown?: boolean
  mark(programmeId: string): RecordingMark
  badges(caps: Capabilities): string
  lockedText: string
  gapText: string
  loadingText: string
  failedText: string
  recordingText: string
  /** The parental lock (domain/parental): what it hides reads "Locked programme". */
  lockedProgrammeText?: string
  isLocked?: (programme: Programme) => boolean
  favourite(channelId: string): boolean
  flagText(flag: ProgrammeFlag): string
  /** A reminder is set for the programme (a small bell-coloured dot in its cell). */
  reminded?(programmeId: string): boolean
}

export { slotTitle } from './cellTitle'

/** A channel is locked when the package is known and does not include watching it live. */
export const channelLocked = (looks: GridLooks | undefined, channelId: string): boolean =>
  looks ? looks.packageKnown !== false && !looks.caps(channelId).live : true

export interface GridFocus {
  row: number
  channel: Channel
  slot: Slot<Programme>
  locked: boolean
}

/**
 * A row's slots in the view: normalised (domain/guideGrid), and while its window is still on
 * its way the holes say "Loading…" rather than "No information".
 */
export const rowSlots = (
  items: readonly Programme[],
  state: WindowState | 'missing',
  from: number,
  to: number,
): Slot<Programme>[] => {
  const slots = normaliseRow(items, from, to)
  if (state !== 'loading' && state !== 'missing') return slots
  return slots.map((s): Slot<Programme> => (s.kind === 'gap' ? { ...s, kind: 'loading' } : s))
}

/**
 * How a channel's row looks: a locked channel says so instead of naming its capabilities; while
 * the package is not known, neither is said.
 */
export const rowLook = (channel: Channel, looks: GridLooks, state: WindowState | 'missing'): RowLook => {
  const caps = looks.caps(channel.id)
  const known = looks.packageKnown !== false
  const locked = channelLocked(looks, channel.id)
  return {
    channel,
    locked,
    badges: locked ? looks.lockedText : known ? looks.badges(caps) : '',
    gapText: looks.gapText,
    loadingText: looks.loadingText,
    failedText: looks.failedText,
    failed: state === 'failed',
    recordingText: looks.recordingText,
    mark: looks.mark,
    ...(looks.lockedProgrammeText !== undefined ? { lockedProgrammeText: looks.lockedProgrammeText } : {}),
    ...(looks.isLocked ? { isLocked: looks.isLocked } : {}),
    favourite: looks.favourite(channel.id),
    flagText: looks.flagText,
    ...(looks.reminded ? { reminded: looks.reminded } : {}),
  }
}

/**
 * Where the focus highlight sits on the stage: over the slot's part in view, at least
 * FOCUS_MIN_W wide, and pulled back left so it never runs past the grid's right edge.
 */
export const focusBox = (
  slot: { start: number; end: number },
  viewStart: number,
): { x: number; w: number } => {
  const box = cellBox(slot.start, slot.end, viewStart, GEOMETRY) ?? { x: 0, w: FOCUS_MIN_W }
  const w = Math.max(FOCUS_MIN_W, Math.round(box.w) - 4)
  return { x: Math.min(TIME_X + Math.round(box.x) + 2, TIME_X + TIME_W - w), w }
}

/** Padding of a cell's title, each side. */
const CELL_PAD = 16

/**
 * The focus highlight sized for its whole title (`titleW` px wide, plus the REC mark when shown):
 * wider than the programme when needed, over the next cells, up to FOCUS_MAX_W and never past the
 * grid's right edge (it grows to the left there); a title longer still wraps on two lines.
 */
export const focusGrowth = (
  box: { x: number; w: number },
  titleW: number,
  markW: number,
): { x: number; w: number; lines: 1 | 2 } => {
  const needed = Math.ceil(titleW) + 2 * CELL_PAD + markW
  if (needed <= box.w) return { x: box.x, w: box.w, lines: 1 }
  const w = Math.min(needed, FOCUS_MAX_W)
  const x = Math.max(TIME_X, Math.min(box.x, TIME_X + TIME_W - w))
  return { x, w, lines: needed > FOCUS_MAX_W ? 2 : 1 }
}

/** The focused slot's text and REC mark: a programme's title, or what the hole says. */
export const focusText = (
  slot: Slot<Programme>,
  looks: GridLooks | undefined,
): { text: string; mark: RecordingMark } => {
  if (slot.kind === 'programme')
    return { text: slotTitle(slot, looks).text, mark: looks?.mark(slot.programme.id) ?? 'none' }
  return {
    text: slot.kind === 'loading' ? (looks?.loadingText ?? '') : (looks?.gapText ?? ''),
    mark: 'none',
  }
}

/** The now-line's x on the stage, or undefined while now is out of view. */
export const nowLineX = (now: number, viewStart: number): number | undefined => {
  const x = xOf(now, viewStart, GEOMETRY)
  return x >= 0 && x <= TIME_W ? TIME_X + Math.round(x) - 1 : undefined
}

/**
 * How far from now the guide scrolls, each way. Operators keep about 7 days back and 7 ahead;
 * imported XMLTV guides reach 21 days ahead. Beyond the data the grid shows "No information".
 */
export const RANGE_DAYS = 14

export interface GridStep {
  anchor: number
  viewStart: number
}

/**
 * Left: into the slot before the focused one; the view scrolls back to its half hour when it
 * starts before the view. Nothing beyond RANGE_DAYS back.
 */
export const stepBack = (slot: { start: number }, now: number, viewStart: number): GridStep | undefined => {
  const target = slot.start - 1
  if (target < now - RANGE_DAYS * DAY) return undefined
  return {
    anchor: target,
    viewStart: target < viewStart ? alignDown(target, GEOMETRY.stepSeconds) : viewStart,
  }
}

/**
 * Right: to the slot after the focused one; when it starts past the view, the view scrolls so
 * that it starts in the second half hour (some context stays). Nothing beyond RANGE_DAYS ahead.
 */
export const stepForward = (slot: { end: number }, now: number, viewStart: number): GridStep | undefined => {
  const target = slot.end
  if (target >= now + RANGE_DAYS * DAY) return undefined
  const viewEnd = viewStart + GEOMETRY.spanSeconds
  return {
    anchor: target,
    viewStart: target >= viewEnd ? alignDown(target, GEOMETRY.stepSeconds) - GEOMETRY.stepSeconds : viewStart,
  }
}

/** Red/Yellow: the same time a day back or ahead, the view moved with it, within RANGE_DAYS. */
export const dayJump = (anchor: number, viewStart: number, days: number, now: number): GridStep => {
  const to = jumpDays(anchor, days, now - RANGE_DAYS * DAY, now + RANGE_DAYS * DAY)
  return { anchor: to, viewStart: alignDown(viewStart + (to - anchor), GEOMETRY.stepSeconds) }
}
