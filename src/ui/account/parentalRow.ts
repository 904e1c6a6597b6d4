import type { ParentalControl } from '../../domain/parental'
import { phrase, type Phrase } from '../i18n'

export interface ParentalRowLook {
  value: Phrase
  note: Phrase
  /** A limit chosen with Left/Right and not yet saved. */
  dirty: boolean
}

/**
 * The Preferences row of parental control: on with its limit, or off; a limit being chosen
 * says that OK saves it (with the PIN); with the PIN itself off, that nothing is locked.
 */
export const parentalRowLook = (control: ParentalControl, chosenLimit: number): ParentalRowLook => {
  const dirty = chosenLimit !== control.maxRating
  const value = dirty
    ? phrase('account.parental.limit', { age: chosenLimit })
    : control.enabled
      ? phrase('account.parental.on', { age: control.maxRating })
      : phrase('account.parental.off')
  const note =
    !control.pinEnabled && control.enabled
      ? phrase('account.parental.pinOff')
      : phrase('account.parental.hint')
  return { value, note, dirty }
}
