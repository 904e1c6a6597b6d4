import * as v from 'valibot'
import type { ParentalControl } from '../domain/parental'
import type { EnvelopeCall } from './envelope'
import type { CallOptions } from './transport'
import { bool, id, num, parseDocument } from './validate'

const controlSchema = v.pipe(
  v.looseObject({ Enabled: bool, MaxRating: num, PinEnabled: v.nullish(bool, true) }),
  v.transform(
    (c): ParentalControl => ({ enabled: c.Enabled, maxRating: c.MaxRating, pinEnabled: c.PinEnabled }),
  ),
)

const unlockSchema = v.looseObject({ ProgrammeID: v.nullish(id), UnlockedUntil: num })

/**
 * Parental control: the settings, document 000's DisablePin / EnablePin and unlocking one
 * programme. PINs go in request bodies only; nothing that checks a PIN is retried, since each
 * attempt counts towards the operator's lock.
 */
export const parentalMethods = (call: EnvelopeCall) => ({
  getParentalControl: (options: CallOptions = {}): Promise<ParentalControl> =>
    call('GetParentalControl', {}, (c) => parseDocument(controlSchema, c, 'GetParentalControl Content'), {
      ...options,
      idempotent: true,
    }),

  setParentalControl: (
    pin: string,
    control: { enabled: boolean; maxRating: number },
    options: CallOptions = {},
  ): Promise<ParentalControl> =>
    call(
      'SetParentalControl',
      { Pin: pin, Enabled: control.enabled, MaxRating: control.maxRating },
      (c) => parseDocument(controlSchema, c, 'SetParentalControl Content'),
      { ...options, idempotent: false },
    ),

  disablePin: (pin: string, options: CallOptions = {}): Promise<void> =>
    call('DisablePin', { Pin: pin }, () => undefined, { ...options, idempotent: false }),

  enablePin: (pin: string, options: CallOptions = {}): Promise<void> =>
    call('EnablePin', { Pin: pin }, () => undefined, { ...options, idempotent: false }),

  /** Resolves with when the unlock ends (Unix seconds). */
  unlockProgramme: (programmeId: string, pin: string, options: CallOptions = {}): Promise<number> =>
    call(
      'UnlockProgramme',
      { ProgrammeID: programmeId, Pin: pin },
      (c) => parseDocument(unlockSchema, c, 'UnlockProgramme Content').UnlockedUntil,
      { ...options, idempotent: false },
    ),
})
