import type { ClockState, Fault, LogEntry, Session, User } from './api'

/** What several panels share, with plain listeners: the console has no framework to do it. */

type Listener<T> = (value: T) => void

export class Topic<T> {
  private listeners = new Set<Listener<T>>()
  constructor(public value: T) {}
  set(value: T): void {
    this.value = value
    for (const l of this.listeners) l(value)
  }
  subscribe(l: Listener<T>): void {
    this.listeners.add(l)
  }
}

/** The operator's clock as last told, and when (browser ms), so that it can tick between updates. */
export interface ClockReading extends ClockState {
  receivedAt: number
}

export const clock = new Topic<ClockReading>({ now: 0, speed: 0, receivedAt: 0 })

/** The operator's time now, ticking at its speed since the last reading. */
export const operatorNow = (): number => {
  const c = clock.value
  // Before the first reading, the browser's time is the best guess (the operator's usually is).
  if (c.receivedAt === 0) return Date.now() / 1000
  return c.now + (c.speed * (Date.now() - c.receivedAt)) / 1000
}

export const setClock = (state: ClockState): void => clock.set({ ...state, receivedAt: Date.now() })

export const users = new Topic<User[]>([])
/** The user "Another device", the stamps and "Next recording start" act for. */
export const selectedUser = new Topic<string>('')
export const faults = new Topic<Fault[]>([])
export const sessions = new Topic<Session[]>([])
/** Bumped when another device moved a user's stamps, so that the stamps are read again. */
export const stampsMoved = new Topic<number>(0)

/** The request log as the events told it: oldest first, bounded, no entry twice. */
const LOG_CAPACITY = 2000
export const log = {
  entries: [] as LogEntry[],
  ids: new Set<number>(),
  /** Told each new entry, in order. */
  added: new Set<(entry: LogEntry) => void>(),
  /** Told when entries came out of order or were cleared: views draw again. */
  reset: new Set<() => void>(),
}

/**
 * When each entry reached the console (browser ms), for those that came live: the box's jitter
 * and backoff are in real time, which the operator's clock (paused, 600x, jumped) does not show.
 */
export const seenAt = new Map<number, number>()

export const addEntries = (entries: LogEntry[], live = false): void => {
  const fresh = entries.filter((e) => !log.ids.has(e.id))
  if (live) for (const e of fresh) seenAt.set(e.id, Date.now())
  if (fresh.length === 0) return
  const last = log.entries[log.entries.length - 1]
  const inOrder =
    fresh.every((e, i) => i === 0 || e.id > (fresh[i - 1]?.id ?? 0)) &&
    (!last || (fresh[0]?.id ?? 0) > last.id)
  for (const e of fresh) {
    log.ids.add(e.id)
    log.entries.push(e)
  }
  if (!inOrder) log.entries.sort((a, b) => a.id - b.id)
  if (log.entries.length > LOG_CAPACITY) {
    for (const e of log.entries.splice(0, log.entries.length - LOG_CAPACITY)) {
      log.ids.delete(e.id)
      seenAt.delete(e.id)
    }
  }
  if (inOrder) for (const e of fresh) for (const f of log.added) f(e)
  else for (const f of log.reset) f()
}

export const clearEntries = (): void => {
  log.entries = []
  log.ids.clear()
  seenAt.clear()
  for (const f of log.reset) f()
}
