import type { Capabilities, Channel } from '../../../../src/domain/channels'
import type { Programme } from '../../../../src/domain/guide'
import { DAY } from '../../../../src/domain/time'
import {
  dayJump,
  focusBox,
  focusText,
  nowLineX,
  RANGE_DAYS,
  rowLook,
  channelLocked,
  rowSlots,
  stepBack,
  stepForward,
  type GridLooks,
} from '../../../../src/ui/guide/gridModel'
import { FOCUS_MIN_W, GEOMETRY, TIME_W, TIME_X } from '../../../../src/ui/guide/layout'

const T0 = 1_800_000_000 // on a half hour
const HALF = GEOMETRY.stepSeconds
const programme = (start: number, end: number): Programme => ({
  id: `p${start}`,
  channelId: 'c1',
  title: `Show ${start}`,
  start,
  end,
  categories: [],
})
const channel: Channel = { id: 'c1', number: 1, name: 'One', logo: '', catchupHours: 0 }
const caps = (live: boolean): Capabilities => ({ live, catchup: false, npvr: live, startover: false })
const looks = (live: boolean): GridLooks => ({
  caps: () => caps(live),
  mark: (id) => (id === `p${T0}` ? 'recording' : 'none'),
  badges: () => 'LIVE · REC',
  lockedText: 'Locked',
  gapText: 'No information',
  loadingText: 'Loading…',
  failedText: 'Failed',
  recordingText: 'REC',
  favourite: () => false,
  flagText: (flag: string) => flag.toUpperCase(),
})

describe("a guide row's slots", () => {
  const items = [programme(T0 + HALF, T0 + 2 * HALF)]

  it('shows the holes of a loaded window as "No information"', () => {
    expect(rowSlots(items, 'ready', T0, T0 + 4 * HALF).map((s) => s.kind)).toEqual([
      'gap',
      'programme',
      'gap',
    ])
  })

  it('shows the holes of a window still on its way as loading', () => {
    expect.hasAssertions()
    for (const state of ['loading', 'missing'] as const)
      expect(rowSlots(items, state, T0, T0 + 4 * HALF).map((s) => s.kind)).toEqual([
        'loading',
        'programme',
        'loading',
      ])
  })

  it('says "Locked" instead of the capabilities of a channel without live', () => {
    expect(rowLook(channel, looks(false), 'ready')).toMatchObject({
      locked: true,
      badges: 'Locked',
      failed: false,
    })
    expect(rowLook(channel, looks(true), 'failed')).toMatchObject({
      locked: false,
      badges: 'LIVE · REC',
      failed: true,
    })
  })

  it('while the package is not known, locks no channel and names no capability', () => {
    expect(rowLook(channel, { ...looks(false), packageKnown: false }, 'ready')).toMatchObject({
      locked: false,
      badges: '',
    })
    expect(channelLocked({ ...looks(false), packageKnown: false }, channel.id)).toBe(false)
    expect(channelLocked(looks(false), channel.id)).toBe(true)
    expect(channelLocked(looks(true), channel.id)).toBe(false)
  })
})

describe('the focus highlight', () => {
  it('covers the slot in view, never narrower than the minimum nor past the right edge', () => {
    const px = GEOMETRY.widthPx / GEOMETRY.spanSeconds
    expect(focusBox({ start: T0, end: T0 + HALF }, T0)).toEqual({
      x: TIME_X + 2,
      w: Math.round(HALF * px) - 4,
    })
    expect(focusBox({ start: T0, end: T0 + 60 }, T0).w).toBe(FOCUS_MIN_W)
    const last = focusBox(
      { start: T0 + GEOMETRY.spanSeconds - 60, end: T0 + GEOMETRY.spanSeconds + HALF },
      T0,
    )
    expect(last.x + last.w).toBeLessThanOrEqual(TIME_X + TIME_W)
  })

  it("shows a programme's title and REC mark, or what the hole says", () => {
    const l = looks(true)
    expect(
      focusText({ kind: 'programme', start: T0, end: T0 + HALF, programme: programme(T0, T0 + HALF) }, l),
    ).toEqual({
      text: `Show ${T0}`,
      mark: 'recording',
    })
    expect(focusText({ kind: 'gap', start: T0, end: T0 + HALF }, l)).toEqual({
      text: 'No information',
      mark: 'none',
    })
    expect(focusText({ kind: 'loading', start: T0, end: T0 + HALF }, l)).toEqual({
      text: 'Loading…',
      mark: 'none',
    })
  })

  it('draws the now-line only while now is in view', () => {
    expect(nowLineX(T0, T0)).toBe(TIME_X - 1)
    expect(nowLineX(T0 - 60, T0)).toBeUndefined()
    expect(nowLineX(T0 + GEOMETRY.spanSeconds + 60, T0)).toBeUndefined()
  })
})

describe('moving along the time', () => {
  it('Left goes into the slot before and scrolls back to its half hour when it starts before the view', () => {
    expect(stepBack({ start: T0 + HALF }, T0, T0)).toEqual({ anchor: T0 + HALF - 1, viewStart: T0 })
    expect(stepBack({ start: T0 }, T0, T0)).toEqual({ anchor: T0 - 1, viewStart: T0 - HALF })
  })

  it('Right goes to the next slot and keeps a half hour of context when it scrolls', () => {
    const viewEnd = T0 + GEOMETRY.spanSeconds
    expect(stepForward({ end: T0 + HALF }, T0, T0)).toEqual({ anchor: T0 + HALF, viewStart: T0 })
    expect(stepForward({ end: viewEnd }, T0, T0)).toEqual({ anchor: viewEnd, viewStart: viewEnd - HALF })
  })

  it(`stops ${RANGE_DAYS} days from now each way`, () => {
    expect(stepBack({ start: T0 - RANGE_DAYS * DAY }, T0, T0 - RANGE_DAYS * DAY)).toBeUndefined()
    expect(stepForward({ end: T0 + RANGE_DAYS * DAY }, T0, T0)).toBeUndefined()
    expect(dayJump(T0 + 600, T0, 30, T0).anchor).toBeLessThanOrEqual(T0 + RANGE_DAYS * DAY)
  })

  it('a day jump keeps the time of day and moves the view with it', () => {
    expect(dayJump(T0 + 600, T0, 1, T0)).toEqual({ anchor: T0 + 600 + DAY, viewStart: T0 + DAY })
    expect(dayJump(T0 + 600, T0, -1, T0)).toEqual({ anchor: T0 + 600 - DAY, viewStart: T0 - DAY })
  })
})
