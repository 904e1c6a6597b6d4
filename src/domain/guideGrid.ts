import { DAY, MINUTE, type UnixSeconds } from './time'

/**
 * The pure geometry and navigation of the guide grid: rows are channels, columns are time.
 * Nothing here knows Lightning or the store: the page feeds it numbers and draws the answer.
 */

/** What a cell shows: a programme, a hole in the data, or a window still on its way. */
export type Slot<P> =
  | { kind: 'programme'; start: UnixSeconds; end: UnixSeconds; programme: P }
  | { kind: 'gap'; start: UnixSeconds; end: UnixSeconds }
  | { kind: 'loading'; start: UnixSeconds; end: UnixSeconds }

export interface Timed {
  start: UnixSeconds
  end: UnixSeconds
}

/** Holes shorter than this are drawn as part of the programme before (no sliver of a cell). */
export const GAP_ABSORB_SECONDS = 2 * MINUTE

/**
 * One channel's programmes over [from, to) as back-to-back slots: sorted, overlaps clipped (the
 * programme that started first keeps its time, the next one starts when it ends; one that is
 * then empty is dropped), holes filled with gap slots. So navigation never meets two cells at
 * the same time, nor no cell at all. Items with end <= start are bad data and are ignored.
 */
export const normaliseRow = <P extends Timed>(
  items: readonly P[],
  from: UnixSeconds,
  to: UnixSeconds,
): Slot<P>[] => {
  const sorted = items.filter((p) => p.end > p.start && p.end > from && p.start < to)
  sorted.sort((a, b) => a.start - b.start || b.end - a.end)
  const out: Slot<P>[] = []
  // Slots keep a programme's own start even before `from` (navigation needs it); only an
  // overlap with the programme before moves a start.
  let cursor = from
  let previousEnd = Number.NEGATIVE_INFINITY
  for (const programme of sorted) {
    const start = Math.max(programme.start, previousEnd)
    const end = programme.end
    if (end <= start) continue
    previousEnd = end
    if (start > cursor) {
      const last = out[out.length - 1]
      if (start - cursor < GAP_ABSORB_SECONDS && last !== undefined) last.end = start
      else out.push({ kind: 'gap', start: cursor, end: start })
    }
    out.push({ kind: 'programme', start, end, programme })
    cursor = Math.max(cursor, end)
  }
  if (cursor < to) out.push({ kind: 'gap', start: cursor, end: to })
  return out
}

/** The index of the slot at time t (the last one if t is past them all), or -1 for none. */
export const slotIndexAt = (slots: readonly Timed[], t: UnixSeconds): number => {
  if (slots.length === 0) return -1
  let lo = 0
  let hi = slots.length - 1
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1
    if ((slots[mid] as Timed).start <= t) lo = mid
    else hi = mid - 1
  }
  return lo
}

export interface GridGeometry {
  /** Seconds the visible time span covers. */
  spanSeconds: number
  /** Width of that span on screen, in pixels. */
  widthPx: number
  /** Steps the view moves by, in seconds (half an hour). */
  stepSeconds: number
}

/** Times rounded down to the step (the time bar shows whole half hours). */
export const alignDown = (t: UnixSeconds, step: number): UnixSeconds => Math.floor(t / step) * step

/** x of time t in a view starting at viewStart, in pixels (may be outside the view). */
export const xOf = (t: UnixSeconds, viewStart: UnixSeconds, g: GridGeometry): number =>
  ((t - viewStart) * g.widthPx) / g.spanSeconds

/** The part of [start, end) inside the view, as x and width in pixels; null when none. */
export const cellBox = (
  start: UnixSeconds,
  end: UnixSeconds,
  viewStart: UnixSeconds,
  g: GridGeometry,
): { x: number; w: number } | null => {
  const from = Math.max(start, viewStart)
  const to = Math.min(end, viewStart + g.spanSeconds)
  if (to <= from) return null
  const x = xOf(from, viewStart, g)
  return { x, w: xOf(to, viewStart, g) - x }
}

