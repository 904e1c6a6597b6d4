/**
 * Programme flags as the programmes table keeps them (bits of `flags`) and as the wire names
 * them, in this order.
 */
export const FLAG_BITS = { New: 1, Premiere: 2, Live: 4 } as const
export type FlagName = keyof typeof FLAG_BITS
export const FLAG_NAMES = Object.keys(FLAG_BITS) as FlagName[]

export const flagsOf = (bits: number): FlagName[] =>
  FLAG_NAMES.filter((name) => (bits & FLAG_BITS[name]) !== 0)

export const bitsOf = (names: Iterable<FlagName>): number => {
  let bits = 0
  for (const name of names) bits |= FLAG_BITS[name]
  return bits
}
