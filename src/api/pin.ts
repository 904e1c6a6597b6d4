import * as v from 'valibot'
import type { PinState } from '../domain/pin'
import type { EnvelopeCall } from './envelope'
import type { CallOptions } from './transport'
import { bool, num, parseDocument } from './validate'

const pinStateSchema = v.pipe(
  v.looseObject({ Enabled: bool, FailedAttempts: v.nullish(num, 0), LockedUntil: v.nullish(num, null) }),
  v.transform(
    (p): PinState => ({ enabled: p.Enabled, failedAttempts: p.FailedAttempts, lockedUntil: p.LockedUntil }),
  ),
)

/**
 * The parental/purchase PIN. PINs go in request bodies only and never into an error reason or
 * a log. Nothing that checks a PIN is retried: each attempt counts towards the lock.
 */
export const pinMethods = (call: EnvelopeCall) => ({
  getPinState: (options: CallOptions = {}): Promise<PinState> =>
    call('GetPinState', {}, (c) => parseDocument(pinStateSchema, c, 'GetPinState Content'), {
      ...options,
      idempotent: true,
    }),

  changePin: (oldPin: string, newPin: string, options: CallOptions = {}): Promise<void> =>
    call('ChangePin', { OldPin: oldPin, NewPin: newPin }, () => undefined, { ...options, idempotent: false }),

  setPinEnabled: (pin: string, enabled: boolean, options: CallOptions = {}): Promise<void> =>
    call('SetPinEnabled', { Pin: pin, Enabled: enabled }, () => undefined, { ...options, idempotent: false }),
})