/**
 * Where the view starts so that [start, end) can be seen: unchanged when its start (or the
 * anchor) is already in view, else moved by whole steps so that the slot starts in view. A
 * programme longer than the view is shown from its start, or from the anchor inside it.
 */
export const viewStartFor = (
  viewStart: UnixSeconds,
  slot: Timed,
  anchor: UnixSeconds,
  g: GridGeometry,
): UnixSeconds => {
  const viewEnd = viewStart + g.spanSeconds
  const visibleFrom = Math.max(slot.start, viewStart)
  const visibleTo = Math.min(slot.end, viewEnd)
  if (visibleTo > visibleFrom && anchor >= viewStart && anchor < viewEnd) return viewStart
  const target = anchor >= slot.start && anchor < slot.end ? anchor : slot.start
  if (target < viewStart) return alignDown(target, g.stepSeconds)
  if (target >= viewEnd) return alignDown(target, g.stepSeconds) - (g.spanSeconds - g.stepSeconds)
  return viewStart
}

/**
 * The time that decides which programme is focused in a row. Moving up/down keeps it (a viewer
 * expects to stay at "21:00", not drift with programme starts); moving left/right sets it to
 * the new programme's start, or the view's start when the programme began before the view.
 */
export const anchorFor = (slot: Timed, viewStart: UnixSeconds): UnixSeconds => Math.max(slot.start, viewStart)

/** First row of the view so that `row` is visible, moving the view as little as possible. */
export const firstRowFor = (row: number, firstRow: number, visibleRows: number, total: number): number => {
  const maxFirst = Math.max(0, total - visibleRows)
  let first = firstRow
  if (row < first) first = row
  else if (row >= first + visibleRows) first = row - visibleRows + 1
  return Math.min(Math.max(0, first), maxFirst)
}

/** Page up/down: the focus and the view both move by a screenful, clamped to the lineup. */
export const pageRows = (
  row: number,
  firstRow: number,
  visibleRows: number,
  total: number,
  direction: 1 | -1,
): { row: number; firstRow: number } => {
  if (total === 0) return { row: 0, firstRow: 0 }
  const nextRow = Math.min(total - 1, Math.max(0, row + direction * visibleRows))
  const maxFirst = Math.max(0, total - visibleRows)
  const nextFirst = Math.min(maxFirst, Math.max(0, firstRow + direction * visibleRows))
  return { row: nextRow, firstRow: firstRowFor(nextRow, nextFirst, visibleRows, total) }
}

/** A day jump, clamped to the days the guide has ([earliest, latest)). */
export const jumpDays = (
  anchor: UnixSeconds,
  days: number,
  earliest: UnixSeconds,
  latest: UnixSeconds,
): UnixSeconds => Math.min(latest - 1, Math.max(earliest, anchor + days * DAY))

/**
 * The row of a typed channel number: that channel, else the nearest number above it (the
 * lineup has holes), else the last one. Channels are sorted by number.
 */
export const rowForNumber = (numbers: readonly number[], typed: number): number => {
  if (numbers.length === 0) return -1
  let lo = 0
  let hi = numbers.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if ((numbers[mid] as number) < typed) lo = mid + 1
    else hi = mid
  }
  return Math.min(lo, numbers.length - 1)
}

/** Whether a title is written right to left (its first strong letter is Hebrew or Arabic). */
export const isRightToLeft = (title: string): boolean => {
  for (const ch of title) {
    const c = ch.codePointAt(0) ?? 0
    if ((c >= 0x0590 && c <= 0x08ff) || (c >= 0xfb1d && c <= 0xfdff) || (c >= 0xfe70 && c <= 0xfeff))
      return true
    if (/\p{L}/u.test(ch)) return false
  }
  return false
}

/** Progress of a programme on air at t, 0..1 (0 before, 1 after). */
export const progressAt = (slot: Timed, t: UnixSeconds): number =>
  slot.end <= slot.start ? 0 : Math.min(1, Math.max(0, (t - slot.start) / (slot.end - slot.start)))
