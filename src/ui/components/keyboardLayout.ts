/**
 * The on-screen keyboards' layouts and how the remote's arrows move over them. Pure data and
 * arithmetic, so that the component, its tests and the e2e helper that types with the arrows
 * all agree on where each key is. Every layout has ten columns of characters and a last row of
 * wide special keys.
 */
export type SpecialKey = 'delete' | 'next' | 'submit' | 'space' | 'script'
export type KeyId = string | SpecialKey

export const COLUMNS = 10

export interface KeyboardLayout {
  /** Character rows, each COLUMNS characters. */
  rows: readonly string[]
  /** The special row: each key spans a run of columns. */
  special: readonly { id: SpecialKey; from: number; to: number }[]
}

/** Sign-in: user names and passwords. */
export const SIGN_IN_LAYOUT: KeyboardLayout = {
  rows: ['abcdefghij', 'klmnopqrst', 'uvwxyz.-_@', '1234567890'],
  special: [
    { id: 'delete', from: 0, to: 2 },
    { id: 'next', from: 3, to: 6 },
    { id: 'submit', from: 7, to: 9 },
  ],
}

const SEARCH_SPECIAL: KeyboardLayout['special'] = [
  { id: 'delete', from: 0, to: 2 },
  { id: 'space', from: 3, to: 6 },
  { id: 'script', from: 7, to: 9 },
]

/** Search, Latin letters (accents are not needed: the operator's search ignores them). */
export const SEARCH_LATIN_LAYOUT: KeyboardLayout = {
  rows: ['abcdefghij', 'klmnopqrst', "uvwxyz'&-:", '1234567890'],
  special: SEARCH_SPECIAL,
}

/**
 * Search, Arabic letters: the 28 letters, taa marbuta, alif maqsura and the hamza forms (the
 * operator's search folds Latin accents, not an alif's hamza: "أسرار" is not found as "اسرار").
 */
export const SEARCH_ARABIC_LAYOUT: KeyboardLayout = {
  rows: ['ضصثقفغعهخح', 'جشسيبلاتنم', 'كطذدرزوظةى', "أإآءؤئ'-:&", '1234567890'],
  special: SEARCH_SPECIAL,
}

/** Kept for the sign-in page and its tests: the sign-in layout's rows. */
export const CHARACTER_ROWS = SIGN_IN_LAYOUT.rows
export const SPECIAL_ROW = SIGN_IN_LAYOUT.special

export const rowsOf = (layout: KeyboardLayout): number => layout.rows.length + 1

export interface KeyPosition {
  row: number
  column: number
}

export const keyAt = ({ row, column }: KeyPosition, layout: KeyboardLayout = SIGN_IN_LAYOUT): KeyId => {
  if (row === layout.rows.length)
    return layout.special.find((k) => column >= k.from && column <= k.to)?.id ?? layout.special[0]?.id ?? ''
  return layout.rows[row]?.[column] ?? ''
}

export const positionOf = (key: KeyId, layout: KeyboardLayout = SIGN_IN_LAYOUT): KeyPosition | undefined => {
  const special = layout.special.find((k) => k.id === key)
  if (special) return { row: layout.rows.length, column: special.from }
  for (let row = 0; row < layout.rows.length; row++) {
    const column = layout.rows[row]?.indexOf(key) ?? -1
    if (column >= 0 && key !== '') return { row, column }
  }
  return undefined
}

export type Move = 'Up' | 'Down' | 'Left' | 'Right'

/**
 * Where an arrow leads, or undefined at an edge (the key travels on to the page). On the
 * special row Left and Right jump whole keys; Up and Down keep the column, so that going down
 * and back up returns to the same letter.
 */
export const move = (
  at: KeyPosition,
  direction: Move,
  layout: KeyboardLayout = SIGN_IN_LAYOUT,
): KeyPosition | undefined => {
  const { row, column } = at
  const special = layout.rows.length
  switch (direction) {
    case 'Up':
      return row > 0 ? { row: row - 1, column } : undefined
    case 'Down':
      return row < rowsOf(layout) - 1 ? { row: row + 1, column } : undefined
    case 'Left': {
      if (row !== special) return column > 0 ? { row, column: column - 1 } : undefined
      const i = layout.special.findIndex((k) => column >= k.from && column <= k.to)
      const prev = layout.special[i - 1]
      return prev ? { row, column: prev.from } : undefined
    }
    case 'Right': {
      if (row !== special) return column < COLUMNS - 1 ? { row, column: column + 1 } : undefined
      const i = layout.special.findIndex((k) => column >= k.from && column <= k.to)
      const next = layout.special[i + 1]
      return next ? { row, column: next.from } : undefined
    }
  }
}

/** The arrows that take the focus from one position to a key (vertical first, then across). */
export const pathTo = (
  from: KeyPosition,
  key: KeyId,
  layout: KeyboardLayout = SIGN_IN_LAYOUT,
): { moves: Move[]; at: KeyPosition } => {
  const target = positionOf(key, layout)
  if (!target) throw new Error(`no key "${key}" on the keyboard`)
  const moves: Move[] = []
  let at = from
  for (let guard = 0; guard < 40 && keyAt(at, layout) !== key; guard++) {
    const direction: Move =
      at.row < target.row ? 'Down' : at.row > target.row ? 'Up' : at.column < target.column ? 'Right' : 'Left'
    const next = move(at, direction, layout)
    if (!next) break
    moves.push(direction)
    at = next
  }
  if (keyAt(at, layout) !== key) throw new Error(`cannot reach "${key}"`)
  return { moves, at }
}
