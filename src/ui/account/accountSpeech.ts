import type { AccountRowModel } from './AccountRow'
import type { Speech } from '../components/voice'

/** A value made only of masking dots (the PIN row) says nothing: there is nothing to hear in it. */
const isMask = (value: string): boolean => /^[•●*]+$/.test(value.trim())

/** A setting or preference as said: its name and its value ("Voice guidance, On"). */
export const accountRowSpeech = (m: AccountRowModel): Speech => [
  m.label,
  isMask(m.value) ? undefined : m.value,
]

/** What Info adds: the note under the value (the hint, a limit, why it is read-only). */
export const accountRowDetail = (m: AccountRowModel): Speech => [m.note]
