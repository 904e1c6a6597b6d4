import { get, type LogEntry, type Stamps } from '../api'
import { h, option, panel, s } from '../dom'
import { dateTime, hm, hms, span } from '../format'
import { log, operatorNow, seenAt, selectedUser, stampsMoved, users } from '../store'

const WINDOWS: [number, string][] = [
  [60, 'last minute'],
  [600, 'last 10 min'],
  [3600, 'last hour'],
  [6 * 3600, 'last 6 h'],
  [86400, 'last day'],
]

const WIDTH = 760
const ROW = 32
const LEFT = 170
const RIGHT = 12
const TOP = 8
const AXIS = 22
/** The chart shows this many devices at most: the ones that polled last. */
const MAX_DEVICES = 10

/** A device id is often a UUID: its start tells devices apart on a chart. */
const shortId = (id: string): string => (id.length > 10 ? `${id.slice(0, 8)}…` : id)

const isPoll = (e: LogEntry): boolean =>
  (e.operation ?? e.path.replace(/^\/api\//, '')) === 'GetUserTimestamps'
const failed = (e: LogEntry): boolean => e.status === 0 || e.status >= 400 || (e.faults?.length ?? 0) > 0
const kindOf = (e: LogEntry): string =>
  e.reason === 'retry' ? 'retry' : e.reason === 'schedule' ? 'schedule' : 'other'

/**
 * Each device's GetUserTimestamps on the operator's time axis, so that the jitter between
 * devices and the backoff after failures can be seen; and the picked user's current stamps.
 */
export const pollsPanel = (): HTMLElement => {
  const windowSelect = h(
    'select',
    { qa: 'polls-window', 'aria-label': 'time window' },
    ...WINDOWS.map(([v, l]) => option(String(v), l, v === 600)),
  )
  const axisSelect = h(
    'select',
    { qa: 'polls-axis', 'aria-label': 'time axis' },
    option('real', 'real time (since this page opened)', true),
    option('operator', 'operator clock'),
  )
  const p = panel('polls', 'Polls over time', h('span', { class: 'row' }, axisSelect, windowSelect))
  const svg = s('svg', {
    qa: 'polls-chart',
    class: 'chart',
    viewBox: `0 0 ${WIDTH} 100`,
    role: 'img',
    'aria-label': 'GetUserTimestamps per device over time',
  })
  const legend = h(
    'div',
    { class: 'legend' },
    h('span', { class: 'dot schedule' }),
    'scheduled ',
    h('span', { class: 'dot other' }),
    'screen, start, write… ',
    h('span', { class: 'dot retry' }),
    'retry ',
    h('span', { class: 'dot failed' }),
    'failed (ring) ',
  )
  const stampsTitle = h('h3', { qa: 'stamps-title' }, 'Stamps')
  const stampRows = h('tbody', { qa: 'stamp-rows' })

  let scheduled = false
  const draw = (): void => {
    scheduled = false
    const windowS = Number(windowSelect.value)
    const real = axisSelect.value === 'real'
    /** Where an entry sits on the axis: when it arrived, or the operator's time it was logged at. */
    const timeOf = (e: LogEntry): number | undefined => {
      if (!real) return e.at
      const seen = seenAt.get(e.id)
      return seen === undefined ? undefined : seen / 1000
    }
    const end = real
      ? Date.now() / 1000
      : Math.max(operatorNow(), log.entries[log.entries.length - 1]?.at ?? 0)
    const start = end - windowS
    const polls = log.entries.filter((e) => isPoll(e) && (timeOf(e) ?? -Infinity) >= start)
    const byDevice = new Map<string, LogEntry[]>()
    for (const e of polls) {
      const key = `${e.userName ?? e.userId ?? '?'} · ${shortId(e.deviceId ?? '?')}`
      byDevice.set(key, [...(byDevice.get(key) ?? []), e])
    }
    const devices = [...byDevice.entries()]
      .sort((a, b) => (b[1][b[1].length - 1]?.id ?? 0) - (a[1][a[1].length - 1]?.id ?? 0))
      .slice(0, MAX_DEVICES)
      .sort((a, b) => a[0].localeCompare(b[0]))
    const height = TOP + Math.max(1, devices.length) * ROW + AXIS
    svg.setAttribute('viewBox', `0 0 ${WIDTH} ${height}`)
    const x = (at: number): number => LEFT + ((at - start) / windowS) * (WIDTH - LEFT - RIGHT)
    const children: SVGElement[] = []
    const axisY = TOP + Math.max(1, devices.length) * ROW
    for (let i = 0; i <= 4; i++) {
      const at = start + (windowS * i) / 4
      children.push(
        s('line', { x1: x(at), x2: x(at), y1: TOP, y2: axisY, class: 'gridline' }),
        s(
          'text',
          {
            x: x(at),
            y: axisY + 15,
            class: 'tick',
            'text-anchor': i === 0 ? 'start' : i === 4 ? 'end' : 'middle',
          },
          windowS <= 3600 ? hms(at) : hm(at),
        ),
      )
    }
    if (devices.length === 0) {
      children.push(
        s('text', { x: LEFT, y: TOP + 17, class: 'empty' }, 'No GetUserTimestamps in this window yet.'),
      )
    }
    devices.forEach(([key, entries], i) => {
      const y = TOP + i * ROW + ROW / 2
      const retries = entries.filter((e) => e.reason === 'retry').length
      const fails = entries.filter(failed).length
      children.push(
        s('line', { x1: LEFT, x2: WIDTH - RIGHT, y1: y, y2: y, class: 'lane' }),
        s('text', { x: 4, y: y - 2, class: 'device' }, key.length > 24 ? `${key.slice(0, 23)}…` : key),
        s(
          'text',
          { x: 4, y: y + 11, class: 'counts' },
          `${entries.length} polls${retries ? ` · ${retries} retries` : ''}${fails ? ` · ${fails} failed` : ''}`,
        ),
      )
      let previous: LogEntry | undefined
      for (const e of entries) {
        const at = timeOf(e) ?? e.at
        const gap = previous ? ` · ${span(at - (timeOf(previous) ?? previous.at))} after the last` : ''
        children.push(
          s(
            'circle',
            {
              cx: x(at),
              cy: y,
              r: 4,
              class: `poll ${kindOf(e)}${failed(e) ? ' failed' : ''}`,
              'data-reason': e.reason ?? '',
            },
            s(
              'title',
              {},
              `${dateTime(e.at)} · ${e.reason ?? 'no reason'} · ${e.status === 0 ? 'dropped' : e.status}${e.faults?.length ? ` (${e.faults.join(', ')})` : ''}${gap}`,
            ),
          ),
        )
        previous = e
      }
    })
    svg.replaceChildren(...children)
    svg.dataset.polls = String(polls.length)
  }
  const later = (): void => {
    if (scheduled) return
    scheduled = true
    requestAnimationFrame(draw)
  }
  log.added.add((e) => {
    if (isPoll(e)) later()
  })
  log.reset.add(later)
  windowSelect.addEventListener('change', later)
  axisSelect.addEventListener('change', later)
  // The axis follows the clock even when nobody polls.
  setInterval(later, 2000)

  const readStamps = async (): Promise<void> => {
    const userId = selectedUser.value
    if (!userId) return
    try {
      const answer = await get<{ userId: string; stamps: Stamps }>(
        `stamps?userId=${encodeURIComponent(userId)}`,
      )
      if (userId !== selectedUser.value) return
      p.clearError()
      const now = operatorNow()
      stampRows.replaceChildren(
        ...Object.entries(answer.stamps).map(([name, at]) =>
          h(
            'tr',
            { qa: 'stamp-row', 'data-stamp': name, 'data-value': at },
            h('td', {}, name),
            h('td', { class: 'mono' }, dateTime(at)),
            h('td', { class: 'muted' }, now >= at ? `${span(now - at)} ago` : `in ${span(at - now)}`),
            h('td', { class: 'muted mono' }, at),
          ),
        ),
      )
    } catch (e) {
      p.showError(e)
    }
  }
  const drawTitle = (): void => {
    const user = users.value.find((u) => u.id === selectedUser.value)
    stampsTitle.textContent = user ? `Stamps of ${user.name}` : 'Stamps'
  }
  selectedUser.subscribe(() => {
    drawTitle()
    void readStamps()
  })
  users.subscribe(drawTitle)
  stampsMoved.subscribe(() => void readStamps())
  log.added.add((e) => {
    if (isPoll(e) && e.userId === selectedUser.value) void readStamps()
  })
  setInterval(() => void readStamps(), 10_000)

  p.body.append(
    svg,
    legend,
    stampsTitle,
    h(
      'table',
      { class: 'grid', qa: 'stamps-table' },
      h('thead', {}, h('tr', {}, ...['Stamp', 'Moved at', '', 'Unix'].map((t) => h('th', {}, t)))),
      stampRows,
    ),
  )
  later()
  return p.root
}
