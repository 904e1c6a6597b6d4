import type { ParentalLock } from '../../state/user/parentalLock'
import { pinRefusalOf } from '../../state/user/parentalLock'
import { formatTime } from '../format'
import { phrase, say, t, type Phrase } from '../i18n'
import type { PinDialog } from './PinDialog'

/** A wrong parental PIN: how many tries are left before the (shared) PIN is locked. */
export const parentalWrongPhrase = (attemptsLeft: number | undefined): Phrase =>
  attemptsLeft === undefined
    ? phrase('store.pin.wrong')
    : attemptsLeft === 1
      ? phrase('parental.pin.wrongLast')
      : phrase('parental.pin.wrongLeft', { count: attemptsLeft })

export interface ParentalPinRequest {
  dialog: PinDialog
  lock: ParentalLock
  programme: { readonly id: string; readonly rating?: number | undefined }
  nowSeconds: () => number
  onUnlocked: (until: number) => void
  onCancel?: () => void
  /** The operator could not be asked: the dialog closes and this says why. */
  onFailed: (message: string) => void
}

/**
 * Asks for the PIN to unlock one programme, with the PIN dialog: the operator checks it (and
 * counts wrong ones towards the purchase PIN's lock); the dialog says how many tries are left,
 * or until when the PIN is locked.
 */
export const askParentalPin = (request: ParentalPinRequest): void => {
  const { dialog, lock, programme } = request
  dialog.open({
    title: t('parental.pin.title'),
    body: t('parental.pin.body', { age: programme.rating ?? 18 }),
    wrongText: (left) => say(parentalWrongPhrase(left)),
    onCancel: () => request.onCancel?.(),
    onSubmit: (pin) => {
      lock
        .unlock(programme.id)(pin)
        .then(
          (until) => {
            dialog.close()
            request.onUnlocked(until)
          },
          (error: unknown) => {
            const refusal = pinRefusalOf(error, request.nowSeconds())
            if (refusal.kind === 'wrong') dialog.showWrong(refusal.attemptsLeft)
            else if (refusal.kind === 'locked')
              dialog.showLocked(t('parental.pin.locked', { time: formatTime(refusal.lockedUntil) }))
            else {
              dialog.close()
              request.onFailed(t('parental.failed'))
            }
          },
        )
    },
  })
}
