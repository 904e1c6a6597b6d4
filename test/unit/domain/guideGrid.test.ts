import fc from 'fast-check'
import {
  GAP_ABSORB_SECONDS,
  alignDown,
  anchorFor,
  cellBox,
  firstRowFor,
  isRightToLeft,
  jumpDays,
  normaliseRow,
  pageRows,
  progressAt,
  rowForNumber,
  slotIndexAt,
  type GridGeometry,
} from '../../../src/domain/guideGrid'
import { DAY, HOUR } from '../../../src/domain/time'

const item = (id: string, start: number, end: number) => ({ id, start, end })
const G: GridGeometry = { spanSeconds: 2 * HOUR, widthPx: 1200, stepSeconds: HOUR / 2 }

describe('normaliseRow: gaps and overlaps never break the grid', () => {
  it('fills a hole with a gap slot and keeps programmes that began before the view', () => {
    const slots = normaliseRow([item('a', -600, 1800), item('b', 3600, 7200)], 0, 7200)
    expect(slots.map((s) => [s.kind, s.start, s.end])).toEqual([
      ['programme', -600, 1800],
      ['gap', 1800, 3600],
      ['programme', 3600, 7200],
    ])
  })

  it('clips an overlap: the later programme starts when the earlier one ends; a swallowed one goes', () => {
    const slots = normaliseRow([item('a', 0, 3600), item('b', 1800, 5400), item('c', 600, 1200)], 0, 7200)
    expect(slots.map((s) => (s.kind === 'programme' ? [s.programme.id, s.start, s.end] : [s.kind]))).toEqual([
      ['a', 0, 3600],
      ['b', 3600, 5400],
      ['gap'],
    ])
  })

  it('draws a hole of under two minutes as part of the programme before', () => {
    const slots = normaliseRow([item('a', 0, 1800), item('b', 1800 + GAP_ABSORB_SECONDS - 1, 3600)], 0, 3600)
    expect(slots).toHaveLength(2)
    expect(slots[0]?.end).toBe(slots[1]?.start)
  })

  it('ignores items that end before they start, and an empty row is one gap', () => {
    expect(normaliseRow([item('bad', 500, 400)], 0, 1000)).toEqual([{ kind: 'gap', start: 0, end: 1000 }])
  })

  it('any data: slots are sorted, never overlap, and cover the view without holes', () => {
    expect.hasAssertions()
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: -5000, max: 12000 }), fc.integer({ min: -100, max: 6000 })), {
          maxLength: 30,
        }),
        (raw) => {
          const items = raw.map(([start, len], i) => item(String(i), start, start + len))
          const slots = normaliseRow(items, 0, 7200)
          expect(slots.length).toBeGreaterThan(0)
          expect(Math.min(slots[0]!.start, 0)).toBeLessThanOrEqual(0)
          for (let i = 1; i < slots.length; i++) {
            expect(slots[i]!.start).toBe(slots[i - 1]!.end)
            expect(slots[i]!.end).toBeGreaterThan(slots[i]!.start)
          }
          expect(slots[slots.length - 1]!.end).toBeGreaterThanOrEqual(7200)
          // Every time in the view finds exactly the slot that holds it.
          for (const t of [0, 1, 3599, 3600, 7199]) {
            const s = slots[slotIndexAt(slots, t)]!
            expect(s.start).toBeLessThanOrEqual(t)
            expect(s.end).toBeGreaterThan(t)
          }
        },
      ),
    )
  })
})

describe('grid geometry and focus by time', () => {
  it('places a cell clipped to the view', () => {
    expect(cellBox(-1800, 1800, 0, G)).toEqual({ x: 0, w: 300 })
    expect(cellBox(6600, 9000, 0, G)).toEqual({ x: 1100, w: 100 })
    expect(cellBox(7200, 9000, 0, G)).toBeNull()
  })

  it('anchors a programme that began before the view at the view start', () => {
    expect(anchorFor({ start: -600, end: 600 }, 0)).toBe(0)
    expect(anchorFor({ start: 900, end: 1800 }, 0)).toBe(900)
    expect(alignDown(2000, 1800)).toBe(1800)
  })

  it('scrolls rows as little as possible and pages by a screenful within the lineup', () => {
    expect(firstRowFor(7, 0, 7, 100)).toBe(1)
    expect(firstRowFor(3, 5, 7, 100)).toBe(3)
    expect(firstRowFor(99, 0, 7, 100)).toBe(93)
    expect(pageRows(2, 0, 7, 100, 1)).toEqual({ row: 9, firstRow: 7 })
    expect(pageRows(9, 7, 7, 100, -1)).toEqual({ row: 2, firstRow: 0 })
    expect(pageRows(97, 93, 7, 100, 1)).toEqual({ row: 99, firstRow: 93 })
    expect(pageRows(0, 0, 7, 3, 1)).toEqual({ row: 2, firstRow: 0 })
  })

  it('jumps days within the guide range', () => {
    expect(jumpDays(1000, 1, 0, 10 * DAY)).toBe(1000 + DAY)
    expect(jumpDays(1000, -1, 0, 10 * DAY)).toBe(0)
    expect(jumpDays(9.5 * DAY, 1, 0, 10 * DAY)).toBe(10 * DAY - 1)
  })

  it('finds a typed channel number, or the next one up when it does not exist', () => {
    const numbers = [1, 2, 3, 10, 48, 101]
    expect(rowForNumber(numbers, 48)).toBe(4)
    expect(rowForNumber(numbers, 11)).toBe(4)
    expect(rowForNumber(numbers, 999)).toBe(5)
    expect(rowForNumber([], 1)).toBe(-1)
  })

  it('tells right-to-left titles by their first letter', () => {
    expect(isRightToLeft('חדשות הערב')).toBe(true)
    expect(isRightToLeft('123 الأخبار')).toBe(true)
    expect(isRightToLeft('News 24 חדשות')).toBe(false)
  })

  it('progress of a programme on air', () => {
    expect(progressAt({ start: 0, end: 100 }, 25)).toBe(0.25)
    expect(progressAt({ start: 0, end: 100 }, 200)).toBe(1)
  })
})
