import { get, type ClockState, type Fault, type LogEntry, type User } from './api'
import { h, option } from './dom'
import { anotherDevicePanel } from './panels/anotherDevice'
import { clockPanel } from './panels/clock'
import { dataPanel } from './panels/data'
import { faultsPanel } from './panels/faults'
import { logPanel } from './panels/log'
import { pollsPanel } from './panels/polls'
import { sessionsPanel } from './panels/sessions'
import { addEntries, faults, selectedUser, setClock, users } from './store'

/** How many past requests the console loads when it opens (and after the event stream reconnects). */
const BACKFILL = 500

const parse = <T>(event: Event): T | undefined => {
  try {
    return JSON.parse((event as MessageEvent<string>).data) as T
  } catch {
    return undefined
  }
}

/**
 * The event stream: requests, clock changes and faults as they happen. EventSource reconnects
 * by itself; each (re)connection loads the recent log again, since events may have been missed.
 */
const connect = (status: HTMLElement): void => {
  const events = new EventSource('/qa/events')
  const backfill = (): void => {
    get<{ requests: LogEntry[] }>(`requests?limit=${BACKFILL}`).then(
      (a) => addEntries(a.requests.filter((e) => typeof e.id === 'number')),
      () => undefined,
    )
  }
  events.addEventListener('open', () => {
    status.textContent = 'live'
    status.className = 'status live'
    backfill()
  })
  events.addEventListener('error', () => {
    status.textContent = events.readyState === EventSource.CLOSED ? 'disconnected' : 'reconnecting…'
    status.className = 'status down'
  })
  events.addEventListener('request', (e) => {
    const entry = parse<LogEntry>(e)
    if (entry) addEntries([entry], true)
  })
  events.addEventListener('clock', (e) => {
    const c = parse<ClockState>(e)
    if (c) setClock(c)
  })
  events.addEventListener('faults', (e) => {
    const f = parse<{ faults: Fault[] }>(e)
    if (f) faults.set(f.faults)
  })
}

const start = (): void => {
  const userSelect = h('select', { qa: 'user-select', id: 'qa-user' })
  userSelect.addEventListener('change', () => selectedUser.set(userSelect.value))
  const status = h('span', { class: 'status down', qa: 'events-status', role: 'status' }, 'connecting…')
  const header = h(
    'header',
    { class: 'top' },
    h('h1', {}, 'Kanal QA console'),
    h('label', { class: 'field inline', for: 'qa-user' }, h('span', {}, 'User'), userSelect),
    h('span', { class: 'muted hint' }, 'for Another device, Stamps and Next recording start'),
    h('span', { class: 'spacer' }),
    status,
    h('a', { href: '/', target: 'kanal-tv', qa: 'open-tv' }, 'Open the TV ↗'),
  )
  const layout = h(
    'main',
    { class: 'layout' },
    h('div', { class: 'column' }, clockPanel(), faultsPanel(), dataPanel()),
    h('div', { class: 'column' }, anotherDevicePanel(), sessionsPanel()),
    h('div', { class: 'column wide' }, pollsPanel(), logPanel()),
  )
  document.body.append(header, layout)

  get<{ users: User[] }>('users').then(
    (answer) => {
      users.set(answer.users)
      userSelect.replaceChildren(
        ...answer.users.map((u) => option(u.id, `${u.name} (${u.username ?? u.id}, ${u.role})`)),
      )
      const first = answer.users.find((u) => u.role === 'customer') ?? answer.users[0]
      if (first) {
        userSelect.value = first.id
        selectedUser.set(first.id)
      }
    },
    (e: unknown) => {
      status.textContent = `users: ${e instanceof Error ? e.message : String(e)}`
    },
  )
  connect(status)
}

start()
