import { qa, type LogEntry } from '../api'
import { act, button, field, h, option, panel } from '../dom'
import { hms, operationOf } from '../format'
import { clearEntries, log, users } from '../store'

/** The DOM keeps this many rows: the table stays fast however long the console is open. */
const MAX_ROWS = 500

const STATUS_FILTERS: [string, string, (e: LogEntry) => boolean][] = [
  ['all', 'any status', () => true],
  ['ok', '2xx', (e) => e.status >= 200 && e.status < 300 && !e.faults?.length],
  ['4xx', '4xx', (e) => e.status >= 400 && e.status < 500],
  ['5xx', '5xx', (e) => e.status >= 500],
  ['failed', 'failed or faulted', (e) => e.status === 0 || e.status >= 400 || (e.faults?.length ?? 0) > 0],
]

const statusClass = (e: LogEntry): string =>
  e.status === 0 || e.status >= 500 ? 'bad' : e.status >= 400 ? 'warn' : e.faults?.length ? 'warn' : 'ok'

/** The /api requests live from /qa/events: newest at the top, filtered by user, route and status. */
export const logPanel = (): HTMLElement => {
  const count = h('span', { class: 'muted', qa: 'log-count' })
  const p = panel('log', 'Live request log', count)
  const user = h('select', { qa: 'log-user' }, option('', 'every user'))
  const route = h('select', { qa: 'log-route' }, option('', 'every route'))
  const status = h('select', { qa: 'log-status' }, ...STATUS_FILTERS.map(([v, l]) => option(v, l)))
  const rows = h('tbody', { qa: 'log-rows' })
  const routes = new Set<string>()

  const matches = (e: LogEntry): boolean => {
    if (user.value === '-' ? e.userId !== undefined : user.value !== '' && e.userId !== user.value)
      return false
    if (route.value !== '' && operationOf(e) !== route.value) return false
    const f = STATUS_FILTERS.find(([v]) => v === status.value)
    return f ? f[2](e) : true
  }

  const row = (e: LogEntry): HTMLTableRowElement =>
    h(
      'tr',
      {
        qa: 'log-row',
        class: statusClass(e),
        'data-id': e.id,
        'data-operation': operationOf(e),
        'data-status': e.status,
        'data-reason': e.reason ?? '',
        'data-user': e.userName ?? '',
      },
      h('td', { class: 'mono' }, hms(e.at)),
      h('td', {}, e.userName ?? (e.userId ? e.userId : h('span', { class: 'muted' }, '—'))),
      h('td', { class: 'mono ellipsis', title: e.deviceId ?? '' }, e.deviceId ?? ''),
      h('td', { class: 'mono' }, e.method),
      h('td', { class: 'ellipsis', title: e.path }, operationOf(e)),
      h('td', { class: 'mono status' }, e.status === 0 ? 'dropped' : e.status),
      h(
        'td',
        { class: 'mono num' },
        e.durationMs >= 1000 ? `${(e.durationMs / 1000).toFixed(1)} s` : `${Math.round(e.durationMs)}`,
      ),
      h('td', { class: 'fault' }, (e.faults ?? []).join(', ')),
      h('td', { class: `reason reason-${e.reason ?? 'none'}` }, e.reason ?? ''),
    )

  const addRoute = (e: LogEntry): void => {
    const op = operationOf(e)
    if (routes.has(op)) return
    routes.add(op)
    const sorted = [...routes].sort()
    const chosen = route.value
    route.replaceChildren(option('', 'every route'), ...sorted.map((r) => option(r, r, r === chosen)))
  }

  const updateCount = (): void => {
    count.textContent = `${rows.childElementCount} shown · ${log.entries.length} kept`
  }

  const redraw = (): void => {
    const shown: HTMLTableRowElement[] = []
    for (let i = log.entries.length - 1; i >= 0 && shown.length < MAX_ROWS; i--) {
      const e = log.entries[i]
      if (e && matches(e)) shown.push(row(e))
    }
    rows.replaceChildren(...shown)
    updateCount()
  }

  log.added.add((e) => {
    addRoute(e)
    if (!matches(e)) return updateCount()
    rows.prepend(row(e))
    while (rows.childElementCount > MAX_ROWS) rows.lastElementChild?.remove()
    updateCount()
  })
  log.reset.add(() => {
    for (const e of log.entries) addRoute(e)
    redraw()
  })
  for (const select of [user, route, status]) select.addEventListener('change', redraw)
  users.subscribe((list) => {
    const chosen = user.value
    user.replaceChildren(
      option('', 'every user'),
      option('-', 'nobody signed in'),
      ...list.map((u) => option(u.id, u.name, u.id === chosen)),
    )
  })

  const clear = button('Clear', 'log-clear', (b) => {
    void act(p, b, async () => {
      await qa('DELETE', 'requests')
      clearEntries()
    })
  })

  p.body.append(
    h('div', { class: 'row' }, field('User', user), field('Route', route), field('Status', status), clear),
    h(
      'div',
      { class: 'scroll' },
      h(
        'table',
        { class: 'grid log', qa: 'log-table' },
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            ...['Time', 'User', 'Device', 'Method', 'Operation', 'Status', 'ms', 'Fault', 'Reason'].map((t) =>
              h('th', {}, t),
            ),
          ),
        ),
        rows,
      ),
    ),
  )
  updateCount()
  return p.root
}
