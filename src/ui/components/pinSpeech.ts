import { PIN_LENGTH } from '../../domain/pin'
import { phrase, type Phrase } from '../i18n'

/**
 * How far the PIN is typed, as said: "2 of 4 digits entered". It takes a count, never the
 * digits, so nothing that speaks can learn which were typed.
 */
export const pinProgressSpeech = (typed: number): Phrase =>
  phrase('voice.pin.entered', { count: Math.max(0, Math.min(PIN_LENGTH, typed)), total: PIN_LENGTH })
