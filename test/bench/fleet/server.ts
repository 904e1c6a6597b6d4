import { Observable, SchedulerLike } from 'rxjs'
import { exponential, Random } from './random'

const MINUTE = 60_000
const DAY = 86_400_000

/** The GetUserTimestamps content (document 000): seconds since the epoch, per kind of data. */
export interface UserTimestamps {
  Pins: number
  Recordings: number
  Rights: number
  Services: number
  Tags: number
}

export interface OperatorOptions {
  scheduler: SchedulerLike
  users: number
  /** Virtual time 0 as seconds since the epoch, so that stamps look like the operator's. */
  epochSeconds: number
  /** Length of the run: the per-minute counters cover it. */
  durationMs: number
  /** Recordings changes the operator makes by itself (scheduled -> ongoing -> finished...). */
  changesPerDay: number
  /** Document 000's "maximum cache time": the Recordings stamp moves at least this often. */
  maxCacheTimeMs: number
  latencyMs: { min: number; max: number }
  outage: { fromMs: number; toMs: number } | undefined
  /** Per user: one for when the operator changes things, one for answer latencies. */
  changeRandom: (user: number) => Random
  latencyRandom: (user: number) => Random
}

/** One shared error: the poller only counts failures, and a stack trace per one is costly. */
const UNAVAILABLE = Object.freeze(new Error('503 Service Unavailable (simulated outage)'))

/**
 * A model operator for the whole fleet: one user per device, each with a Recordings stamp
 * that moves at random seeded times, with every 24 h of cache time, and with the user's own
 * writes. Stamps are advanced lazily, when asked, so 100,000 users cost nothing between
 * requests. It also keeps the books the bench checks the devices against: every request per
 * virtual minute, and per user what it served and when a change became visible.
 */
export class ModelOperator {
  /** GetUserTimestamps requests received, per virtual minute. */
  readonly requestsPerMinute: Int32Array
  readonly failuresPerMinute: Int32Array
  private readonly options: OperatorOptions
  private readonly stamp: Float64Array
  private readonly nextChangeAt: Float64Array
  private readonly nextExpiryAt: Float64Array
  /** Recordings stamp changes so far, per user. */
  readonly changes: Uint32Array
  /** Per user: stamp changes between consecutive answers delivered to them (what they can see). */
  readonly servedChanges: Uint32Array
  readonly changesAtFirstServe: Float64Array
  readonly changesAtLastServe: Float64Array
  private readonly lastServed: Float64Array
  /** Per user: when each change not yet in a delivered answer was made, oldest first. */
  private readonly unseenAt: number[][]
  private readonly changeRandom: Random[]
  private readonly latencyRandom: Random[]
  /** Time from a change to the first answer that shows it to the user's device. */
  staleness = { count: 0, sumMs: 0, maxMs: 0 }

  constructor(options: OperatorOptions) {
    this.options = options
    const { users } = options
    const minutes = Math.ceil(options.durationMs / MINUTE) + 1
    this.requestsPerMinute = new Int32Array(minutes)
    this.failuresPerMinute = new Int32Array(minutes)
    this.stamp = new Float64Array(users)
    this.nextChangeAt = new Float64Array(users)
    this.nextExpiryAt = new Float64Array(users)
    this.changes = new Uint32Array(users)
    this.servedChanges = new Uint32Array(users)
    this.changesAtFirstServe = new Float64Array(users).fill(Number.NaN)
    this.changesAtLastServe = new Float64Array(users).fill(Number.NaN)
    this.lastServed = new Float64Array(users).fill(Number.NaN)
    this.unseenAt = []
    this.changeRandom = []
    this.latencyRandom = []
    for (let user = 0; user < users; user++) {
      const random = options.changeRandom(user)
      this.changeRandom.push(random)
      this.latencyRandom.push(options.latencyRandom(user))
      this.unseenAt.push([])
      // Last changed some time in the past week, as a fleet that has been running would be.
      this.stamp[user] = options.epochSeconds - Math.floor(random() * 7 * 86_400)
      this.nextChangeAt[user] = this.nextOwnChange(random, 0)
      this.nextExpiryAt[user] = random() * options.maxCacheTimeMs
    }
  }

