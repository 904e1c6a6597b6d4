import {
  AUTO_EXPIRE_DAYS_RANGE,
  STORAGE_HOURS_RANGE,
  patchProblems,
  type SubscriptionSettings,
  type SubscriptionSettingsPatch,
} from './subscription'

/** The recording settings of document 002 a viewer changes with the remote. */
export type SettingField = 'enabled' | 'storageHours' | 'autoExpireDays'
export const SETTING_FIELDS: readonly SettingField[] = ['enabled', 'storageHours', 'autoExpireDays']

export type NumberField = Exclude<SettingField, 'enabled'>

export const SETTING_RANGE: Record<NumberField, { min: number; max: number }> = {
  storageHours: STORAGE_HOURS_RANGE,
  autoExpireDays: AUTO_EXPIRE_DAYS_RANGE,
}

/** One press of Left/Right: hours by ten, days by five (a year is 73 presses, not 365). */
export const SETTING_STEP: Record<NumberField, number> = { storageHours: 10, autoExpireDays: 5 }

/** Where a stepper starts when the operator sent no value (the document's own example). */
export const SETTING_START: Record<NumberField, number> = { storageHours: 25, autoExpireDays: 180 }

export interface Stepped {
  value: number
  /** The press would have left the document's range: the value stopped at this end. */
  limit?: 'min' | 'max'
}

/**
 * One step of a stepper. A value off the step grid lands on the grid first (97 -> 100 going
 * up, 97 -> 90 going down), and the document's limits are never crossed: a press beyond an
 * end keeps the end and says so, so that an out-of-range value can never be built.
 */
export const stepSetting = (field: NumberField, value: number | undefined, direction: 1 | -1): Stepped => {
  const { min, max } = SETTING_RANGE[field]
  const step = SETTING_STEP[field]
  if (value === undefined) return { value: SETTING_START[field] }
  const next = direction > 0 ? Math.floor(value / step) * step + step : Math.ceil(value / step) * step - step
  if (next > max) return value >= max ? { value: max, limit: 'max' } : { value: max }
  if (next < min) return value <= min ? { value: min, limit: 'min' } : { value: min }
  return { value: next }
}

export type SettingValues = {
  enabled: boolean | undefined
  storageHours: number | undefined
  autoExpireDays: number | undefined
}

export const settingValues = (s: SubscriptionSettings): SettingValues => ({
  enabled: s.nPvr.enabled,
  storageHours: s.nPvr.storageHours,
  autoExpireDays: s.nPvr.autoExpireDays,
})

/** The update that changes one setting: an override of the reseller's value (document 002). */
export const patchFor = (field: SettingField, value: boolean | number): SubscriptionSettingsPatch => ({
  nPvr: { override: true, [field]: value },
})

/**
 * Every refusal of document 002's table (and the failures around it) as one word the screen
 * translates next to the setting concerned.
 */
export type SettingProblem =
  | 'storageRange'
  | 'daysRange'
  | 'npvrUnavailable'
  | 'noIptv'
  | 'denied'
  | 'packageNotFound'
  | 'packageTwice'
  | 'packageOneMain'
  | 'packageTooFar'
  | 'packageEndBeforeStart'
  | 'invalid'
  | 'server'
  | 'offline'

/** The problem the document's limits find in a value before anything is sent. */
export const localProblem = (field: SettingField, value: boolean | number): SettingProblem | undefined => {
  const problem = patchProblems(patchFor(field, value))[0]
  if (!problem) return undefined
  return problem.field === 'nPvr.storage' ? 'storageRange' : 'daysRange'
}

/** What a refusal says, in the shape every API error has (kind, code, field, reason). */
export interface RefusalShape {
  kind: string
  code?: string | number
  field?: string
  reason?: string
}

export const settingProblemOf = (e: RefusalShape): SettingProblem => {
  if (e.kind === 'network' || e.kind === 'timeout' || e.kind === 'aborted') return 'offline'
  const code = typeof e.code === 'string' ? e.code : (e.field ?? '')
  switch (code) {
    case 'nPvr.storage':
      return 'storageRange'
    case 'nPvr.autoExpireDays':
      return 'daysRange'
    case 'nPvr.override':
      return 'npvrUnavailable'
    case 'customer':
      return 'noIptv'
    case 'access_denied':
      return 'denied'
    case 'packages[]._id':
      if (e.kind === 'notFound') return 'packageNotFound'
      return /main/i.test(e.reason ?? '') ? 'packageOneMain' : 'packageTwice'
    case 'packages[].end':
      return e.kind === 'conflict' ? 'packageTooFar' : 'packageEndBeforeStart'
  }
  if (e.kind === 'denied' || e.kind === 'auth') return 'denied'
  if (e.kind === 'validation') return 'invalid'
  return 'server'
}

/** Refusals that will not change by trying again: the setting is then shown read-only. */
export const isFinalRefusal = (p: SettingProblem): boolean =>
  p === 'npvrUnavailable' || p === 'noIptv' || p === 'denied'

export type RightAnswer = 'allowed' | 'forbidden' | 'channel'

/**
 * Document 002's scrubbing rights in plain words: with an override, what the subscription
 * says; without one (or for an action it leaves out), each channel decides.
 */
export const rightsSummary = (
  scrub: SubscriptionSettings['scrub'],
): Record<'pause' | 'forward' | 'backward', RightAnswer> => {
  const answer = (value: boolean | undefined): RightAnswer =>
    !scrub.override || value === undefined ? 'channel' : value ? 'allowed' : 'forbidden'
  return { pause: answer(scrub.pause), forward: answer(scrub.forward), backward: answer(scrub.backward) }
}
