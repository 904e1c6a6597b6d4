/**
 * The on-screen keyboard's layout and how the remote's arrows move over it. Pure data and
 * arithmetic, so that the component, its tests and the e2e helper that types with the arrows
 * all agree on where each key is.
 */
export type SpecialKey = 'delete' | 'next' | 'submit'
export type KeyId = string | SpecialKey

export const COLUMNS = 10

/** Character rows; the last row holds the wide special keys. */
export const CHARACTER_ROWS: readonly string[] = ['abcdefghij', 'klmnopqrst', 'uvwxyz.-_@', '1234567890']

/** The special row: each key spans a run of columns. */
export const SPECIAL_ROW: readonly { id: SpecialKey; from: number; to: number }[] = [
  { id: 'delete', from: 0, to: 2 },
  { id: 'next', from: 3, to: 6 },
  { id: 'submit', from: 7, to: 9 },
]

export const ROWS = CHARACTER_ROWS.length + 1
const SPECIAL = CHARACTER_ROWS.length

export interface KeyPosition {
  row: number
  column: number
}

export const keyAt = ({ row, column }: KeyPosition): KeyId => {
  if (row === SPECIAL) return SPECIAL_ROW.find((k) => column >= k.from && column <= k.to)?.id ?? 'submit'
  return CHARACTER_ROWS[row]?.[column] ?? ''
}

export const positionOf = (key: KeyId): KeyPosition | undefined => {
  const special = SPECIAL_ROW.find((k) => k.id === key)
  if (special) return { row: SPECIAL, column: special.from }
  for (let row = 0; row < CHARACTER_ROWS.length; row++) {
    const column = CHARACTER_ROWS[row]?.indexOf(key) ?? -1
    if (column >= 0) return { row, column }
  }
  return undefined
}

export type Move = 'Up' | 'Down' | 'Left' | 'Right'

/**
 * Where an arrow leads, or undefined at an edge (the key travels on to the page). On the
 * special row Left and Right jump whole keys; Up and Down keep the column, so that going down
 * and back up returns to the same letter.
 */
export const move = (at: KeyPosition, direction: Move): KeyPosition | undefined => {
  const { row, column } = at
  switch (direction) {
    case 'Up':
      return row > 0 ? { row: row - 1, column } : undefined
    case 'Down':
      return row < ROWS - 1 ? { row: row + 1, column } : undefined
    case 'Left': {
      if (row !== SPECIAL) return column > 0 ? { row, column: column - 1 } : undefined
      const i = SPECIAL_ROW.findIndex((k) => column >= k.from && column <= k.to)
      const prev = SPECIAL_ROW[i - 1]
      return prev ? { row, column: prev.from } : undefined
    }
    case 'Right': {
      if (row !== SPECIAL) return column < COLUMNS - 1 ? { row, column: column + 1 } : undefined
      const i = SPECIAL_ROW.findIndex((k) => column >= k.from && column <= k.to)
      const next = SPECIAL_ROW[i + 1]
      return next ? { row, column: next.from } : undefined
    }
  }
}

/** The arrows that take the focus from one position to a key (vertical first, then across). */
export const pathTo = (from: KeyPosition, key: KeyId): { moves: Move[]; at: KeyPosition } => {
  const target = positionOf(key)
  if (!target) throw new Error(`no key "${key}" on the keyboard`)
  const moves: Move[] = []
  let at = from
  for (let guard = 0; guard < 40 && keyAt(at) !== key; guard++) {
    const direction: Move =
      at.row < target.row ? 'Down' : at.row > target.row ? 'Up' : at.column < target.column ? 'Right' : 'Left'
    const next = move(at, direction)
    if (!next) break
    moves.push(direction)
    at = next
  }
  if (keyAt(at) !== key) throw new Error(`cannot reach "${key}"`)
  return { moves, at }
}