  /** GetUserTimestamps for one user's device; cancelled by unsubscribing. */
  getUserTimestamps(user: number): Observable<UserTimestamps> {
    return new Observable<UserTimestamps>((subscriber) => {
      const { scheduler, latencyMs, outage } = this.options
      const at = scheduler.now()
      const minute = Math.floor(at / MINUTE)
      this.requestsPerMinute[minute] = (this.requestsPerMinute[minute] ?? 0) + 1
      const random = this.latencyRandom[user] as Random
      const latency = latencyMs.min + (latencyMs.max - latencyMs.min) * random()
      if (outage !== undefined && at >= outage.fromMs && at < outage.toMs) {
        this.failuresPerMinute[minute] = (this.failuresPerMinute[minute] ?? 0) + 1
        return scheduler.schedule(() => subscriber.error(UNAVAILABLE), latency)
      }
      // Read when the request arrives, counted as seen only once delivered: an answer still on
      // its way when the run ends (or cancelled) shows the device nothing.
      this.advance(user, at)
      const stamp = this.stamp[user] as number
      const changes = this.changes[user] as number
      return scheduler.schedule(() => {
        subscriber.next(this.deliver(user, stamp, changes, scheduler.now()))
        subscriber.complete()
      }, latency)
    })
  }

  /** The user changed a recording from their device (added, cancelled, deleted, protected). */
  userWrite(user: number): void {
    const at = this.options.scheduler.now()
    this.advance(user, at)
    this.change(user, at)
  }

  /** Brings every user's stamp up to `at`, so that `changes` counts the whole run. */
  settle(at: number): void {
    for (let user = 0; user < this.options.users; user++) this.advance(user, at)
  }

  private deliver(user: number, stamp: number, changes: number, at: number): UserTimestamps {
    const previous = this.lastServed[user] as number
    const unseen = this.unseenAt[user] as number[]
    const included = unseen.splice(0, changes - this.delivered(user))
    if (Number.isNaN(previous)) {
      this.changesAtFirstServe[user] = changes
    } else if (previous !== stamp) {
      this.servedChanges[user] = (this.servedChanges[user] as number) + 1
      // Whole milliseconds: integer sums come out the same however the fleet is split up.
      const waited = Math.round(at - (included[0] as number))
      this.staleness.count += 1
      this.staleness.sumMs += waited
      if (waited > this.staleness.maxMs) this.staleness.maxMs = waited
    }
    this.lastServed[user] = stamp
    this.changesAtLastServe[user] = changes
    // The other stamps are "TO BE DONE" in document 000; they sit still here.
    const still = this.options.epochSeconds - 86_400
    return { Pins: still, Recordings: stamp, Rights: still, Services: still, Tags: still }
  }

  /** Changes already in an answer delivered to the user's device. */
  private delivered(user: number): number {
    const last = this.changesAtLastServe[user] as number
    return Number.isNaN(last) ? 0 : last
  }

  private advance(user: number, at: number): void {
    const random = this.changeRandom[user] as Random
    for (;;) {
      const own = this.nextChangeAt[user] as number
      const expiry = this.nextExpiryAt[user] as number
      const next = Math.min(own, expiry)
      if (next > at) return
      if (own <= expiry) this.nextChangeAt[user] = this.nextOwnChange(random, own)
      else this.nextExpiryAt[user] = expiry + this.options.maxCacheTimeMs
      this.change(user, next)
    }
  }

  private change(user: number, at: number): void {
    const seconds = this.options.epochSeconds + Math.floor(at / 1000)
    // Two changes in the same second must still give two stamps, or the second is lost.
    this.stamp[user] = Math.max((this.stamp[user] as number) + 1, seconds)
    this.changes[user] = (this.changes[user] as number) + 1
    ;(this.unseenAt[user] as number[]).push(at)
  }

  private nextOwnChange(random: Random, from: number): number {
    const { changesPerDay } = this.options
    return changesPerDay > 0 ? from + exponential(random, DAY / changesPerDay) : Number.POSITIVE_INFINITY
  }
}
