import {
  COLUMNS,
  SEARCH_ARABIC_LAYOUT,
  SEARCH_LATIN_LAYOUT,
  keyAt,
  move,
  pathTo,
  positionOf,
} from '../../../../src/ui/components/keyboardLayout'

describe('the on-screen keyboard layout', () => {
  it('finds every character and special key where keyAt says it is', () => {
    expect.hasAssertions()
    for (const key of [...'abcdefghijklmnopqrstuvwxyz.-_@0123456789', 'delete', 'next', 'submit']) {
      const at = positionOf(key)
      expect(at).toBeDefined()
      expect(keyAt(at!)).toBe(key)
    }
  })

  it('stops at the edges so that the key can travel on to the page', () => {
    expect(move({ row: 0, column: 0 }, 'Up')).toBeUndefined()
    expect(move({ row: 0, column: 0 }, 'Left')).toBeUndefined()
    expect(move({ row: 0, column: 9 }, 'Right')).toBeUndefined()
    expect(move({ row: 4, column: 8 }, 'Right')).toBeUndefined()
    expect(move({ row: 4, column: 1 }, 'Down')).toBeUndefined()
  })

  it('jumps whole wide keys on the bottom row and keeps the column going up and down', () => {
    expect(keyAt(move({ row: 4, column: 0 }, 'Right')!)).toBe('next')
    expect(keyAt(move({ row: 4, column: 3 }, 'Right')!)).toBe('submit')
    const down = move({ row: 3, column: 5 }, 'Down')!
    expect(keyAt(down)).toBe('next')
    expect(keyAt(move(down, 'Up')!)).toBe('6')
  })

  it('walks from any key to any other key with the arrows alone', () => {
    expect.hasAssertions()
    const keys = [...'anz@09', 'delete', 'next', 'submit']
    for (const from of keys)
      for (const to of keys) {
        const { moves, at } = pathTo(positionOf(from)!, to)
        let walked = positionOf(from)!
        for (const m of moves) walked = move(walked, m)!
        expect(keyAt(walked)).toBe(to)
        expect(keyAt(at)).toBe(to)
      }
  })
})

describe('the search keyboards', () => {
  it.each([
    ['Latin', SEARCH_LATIN_LAYOUT],
    ['Arabic', SEARCH_ARABIC_LAYOUT],
  ])('%s: ten distinct characters a row, every key reachable from every other', (_, layout) => {
    expect.hasAssertions()
    for (const row of layout.rows) expect([...row]).toHaveLength(COLUMNS)
    const keys = [...layout.rows.join(''), ...layout.special.map((k) => k.id)]
    expect(new Set(keys).size).toBe(keys.length)
    for (const key of keys) {
      const at = positionOf(key, layout)!
      expect(keyAt(at, layout)).toBe(key)
      expect(pathTo({ row: 0, column: 0 }, key, layout).at).toEqual(at)
    }
  })

  it('the Arabic keys hold the 28 letters and the hamza forms', () => {
    const letters = 'ابتثجحخدذرزسشصضطظعغفقكلمنهويأإآءؤئ'
    for (const letter of letters) expect(SEARCH_ARABIC_LAYOUT.rows.join('')).toContain(letter)
  })

  it('the special row of a search keyboard: delete, space, script', () => {
    expect(keyAt({ row: 4, column: 1 }, SEARCH_LATIN_LAYOUT)).toBe('delete')
    expect(keyAt({ row: 4, column: 5 }, SEARCH_LATIN_LAYOUT)).toBe('space')
    expect(move({ row: 5, column: 3 }, 'Right', SEARCH_ARABIC_LAYOUT)).toEqual({ row: 5, column: 7 })
    expect(keyAt({ row: 5, column: 8 }, SEARCH_ARABIC_LAYOUT)).toBe('script')
  })
})
