import { ApiError, post, qa } from '../api'
import { act, button, field, h, option, panel } from '../dom'
import { dateTime } from '../format'

interface ImportReport {
  file?: string
  channels?: number
  read?: number
  programmes?: number
  from?: number
  to?: number
  seconds?: number
  fixed?: Record<string, number>
  dropped?: Record<string, number>
  kept?: Record<string, number>
  undeclaredChannels?: string[]
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)

/** "offsetsNormalised" -> "offsets normalised". */
const words = (key: string): string => key.replace(/([A-Z])/g, ' $1').toLowerCase()

const counts = (title: string, group: Record<string, number> | undefined): HTMLElement | null => {
  const nonZero = Object.entries(group ?? {}).filter(([, n]) => n > 0)
  if (nonZero.length === 0) return null
  return h('div', {}, h('strong', {}, `${title}: `), nonZero.map(([k, n]) => `${words(k)} ${n}`).join(', '))
}

const showReport = (into: HTMLElement, report: ImportReport): void => {
  const range =
    report.from !== undefined && report.to !== undefined
      ? ` (${dateTime(report.from)} .. ${dateTime(report.to)})`
      : ''
  const parts = [
    h(
      'div',
      { qa: 'data-report-summary' },
      h('strong', {}, report.file ?? 'The file'),
      `: ${report.channels ?? 0} ${report.channels === 1 ? 'channel' : 'channels'}, ${report.programmes ?? 0} of ${report.read ?? 0} programmes imported${range}`,
      report.seconds !== undefined ? ` in ${report.seconds.toFixed(2)} s` : '',
    ),
    counts('fixed', report.fixed),
    counts('dropped', report.dropped),
    counts('kept', report.kept),
    report.undeclaredChannels?.length
      ? h('div', {}, h('strong', {}, 'undeclared channels: '), report.undeclaredChannels.join(', '))
      : null,
  ]
  into.replaceChildren(...parts.filter((x): x is HTMLElement => x !== null))
}

/** Reset to a scenario (asks first) and XMLTV import with its report; a broken file changes nothing. */
export const dataPanel = (): HTMLElement => {
  const p = panel('data', 'Data')
  const scenario = h(
    'select',
    { qa: 'data-scenario' },
    option('demo', 'demo'),
    option('empty', 'empty (accounts only)'),
    option('large', 'large (1,000 channels)'),
  )
  const resetResult = h('p', { class: 'result', qa: 'data-reset-result', hidden: true })
  const confirmRow = h('div', { class: 'row confirm', qa: 'data-reset-ask', hidden: true })
  const reset = button('Reset…', 'data-reset', () => {
    confirmRow.replaceChildren(
      h('span', {}, `Replace all data and sessions with “${scenario.value}”? Every box is signed out.`),
      button('Yes, reset', 'data-reset-confirm', (b) => {
        void act(p, b, async () => {
          const answer = await post<Record<string, unknown>>('reset', { scenario: scenario.value })
          confirmRow.hidden = true
          resetResult.textContent = `Reset to ${String(answer.scenario)}: ${String(answer.channels)} channels, ${String(answer.programmes)} programmes.`
          resetResult.hidden = false
        })
      }),
      button('No', 'data-reset-cancel', () => {
        confirmRow.hidden = true
        reset.focus()
      }),
    )
    confirmRow.hidden = false
    confirmRow.querySelector<HTMLButtonElement>('[data-qa="data-reset-cancel"]')?.focus()
  })

  const file = h('input', { type: 'file', accept: '.xml,.xmltv,application/xml,text/xml', qa: 'data-file' })
  const report = h('div', { class: 'result', qa: 'data-report', hidden: true })
  const importButton = button('Import', 'data-import', (b) => {
    const chosen = file.files?.[0]
    if (!chosen) return p.showError('Choose an XMLTV file first')
    report.hidden = true
    void act(p, b, async () => {
      try {
        const answer = await qa<{ report: ImportReport }>('POST', 'import', chosen, 'application/xml')
        showReport(report, { ...answer.report, file: chosen.name })
        report.hidden = false
      } catch (e) {
        // A refused file may come with the report of what was read: shown under the error.
        if (e instanceof ApiError && isRecord(e.body) && isRecord(e.body.report)) {
          showReport(report, { ...(e.body.report as ImportReport), file: chosen.name })
          report.hidden = false
        }
        const message =
          e instanceof ApiError && isRecord(e.body) && typeof e.body.message === 'string'
            ? e.body.message
            : e instanceof Error
              ? e.message
              : String(e)
        // The importer writes nothing from a broken file; said once, whoever said it first.
        throw new Error(
          `${chosen.name}: ${message}${/nothing was imported/i.test(message) ? '' : '; nothing was imported'}`,
        )
      }
    })
  })

  p.body.append(
    h('div', { class: 'row' }, field('Scenario', scenario), reset),
    confirmRow,
    resetResult,
    h('div', { class: 'row' }, field('XMLTV file', file), importButton),
    report,
  )
  return p.root
}
