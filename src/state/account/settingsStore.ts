import { BehaviorSubject, Observable } from 'rxjs'
import {
  SETTING_FIELDS,
  isFinalRefusal,
  localProblem,
  patchFor,
  settingProblemOf,
  settingValues,
  stepSetting,
  type NumberField,
  type SettingField,
  type SettingProblem,
  type SettingValues,
} from '../../domain/accountSettings'
import type { SubscriptionSettings, SubscriptionSettingsPatch } from '../../domain/subscription'

export interface SettingsPorts {
  load(signal: AbortSignal): Promise<SubscriptionSettings>
  save(patch: SubscriptionSettingsPatch): Promise<SubscriptionSettings>
  /** A saved change moved stamps (quota, rights): look at them now. */
  afterSave(): void
}

export interface SettingRow {
  field: SettingField
  /** What the screen shows: the draft while the viewer steps, else the saved value. */
  value: boolean | number | undefined
  dirty: boolean
  saving: boolean
  /** Next to the setting: why it was refused, or which limit a press ran into. */
  problem?: SettingProblem
  limit?: 'min' | 'max'
  /** Refused for good (the provider decides it): shown read-only with this reason. */
  readOnly?: SettingProblem
}

export type SettingsState =
  | { kind: 'loading' }
  | { kind: 'failed'; problem: SettingProblem }
  | { kind: 'ready'; settings: SubscriptionSettings; rows: Readonly<Record<SettingField, SettingRow>> }

type Rows = Record<SettingField, SettingRow>

const rowsOf = (values: SettingValues, previous?: Rows): Rows => {
  const row = (field: SettingField): SettingRow => ({
    field,
    value: values[field],
    dirty: false,
    saving: false,
    ...(previous?.[field].readOnly !== undefined ? { readOnly: previous[field].readOnly } : {}),
  })
  return { enabled: row('enabled'), storageHours: row('storageHours'), autoExpireDays: row('autoExpireDays') }
}

/**
 * The recording settings of document 002 for the account screen: loaded when asked, changed
 * with steppers (never beyond the document's limits), checked again before sending, sent one
 * setting at a time, and every refusal kept next to the setting it concerns. A refusal that
 * trying again cannot change (nPVR not available, the provider decides) makes the setting
 * read-only. One instance per screen; nothing here reads the clock.
 */
/** The recording settings of document 002 for the account screen. */
export interface SettingsStore {
  readonly state$: Observable<SettingsState>
  readonly current: SettingsState
  load(): Promise<void>
  /** Left/Right on a number: the draft moves by one step, never beyond the limits. */
  step(field: NumberField, direction: 1 | -1): void
  /** OK on a number sends the draft; OK on the switch turns it over and sends that. */
  confirm(field: SettingField): Promise<void>
  /** Back on a stepped value: the saved one again. */
  revert(field: SettingField): boolean
  dispose(): void
}

export const createSettingsStore = (ports: SettingsPorts): SettingsStore => {
  const state = new BehaviorSubject<SettingsState>({ kind: 'loading' })
  let controller: AbortController | undefined

  const ready = (): Extract<SettingsState, { kind: 'ready' }> | undefined => {
    const s = state.value
    return s.kind === 'ready' ? s : undefined
  }

  const patchRow = (field: SettingField, change: (row: SettingRow) => SettingRow): void => {
    const s = ready()
    if (!s) return
    state.next({ ...s, rows: { ...s.rows, [field]: change(s.rows[field]) } })
  }

  const withoutNotes = (row: SettingRow): SettingRow => {
    const { problem: _p, limit: _l, ...rest } = row
    return rest
  }

  const save = async (field: SettingField, value: boolean | number): Promise<void> => {
    const s = ready()
    if (!s || s.rows[field].saving || s.rows[field].readOnly) return
    // The document's limits, once more before sending: a value outside them never leaves the box.
    const local = localProblem(field, value)
    if (local) {
      patchRow(field, (row) => ({ ...row, problem: local }))
      return
    }
    patchRow(field, (row) => ({ ...withoutNotes(row), value, dirty: false, saving: true }))
    try {
      const settings = await ports.save(patchFor(field, value))
      const now = ready()
      const rows = rowsOf(settingValues(settings), now?.rows)
      // Other settings the viewer is still stepping keep their drafts.
      for (const other of SETTING_FIELDS) {
        const was = now?.rows[other]
        if (other !== field && was?.dirty) rows[other] = { ...rows[other], value: was.value, dirty: true }
      }
      state.next({ kind: 'ready', settings, rows })
      ports.afterSave()
    } catch (error: unknown) {
      const problem = settingProblemOf(toShape(error))
      const saved = settingValues(s.settings)[field]
      patchRow(field, (row) => ({
        ...row,
        value: saved,
        dirty: false,
        saving: false,
        problem,
        ...(isFinalRefusal(problem) ? { readOnly: problem } : {}),
      }))
    }
  }

  return {
    state$: state.asObservable() as Observable<SettingsState>,
    get current(): SettingsState {
      return state.value
    },

    async load(): Promise<void> {
      controller?.abort()
      const mine = new AbortController()
      controller = mine
      if (state.value.kind !== 'ready') state.next({ kind: 'loading' })
      try {
        const settings = await ports.load(mine.signal)
        if (mine.signal.aborted) return
        state.next({ kind: 'ready', settings, rows: rowsOf(settingValues(settings), ready()?.rows) })
      } catch (error: unknown) {
        if (mine.signal.aborted) return
        // The last good settings stay on screen; only a first load failing shows the failure.
        if (state.value.kind !== 'ready')
          state.next({ kind: 'failed', problem: settingProblemOf(toShape(error)) })
      }
    },

    /** Left/Right on a number: the draft moves by one step, never beyond the limits. */
    step(field: NumberField, direction: 1 | -1): void {
      const s = ready()
      const row = s?.rows[field]
      if (!s || !row || row.saving || row.readOnly) return
      const stepped = stepSetting(field, typeof row.value === 'number' ? row.value : undefined, direction)
      const saved = settingValues(s.settings)[field]
      patchRow(field, (r) => ({
        ...withoutNotes(r),
        value: stepped.value,
        dirty: stepped.value !== saved,
        ...(stepped.limit ? { limit: stepped.limit } : {}),
      }))
    },

    /** OK on a number sends the draft; OK on the switch turns it over and sends that. */
    confirm(field: SettingField): Promise<void> {
      const row = ready()?.rows[field]
      if (!row) return Promise.resolve()
      if (field === 'enabled') return save(field, row.value !== true)
      if (typeof row.value !== 'number') return Promise.resolve()
      return save(field, row.value)
    },

    /** Back on a stepped value: the saved one again. */
    revert(field: SettingField): boolean {
      const s = ready()
      if (!s?.rows[field].dirty) return false
      patchRow(field, (row) => ({
        ...withoutNotes(row),
        value: settingValues(s.settings)[field],
        dirty: false,
      }))
      return true
    },

    dispose(): void {
      controller?.abort()
      state.complete()
    },
  }
}

const toShape = (
  error: unknown,
): { kind: string; code?: string | number; field?: string; reason?: string } => {
  if (typeof error !== 'object' || error === null) return { kind: 'server' }
  const e = error as Record<string, unknown>
  return {
    kind: typeof e.kind === 'string' ? e.kind : 'server',
    ...(typeof e.code === 'string' || typeof e.code === 'number' ? { code: e.code } : {}),
    ...(typeof e.field === 'string' ? { field: e.field } : {}),
    ...(typeof e.reason === 'string' ? { reason: e.reason } : {}),
  }
}
