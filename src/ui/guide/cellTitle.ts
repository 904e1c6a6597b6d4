import type { Programme } from '../../domain/guide'
import type { Slot } from '../../domain/guideGrid'
import { withoutEmoji } from '../text/textRules'

/**
 * What a programme's cell says: its title, or, when it has none to show (empty, or emoji only,
 * which the fonts cannot draw), what a hole in the guide says, drawn as a hole.
 */
export const slotTitle = (
  slot: Slot<Programme> & { kind: 'programme' },
  looks: { gapText: string } | undefined,
): { text: string; untitled: boolean } =>
  withoutEmoji(slot.programme.title).trim() === ''
    ? { text: looks?.gapText ?? '', untitled: true }
    : { text: slot.programme.title, untitled: false }
