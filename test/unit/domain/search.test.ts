import { canType, checkQuery, groupByDay, localDayOf, MAX_QUERY_LENGTH } from '../../../src/domain/search'

describe('checkQuery', () => {
  test.each([
    ['', 'short'],
    ['a', 'short'],
    ['   ', 'short'],
    ['!!!', 'short'],
    ['a !', 'short'],
    ['ab', 'ok'],
    ['مق', 'ok'],
    ['7 ', 'short'],
    ['24', 'ok'],
  ])('%j is %s', (typed, kind) => {
    expect(checkQuery(typed).kind).toBe(kind)
  })

  test('a searchable query is sent trimmed, its runs of spaces made one', () => {
    expect(checkQuery('  café   society ')).toEqual({ kind: 'ok', query: 'café society' })
  })

  test('over 100 characters is too long, 100 is not', () => {
    expect(checkQuery('x'.repeat(MAX_QUERY_LENGTH)).kind).toBe('ok')
    expect(checkQuery('x'.repeat(MAX_QUERY_LENGTH + 1))).toEqual({ kind: 'tooLong', max: 100 })
  })

  test('the keyboard stops at the limit', () => {
    expect(canType('x'.repeat(99), 'y')).toBe(true)
    expect(canType('x'.repeat(100), 'y')).toBe(false)
    expect(canType('x'.repeat(100), '')).toBe(true)
  })
})

describe('groupByDay', () => {
  // A box two hours east of UTC: its days begin at 22:00 UTC.
  const dayOf = localDayOf(() => 7200)
  const now = Date.UTC(2026, 0, 10, 12) / 1000
  const at = (day: number, hour: number) => ({ start: Date.UTC(2026, 0, day, hour) / 1000 })

  test('today, tomorrow and later days in the order given, on the box calendar', () => {
    const items = [at(10, 13), at(10, 21), at(10, 22), at(11, 9), at(12, 23)]
    const groups = groupByDay(items, now, dayOf)
    expect(groups.map((g) => [g.day, g.items.length])).toEqual([
      [0, 2],
      [1, 2],
      [3, 1],
    ])
    expect(groups[0]?.at).toBe(now)
    expect(groups[2]?.at).toBe(at(12, 23).start)
  })

  test('a programme that began yesterday and is still on counts as today', () => {
    const groups = groupByDay([at(9, 21), at(10, 14)], now, dayOf)
    expect(groups).toHaveLength(1)
    expect(groups[0]?.day).toBe(0)
  })

  test('no results: no groups', () => {
    expect(groupByDay([], now, dayOf)).toEqual([])
  })
})
