import { get, post, qa, type LogEntry, type Session } from '../api'
import { act, button, h, panel } from '../dom'
import { dateTime, span } from '../format'
import { log, operatorNow, sessions, users } from '../store'

/** Who is signed in on which device; a session expired, a PIN lockout reset. Never a token. */
export const sessionsPanel = (): HTMLElement => {
  const refreshButton = button('Refresh', 'sessions-refresh', () => void refresh())
  const p = panel('sessions', 'Users and sessions', refreshButton)
  const sessionRows = h('tbody', { qa: 'session-rows' })
  const userRows = h('tbody', { qa: 'user-rows' })
  const none = h('p', { class: 'muted', qa: 'sessions-none' }, 'Nobody is signed in.')

  const refresh = async (): Promise<void> => {
    const answer = await act(p, null, () => get<{ sessions: Session[] }>('sessions'))
    if (answer) sessions.set(answer.sessions)
  }

  sessions.subscribe((list) => {
    const now = operatorNow()
    none.hidden = list.length > 0
    sessionRows.replaceChildren(
      ...[...list]
        .sort((a, b) => b.lastSeenAt - a.lastSeenAt)
        .map((x) =>
          h(
            'tr',
            { qa: 'session-row', 'data-user': x.userName ?? '', 'data-device': x.deviceId },
            h('td', {}, x.userName ?? h('span', { class: 'muted' }, 'anonymous')),
            h(
              'td',
              { title: x.deviceId },
              x.deviceName ?? '',
              ' ',
              h(
                'span',
                { class: 'muted mono' },
                x.deviceId.length > 10 ? `${x.deviceId.slice(0, 8)}…` : x.deviceId,
              ),
            ),
            h('td', { class: 'muted' }, dateTime(x.createdAt)),
            h('td', { title: dateTime(x.lastSeenAt) }, `${span(now - x.lastSeenAt)} ago`),
            h(
              'td',
              {},
              button('Expire', 'session-expire', (b) => {
                void act(p, b, async () => {
                  await qa('DELETE', `sessions/${encodeURIComponent(x.id)}`)
                  await refresh()
                })
              }),
            ),
          ),
        ),
    )
  })

  const lockout = h('p', { class: 'result', qa: 'pin-reset-result', hidden: true })
  users.subscribe((list) => {
    userRows.replaceChildren(
      ...list.map((u) =>
        h(
          'tr',
          { qa: 'user-row', 'data-user': u.id },
          h('td', {}, u.name),
          h('td', { class: 'mono' }, u.id),
          h('td', {}, u.role),
          h('td', { class: 'mono' }, u.customerId ?? ''),
          h(
            'td',
            {},
            button('Reset PIN lockout', 'pin-reset', (b) => {
              void act(p, b, async () => {
                await post('pin-lockout/reset', { userId: u.id })
                lockout.textContent = `${u.name}: PIN lockout reset.`
                lockout.hidden = false
              })
            }),
          ),
        ),
      ),
    )
  })

  p.body.append(
    h(
      'table',
      { class: 'grid', qa: 'sessions-table' },
      h(
        'thead',
        {},
        h('tr', {}, ...['User', 'Device', 'Signed in', 'Last seen', ''].map((t) => h('th', {}, t))),
      ),
      sessionRows,
    ),
    none,
    h('h3', {}, 'Users'),
    h(
      'table',
      { class: 'grid', qa: 'users-table' },
      h('thead', {}, h('tr', {}, ...['Name', 'Id', 'Role', 'Customer', ''].map((t) => h('th', {}, t)))),
      userRows,
    ),
    lockout,
  )

  // Sign-ins and sign-outs show at once; the rest (last seen) every few seconds.
  let pending: number | undefined
  const soon = (e: LogEntry): void => {
    if (!/Login|Logout/.test(e.operation ?? e.path) || pending !== undefined) return
    pending = window.setTimeout(() => {
      pending = undefined
      void refresh()
    }, 300)
  }
  log.added.add(soon)
  void refresh()
  setInterval(() => void refresh(), 5000)
  return p.root
}
