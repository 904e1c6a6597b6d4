import type { Programme } from '../../domain/guide'
import type { Slot } from '../../domain/guideGrid'
import { withoutEmoji } from '../text/textRules'

/** What the parental lock hides: the words for a locked programme and the rule (domain/parental). */
export interface LockLooks {
  gapText: string
  /** "Locked programme", drawn instead of the title of a programme above the parental limit. */
  lockedProgrammeText?: string
  isLocked?: (programme: Programme) => boolean
}

/**
 * What a programme's cell says: its title; "Locked programme" while it is above the parental
 * limit and not unlocked; or, when it has no title to show (empty, or emoji only, which the
 * fonts cannot draw), what a hole in the guide says, drawn as a hole.
 */
export const slotTitle = (
  slot: Slot<Programme> & { kind: 'programme' },
  looks: LockLooks | undefined,
): { text: string; untitled: boolean; locked: boolean } => {
  if (looks?.lockedProgrammeText !== undefined && looks.isLocked?.(slot.programme) === true)
    return { text: looks.lockedProgrammeText, untitled: false, locked: true }
  return withoutEmoji(slot.programme.title).trim() === ''
    ? { text: looks?.gapText ?? '', untitled: true, locked: false }
    : { text: slot.programme.title, untitled: false, locked: false }
}
