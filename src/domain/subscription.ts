import type { UnixSeconds } from './time'

/**
 * Document 002's subscription settings. Properties holding no value may be omitted by the
 * server, so the optional ones here are undefined when it said nothing.
 */
export interface NpvrSettings {
  override: boolean
  enabled?: boolean
  /** Hours the customer may store (1..999). */
  storageHours?: number
  /** Days before recordings are deleted automatically (1..365). */
  autoExpireDays?: number
}

export interface ScrubSettings {
  override: boolean
  forward?: boolean
  backward?: boolean
  pause?: boolean
}

export interface SubscriptionPackage {
  id: string
  start?: UnixSeconds
  /** null: explicitly without end; undefined: not said. */
  end?: UnixSeconds | null
}

export interface SubscriptionSettings {
  id?: string
  nPvr: NpvrSettings
  scrub: ScrubSettings
  packages: readonly SubscriptionPackage[]
}

/**
 * An update: as little as one property. null clears an override value. `packages`, when
 * given, replaces the whole list ("arrays must always be complete").
 */
export interface SubscriptionSettingsPatch {
  nPvr?: {
    override?: boolean
    enabled?: boolean | null
    storageHours?: number | null
    autoExpireDays?: number | null
  }
  scrub?: { override?: boolean; forward?: boolean | null; backward?: boolean | null; pause?: boolean | null }
  packages?: readonly { id: string; start?: UnixSeconds; end?: UnixSeconds | null }[]
}

export const STORAGE_HOURS_RANGE = { min: 1, max: 999 } as const
export const AUTO_EXPIRE_DAYS_RANGE = { min: 1, max: 365 } as const

/** The problems document 002's table would answer 422 with, found before sending. */
export const patchProblems = (patch: SubscriptionSettingsPatch): { field: string; message: string }[] => {
  const out: { field: string; message: string }[] = []
  const outside = (v: number | null | undefined, r: { min: number; max: number }): boolean =>
    typeof v === 'number' && (!Number.isInteger(v) || v < r.min || v > r.max)
  if (outside(patch.nPvr?.storageHours, STORAGE_HOURS_RANGE)) {
    out.push({ field: 'nPvr.storage', message: 'Storage size must be between 1 and 999' })
  }
  if (outside(patch.nPvr?.autoExpireDays, AUTO_EXPIRE_DAYS_RANGE)) {
    out.push({ field: 'nPvr.autoExpireDays', message: 'Number of days must be between 1 and 365' })
  }
  for (const p of patch.packages ?? []) {
    if (typeof p.end === 'number' && p.start !== undefined && p.end < p.start) {
      out.push({ field: 'packages[].end', message: 'End date cannot be before start date' })
    }
  }
  const ids = (patch.packages ?? []).map((p) => p.id)
  if (new Set(ids).size !== ids.length) {
    out.push({ field: 'packages[]._id', message: 'Package can only be included once' })
  }
  return out
}
