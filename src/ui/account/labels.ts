import type { AccountChange } from '../../domain/accountChanges'
import { historySentence } from '../../domain/accountHistory'
import {
  SETTING_RANGE,
  type RightAnswer,
  type SettingField,
  type SettingProblem,
} from '../../domain/accountSettings'
import type { SettingRow } from '../../state/account/settingsStore'
import { formatDate, formatTime } from '../format'
import { t } from '../i18n'
import type { AccountRowModel } from './AccountRow'
import type { HistoryRowModel } from './HistoryRow'

/** The words of the account screen, built from store values (translated, never the server's English). */

const LABEL: Record<SettingField, string> = {
  enabled: 'account.settings.enabled',
  storageHours: 'account.settings.storageHours',
  autoExpireDays: 'account.settings.autoExpireDays',
}

const valueText = (row: SettingRow): string => {
  if (row.value === undefined) return t('account.settings.notSet')
  if (row.field === 'enabled') return t(row.value === true ? 'account.settings.on' : 'account.settings.off')
  const count = Number(row.value)
  return row.field === 'storageHours'
    ? t('account.settings.hours', { count })
    : t('account.settings.days', { count })
}

const noteOf = (row: SettingRow): Pick<AccountRowModel, 'note' | 'tone'> => {
  if (row.saving) return { note: t('account.settings.saving'), tone: 'accent' }
  if (row.problem) return { note: t(`account.settings.problem.${row.problem}`), tone: 'danger' }
  if (row.limit && row.field !== 'enabled') {
    const range = SETTING_RANGE[row.field]
    return {
      note: t(`account.settings.limit.${row.field}.${row.limit}`, { min: range.min, max: range.max }),
      tone: 'warning',
    }
  }
  if (row.dirty) return { note: t('account.settings.dirty'), tone: 'accent' }
  if (row.readOnly) return { note: t(`account.settings.readOnly.${row.readOnly}`), tone: 'warning' }
  if (row.field === 'enabled') return { note: t('account.settings.enabled.hint'), tone: 'muted' }
  const range = SETTING_RANGE[row.field]
  return { note: t(`account.settings.${row.field}.hint`, { min: range.min, max: range.max }), tone: 'muted' }
}

/** Problems that describe the account as it is, so they read as well after a load as after a save. */
const STANDING_PROBLEMS: readonly SettingProblem[] = ['offline', 'npvrUnavailable', 'noIptv', 'denied']

/**
 * What the recording section says when its settings could not be loaded at all: a server error
 * or an answer that could not be read is not "could not save" (nothing was being saved).
 */
export const settingsLoadFailedText = (problem: SettingProblem): string =>
  t(
    STANDING_PROBLEMS.includes(problem)
      ? `account.settings.problem.${problem}`
      : 'account.settings.loadFailed',
  )

export const settingRowModel = (row: SettingRow): AccountRowModel => ({
  label: t(LABEL[row.field]),
  value: valueText(row),
  ...noteOf(row),
  stepper: row.field !== 'enabled',
  readOnly: row.readOnly !== undefined,
})

export const rightRowModel = (
  action: 'pause' | 'forward' | 'backward',
  answer: RightAnswer,
): AccountRowModel => ({
  label: t(`account.rights.${action}`),
  value: t(`account.rights.answer.${answer}`),
  note: t(`account.rights.${action}.${answer}`),
  tone: answer === 'forbidden' ? 'warning' : 'muted',
  stepper: false,
  readOnly: true,
})

const IDENTITY_KINDS = new Set(['email', 'phone', 'facebook', 'google', 'apple'])

export const historyRowModel = (change: AccountChange): HistoryRowModel => {
  const sentence = historySentence(change)
  const values = { ...sentence.values }
  if (values.kind !== undefined) {
    const kind = values.kind.toLowerCase()
    values.kind = IDENTITY_KINDS.has(kind) ? t(`account.history.identityKind.${kind}`) : values.kind
  }
  return {
    icon: sentence.icon,
    tone: sentence.tone,
    sentence: t(sentence.key, values),
    when: `${formatDate(change.at)} · ${formatTime(change.at)}`,
  }
}

/** "Every 15 minutes", "Every hour". */
export const pollPeriodText = (seconds: number): string =>
  seconds >= 3600 && seconds % 3600 === 0
    ? seconds === 3600
      ? t('account.prefs.poll.hour')
      : t('account.prefs.poll.hours', { count: seconds / 3600 })
    : t('account.prefs.poll.minutes', { count: Math.round(seconds / 60) })
