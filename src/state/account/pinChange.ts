import { BehaviorSubject, Observable } from 'rxjs'
import { STATUS_CODE } from '../../api/envelope'
import { isApiError } from '../../api'
import { isPinComplete } from '../../domain/pin'
import type { UnixSeconds } from '../../domain/time'

/**
 * The PIN change as the viewer goes through it: the old PIN, the new one, the new one again,
 * then one ChangePin call (never retried: each wrong old PIN counts towards the lock).
 */
export type PinChangeState =
  | { step: 'closed' }
  | { step: 'old'; attemptsLeft?: number; wrong?: boolean }
  | { step: 'new'; mismatch?: boolean }
  | { step: 'repeat' }
  | { step: 'sending' }
  | { step: 'locked'; lockedUntil: UnixSeconds }
  | { step: 'failed'; offline: boolean }

export interface PinChangeOptions {
  changePin: (oldPin: string, newPin: string) => Promise<void>
  nowSeconds: () => UnixSeconds
  /** Told once the operator took the new PIN. */
  onDone: () => void
}

const DEFAULT_LOCK_SECONDS = 60

/** The PIN change: old -> new -> repeat -> one ChangePin. */
export interface PinChange {
  readonly state$: Observable<PinChangeState>
  readonly current: PinChangeState
  open(): void
  /** Four digits typed in the current step. */
  enter(pin: string): void
  close(): void
}

export const createPinChange = (options: PinChangeOptions): PinChange => {
  const state = new BehaviorSubject<PinChangeState>({ step: 'closed' })
  // The PINs live here only while the flow is open, and are dropped on every way out.
  let oldPin = ''
  let newPin = ''
  const forget = (): void => {
    oldPin = ''
    newPin = ''
  }

  const send = (): void => {
    state.next({ step: 'sending' })
    const [o, n] = [oldPin, newPin]
    options.changePin(o, n).then(
      () => {
        forget()
        state.next({ step: 'closed' })
        options.onDone()
      },
      (error: unknown) => {
        forget()
        if (isApiError(error) && error.code === STATUS_CODE.PinLocked) {
          const until = error.kind === 'denied' ? error.lockedUntil : undefined
          state.next({ step: 'locked', lockedUntil: until ?? options.nowSeconds() + DEFAULT_LOCK_SECONDS })
        } else if (isApiError(error) && error.code === STATUS_CODE.PinRequired) {
          const left = error.kind === 'denied' ? error.attemptsLeft : undefined
          state.next({ step: 'old', wrong: true, ...(left !== undefined ? { attemptsLeft: left } : {}) })
        } else {
          const offline = isApiError(error) && (error.kind === 'network' || error.kind === 'timeout')
          state.next({ step: 'failed', offline })
        }
      },
    )
  }

  return {
    state$: state.asObservable() as Observable<PinChangeState>,
    get current(): PinChangeState {
      return state.value
    },
    open(): void {
      forget()
      state.next({ step: 'old' })
    },
    /** Four digits typed in the current step. */
    enter(pin: string): void {
      if (!isPinComplete(pin)) return
      const current = state.value
      switch (current.step) {
        case 'old':
          oldPin = pin
          state.next({ step: 'new' })
          return
        case 'new':
          newPin = pin
          state.next({ step: 'repeat' })
          return
        case 'repeat':
          if (pin !== newPin) {
            newPin = ''
            state.next({ step: 'new', mismatch: true })
            return
          }
          send()
          return
        default:
          return
      }
    },
    close(): void {
      forget()
      state.next({ step: 'closed' })
    },
  }
}
