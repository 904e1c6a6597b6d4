import { bootDevice, FleetBooks } from './device'
import { streamFor } from './random'
import { ModelOperator } from './server'
import { VirtualScheduler } from './virtualScheduler'

export interface FleetConfig {
  seed: number
  devices: number
  /** All devices boot at uniform random times within this window from time 0. */
  bootWindowMs: number
  durationMs: number
  periodMs: number
  jitter: number
  outage: { fromMs: number; toMs: number }
  actionsPerDay: number
  writesPerDay: number
  operatorChangesPerDay: number
  maxCacheTimeMs: number
  latencyMs: { min: number; max: number }
  /** A what-if for the poller's backoff cap; undefined keeps the poller's own default. */
  backoffCapMs?: number | undefined
}

/** Sums over a group of devices; two groups add up to the figures of both together. */
export interface FleetTotals {
  devices: number
  /** GetUserTimestamps requests received by the operator, per virtual minute. */
  requestsPerMinute: number[]
  failuresPerMinute: number[]
  recordingsPerMinute: number[]
  retriesPerMinute: number[]
  /** Timestamp requests by the reason the poller gave. */
  reasons: Record<string, number>
  recordingsFetches: number
  /** Stamp changes between consecutive answers to the same device: the changes it could see. */
  stampChangesSeen: number
  /** Every Recordings stamp change the operator made during the run. */
  serverStampChanges: number
  /** Where the changes a device did not see one by one went (they add up with the above). */
  changesBeforeFirstAnswer: number
  changesCoalesced: number
  changesAfterLastAnswer: number
  /** Devices whose fetches differ from the changes the operator served them + 1. */
  devicesViolating: number
  devicesNeverAnswered: number
  staleness: { count: number; sumMs: number; maxMs: number }
  actionsRun: number
}

// Independent streams per device: what one device draws never shifts another's draws.
const STREAM = { boot: 1, poller: 2, actions: 3, changes: 4, latency: 5 } as const

const sum = (values: ArrayLike<number>): number => {
  let total = 0
  for (let i = 0; i < values.length; i++) total += values[i] as number
  return total
}

/**
 * Runs devices [from, to) of the fleet in virtual time. Devices never interact, so the fleet
 * is simulated in small groups: the same figures as all at once, for a fraction of the memory
 * and of the cache misses a heap of 100,000 devices' timers costs.
 */
export const simulateGroup = (config: FleetConfig, from: number, to: number): FleetTotals => {
  const { seed } = config
  const devices = to - from
  const scheduler = new VirtualScheduler(0)
  const operator = new ModelOperator({
    scheduler,
    users: devices,
    epochSeconds: 1_700_000_000,
    durationMs: config.durationMs,
    changesPerDay: config.operatorChangesPerDay,
    maxCacheTimeMs: config.maxCacheTimeMs,
    latencyMs: config.latencyMs,
    outage: config.outage,
    changeRandom: (user) => streamFor(seed, from + user, STREAM.changes),
    latencyRandom: (user) => streamFor(seed, from + user, STREAM.latency),
  })
  const books: FleetBooks = {
    recordingsFetches: new Uint32Array(devices),
    recordingsPerMinute: new Int32Array(operator.requestsPerMinute.length),
    retriesPerMinute: new Int32Array(operator.requestsPerMinute.length),
    reasons: new Map(),
  }
  for (let index = 0; index < devices; index++) {
    const device = from + index
    const bootAt = streamFor(seed, device, STREAM.boot)() * config.bootWindowMs
    scheduler.schedule(() => {
      bootDevice({
        index,
        scheduler,
        operator,
        books,
        pollerRandom: streamFor(seed, device, STREAM.poller),
        actionRandom: streamFor(seed, device, STREAM.actions),
        periodMs: config.periodMs,
        jitter: config.jitter,
        actionsPerDay: config.actionsPerDay,
        writesPerDay: config.writesPerDay,
        backoffCapMs: config.backoffCapMs,
      })
    }, bootAt)
  }
  // Stop just short of the end, so that the last minute bucket holds a whole minute.
  const end = config.durationMs - 1
  scheduler.advanceTo(end)
  operator.settle(end)

  let violating = 0
  let neverAnswered = 0
  let coalesced = 0
  let afterLast = 0
  let beforeFirst = 0
  for (let user = 0; user < devices; user++) {
    const first = operator.changesAtFirstServe[user] as number
    const last = operator.changesAtLastServe[user] as number
    const all = operator.changes[user] as number
    const seen = operator.servedChanges[user] as number
    if (Number.isNaN(first)) {
      neverAnswered += 1
      beforeFirst += all
      continue
    }
    beforeFirst += first
    coalesced += last - first - seen
    afterLast += all - last
    if (books.recordingsFetches[user] !== seen + 1) violating += 1
  }
  return {
    devices,
    requestsPerMinute: Array.from(operator.requestsPerMinute),
    failuresPerMinute: Array.from(operator.failuresPerMinute),
    recordingsPerMinute: Array.from(books.recordingsPerMinute),
    retriesPerMinute: Array.from(books.retriesPerMinute),
    reasons: Object.fromEntries(books.reasons),
    recordingsFetches: sum(books.recordingsFetches),
    stampChangesSeen: sum(operator.servedChanges),
    serverStampChanges: sum(operator.changes),
    changesBeforeFirstAnswer: beforeFirst,
    changesCoalesced: coalesced,
    changesAfterLastAnswer: afterLast,
    devicesViolating: violating,
    devicesNeverAnswered: neverAnswered,
    staleness: { ...operator.staleness },
    actionsRun: scheduler.executed,
  }
}

const addInto = (target: number[], values: readonly number[]): void => {
  values.forEach((v, i) => {
    target[i] = (target[i] ?? 0) + v
  })
}

/** Adds the figures of two groups of devices. */
export const addTotals = (a: FleetTotals, b: FleetTotals): FleetTotals => {
  const reasons = { ...a.reasons }
  for (const [reason, count] of Object.entries(b.reasons)) reasons[reason] = (reasons[reason] ?? 0) + count
  const perMinute = (x: readonly number[], y: readonly number[]): number[] => {
    const out = [...x]
    addInto(out, y)
    return out
  }
  return {
    devices: a.devices + b.devices,
    requestsPerMinute: perMinute(a.requestsPerMinute, b.requestsPerMinute),
    failuresPerMinute: perMinute(a.failuresPerMinute, b.failuresPerMinute),
    recordingsPerMinute: perMinute(a.recordingsPerMinute, b.recordingsPerMinute),
    retriesPerMinute: perMinute(a.retriesPerMinute, b.retriesPerMinute),
    reasons,
    recordingsFetches: a.recordingsFetches + b.recordingsFetches,
    stampChangesSeen: a.stampChangesSeen + b.stampChangesSeen,
    serverStampChanges: a.serverStampChanges + b.serverStampChanges,
    changesBeforeFirstAnswer: a.changesBeforeFirstAnswer + b.changesBeforeFirstAnswer,
    changesCoalesced: a.changesCoalesced + b.changesCoalesced,
    changesAfterLastAnswer: a.changesAfterLastAnswer + b.changesAfterLastAnswer,
    devicesViolating: a.devicesViolating + b.devicesViolating,
    devicesNeverAnswered: a.devicesNeverAnswered + b.devicesNeverAnswered,
    staleness: {
      count: a.staleness.count + b.staleness.count,
      sumMs: a.staleness.sumMs + b.staleness.sumMs,
      maxMs: Math.max(a.staleness.maxMs, b.staleness.maxMs),
    },
    actionsRun: a.actionsRun + b.actionsRun,
  }
}
