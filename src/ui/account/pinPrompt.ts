import type { PinChangeState } from '../../state/account/pinChange'
import { formatTime } from '../format'
import { phrase, type Phrase } from '../i18n'

/** What the PIN dialog does for a step of the PIN change. */
export type PinPrompt =
  | { kind: 'close' }
  /** Ask for a PIN; `wrong` after a wrong old PIN, with the tries left when the operator said. */
  | { kind: 'ask'; title: Phrase; body: Phrase; wrong: boolean; attemptsLeft: number | undefined }
  | { kind: 'locked'; text: Phrase }
  /** Close the dialog and say why in a toast. */
  | { kind: 'failed'; toast: Phrase }
  /** Sending: the dialog stays as it is. */
  | { kind: 'wait' }

/** The PIN change's steps as the dialog shows them: old PIN, new PIN (again after a mismatch), repeat. */
export const pinPrompt = (state: PinChangeState): PinPrompt => {
  const ask = (title: string, body: string, wrong = false, attemptsLeft?: number): PinPrompt => ({
    kind: 'ask',
    title: phrase(title),
    body: phrase(body),
    wrong,
    attemptsLeft,
  })
  switch (state.step) {
    case 'closed':
      return { kind: 'close' }
    case 'old':
      return ask('account.pin.old.title', 'account.pin.old.body', state.wrong === true, state.attemptsLeft)
    case 'new':
      return ask('account.pin.new.title', state.mismatch ? 'account.pin.mismatch' : 'account.pin.new.body')
    case 'repeat':
      return ask('account.pin.repeat.title', 'account.pin.repeat.body')
    case 'sending':
      return { kind: 'wait' }
    case 'locked':
      return { kind: 'locked', text: phrase('account.pin.locked', { time: formatTime(state.lockedUntil) }) }
    case 'failed':
      return { kind: 'failed', toast: phrase(state.offline ? 'account.pin.offline' : 'account.pin.failed') }
  }
}
