import type { Programme } from '../../../../src/domain/guide'
import type { Slot } from '../../../../src/domain/guideGrid'
import { focusGrowth, focusText, slotTitle, type GridLooks } from '../../../../src/ui/guide/gridModel'
import { FOCUS_MAX_W, GUIDE, HEADER, TIME_W, TIME_X } from '../../../../src/ui/guide/layout'

const looks: GridLooks = {
  caps: () => ({ live: true, catchup: false, npvr: false, startover: false }),
  mark: () => 'none',
  badges: () => '',
  lockedText: 'Locked',
  gapText: 'No information',
  loadingText: 'Loading…',
  failedText: 'Failed',
  recordingText: 'REC',
  favourite: () => false,
  flagText: (flag: string) => flag.toUpperCase(),
}
const programme = (title: string): Slot<Programme> & { kind: 'programme' } => ({
  kind: 'programme',
  start: 0,
  end: 1800,
  programme: { id: 'p', channelId: 'c', title, start: 0, end: 1800, categories: [] },
})

describe('a programme without a title shows the hole as such', () => {
  it.each(['', '   ', '🎬🍿'])('%j reads "No information", drawn as a gap', (title) => {
    expect(slotTitle(programme(title), looks)).toEqual({
      text: 'No information',
      untitled: true,
      locked: false,
    })
    expect(focusText(programme(title), looks).text).toBe('No information')
  })
  it('a titled one keeps its title', () => {
    expect(slotTitle(programme('News'), looks)).toEqual({ text: 'News', untitled: false, locked: false })
  })
})

describe('focusGrowth: the focused cell shows its whole title', () => {
  const PAD = 16
  it('a title that fits leaves the highlight as it is, one line', () => {
    expect(focusGrowth({ x: TIME_X + 100, w: 300 }, 200, 0)).toEqual({ x: TIME_X + 100, w: 300, lines: 1 })
  })
  it('a longer title widens it over the next cells, from where the programme starts', () => {
    expect(focusGrowth({ x: TIME_X + 100, w: 180 }, 300, 0)).toEqual({
      x: TIME_X + 100,
      w: 300 + 2 * PAD,
      lines: 1,
    })
  })
  it('never past the grid: near the right edge it grows to the left', () => {
    const g = focusGrowth({ x: TIME_X + TIME_W - 180, w: 180 }, 400, 0)
    expect(g.x + g.w).toBe(TIME_X + TIME_W)
    expect(g.w).toBe(400 + 2 * PAD)
  })
  it('a title longer than the widest highlight wraps on two lines', () => {
    const g = focusGrowth({ x: TIME_X, w: 180 }, FOCUS_MAX_W * 1.5, 0)
    expect(g).toEqual({ x: TIME_X, w: FOCUS_MAX_W, lines: 2 })
  })
  it('makes room for the REC mark', () => {
    expect(focusGrowth({ x: TIME_X, w: 180 }, 200, 64).w).toBe(200 + 2 * PAD + 64)
  })
})

describe('the channel column', () => {
  it('a four-digit number ends before the logo (Inter Bold digits are at most 0.65 em wide)', () => {
    expect(HEADER.numberX + 4 * 0.65 * HEADER.numberSize).toBeLessThanOrEqual(HEADER.logoX - 4)
    expect(HEADER.logoX + HEADER.logoW).toBeLessThan(HEADER.nameX)
    expect(HEADER.nameX + HEADER.nameW).toBeLessThanOrEqual(GUIDE.channelW)
    // The badges' line, under logo and name, holds "Catch-up · Restart · Rec" at its size.
    expect(HEADER.badgeX + HEADER.badgeW).toBeLessThanOrEqual(GUIDE.channelW)
    expect(HEADER.badgeW).toBeGreaterThanOrEqual(0.5 * HEADER.badgeSize * 'Catch-up · Restart · Rec'.length)
  })
  it('badges and marks are big enough to read at 3 m on a 720p panel (at least 16 px there)', () => {
    expect(HEADER.badgeSize * (720 / 1080)).toBeGreaterThanOrEqual(16)
    expect(HEADER.markSize * (720 / 1080)).toBeGreaterThanOrEqual(14)
  })
})
