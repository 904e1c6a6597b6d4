import { SchedulerAction, SchedulerLike, Subscription } from 'rxjs'

type Work<T> = (this: SchedulerAction<T>, state?: T) => void

/** What the heap needs of an action, whatever the type of its state. */
interface Queued {
  /** Sequence number of the heap entry the action waits under; -1 when not queued. */
  seq: number
  readonly closed: boolean
  run(): void
}

/** Below this many entries a heap full of cancelled timers costs nothing worth a rebuild. */
const COMPACT_MIN_SIZE = 4096

/**
 * Virtual time for RxJS that scales to a fleet: RxJS's own VirtualTimeScheduler keeps its
 * actions in an array it re-sorts on every insert, which is quadratic with 100,000 devices
 * each holding timers. Here actions sit in a (4-ary) heap ordered by (time, seq), so inserting
 * and running cost O(log n), and actions due at the same instant run in the order scheduled.
 */
export class VirtualScheduler implements SchedulerLike {
  private time: number
  private nextSeq = 0
  // A 4-ary heap in flat arrays: half the depth of a binary one, siblings share a cache line,
  // and millions of pushes allocate nothing but the occasional doubling.
  private times = new Float64Array(1024)
  private seqs = new Float64Array(1024)
  private actions: (Queued | undefined)[] = []
  private size = 0
  private stale = 0
  /** How many actions have run, for the bench's own throughput figures. */
  executed = 0

  constructor(startMs = 0) {
    this.time = startMs
  }

  now(): number {
    return this.time
  }

  schedule<T>(work: Work<T>, delay?: number, state?: T): VirtualAction<T> {
    return new VirtualAction<T>(this, work).schedule(state, delay)
  }

  /** Actions waiting to run (cancelled ones excluded). */
  get pending(): number {
    return this.size - this.stale
  }

  /** Runs every action due at or before `untilMs`, in order, then leaves the clock there. */
  advanceTo(untilMs: number): void {
    while (this.size > 0 && (this.times[0] as number) <= untilMs) {
      const time = this.times[0] as number
      const seq = this.seqs[0] as number
      const action = this.actions[0] as Queued
      this.removeTop()
      if (action.seq !== seq || action.closed) {
        this.stale -= 1
        continue
      }
      this.time = time
      action.seq = -1
      this.executed += 1
      action.run()
    }
    if (untilMs > this.time) this.time = untilMs
  }

  advanceBy(ms: number): void {
    this.advanceTo(this.time + ms)
  }

  /** @internal Queues `action` at now + delay and returns the sequence number it runs under. */
  enqueue(action: Queued, delay: number): number {
    const seq = this.nextSeq++
    if (this.size === this.times.length) this.grow()
    this.siftUp(this.size++, this.time + delay, seq, action)
    return seq
  }

  /** @internal An entry in the heap no longer counts; it is dropped when it surfaces. */
  forget(): void {
    this.stale += 1
    if (this.stale > this.size / 2 && this.size > COMPACT_MIN_SIZE) this.compact()
  }

  private grow(): void {
    const times = new Float64Array(this.times.length * 2)
    times.set(this.times)
    this.times = times
    const seqs = new Float64Array(this.seqs.length * 2)
    seqs.set(this.seqs)
    this.seqs = seqs
  }

  /** Moves the hole at `index` up until (time, seq) fits, then fills it. */
  private siftUp(index: number, time: number, seq: number, action: Queued): void {
    const { times, seqs, actions } = this
    let i = index
    while (i > 0) {
      const parent = (i - 1) >> 2
      const pt = times[parent] as number
      if (pt < time || (pt === time && (seqs[parent] as number) < seq)) break
      times[i] = pt
      seqs[i] = seqs[parent] as number
      actions[i] = actions[parent]
      i = parent
    }
    times[i] = time
    seqs[i] = seq
    actions[i] = action
  }

  /** Moves the hole at `index` down until (time, seq) fits, then fills it. */
  private siftDown(index: number, time: number, seq: number, action: Queued): void {
    const { times, seqs, actions } = this
    const n = this.size
    let i = index
    for (;;) {
      const first = 4 * i + 1
      if (first >= n) break
      let best = first
      let bt = times[first] as number
      let bs = seqs[first] as number
      const last = Math.min(first + 4, n)
      for (let c = first + 1; c < last; c++) {
        const ct = times[c] as number
        if (ct < bt || (ct === bt && (seqs[c] as number) < bs)) {
          best = c
          bt = ct
          bs = seqs[c] as number
        }
      }
      if (time < bt || (time === bt && seq < bs)) break
      times[i] = bt
      seqs[i] = bs
      actions[i] = actions[best]
      i = best
    }
    times[i] = time
    seqs[i] = seq
    actions[i] = action
  }

  private removeTop(): void {
    const last = --this.size
    const action = this.actions[last] as Queued
    this.actions[last] = undefined
    if (last > 0) this.siftDown(0, this.times[last] as number, this.seqs[last] as number, action)
  }

  private compact(): void {
    let kept = 0
    for (let i = 0; i < this.size; i++) {
      const action = this.actions[i] as Queued
      if (action.closed || action.seq !== this.seqs[i]) continue
      this.times[kept] = this.times[i] as number
      this.seqs[kept] = this.seqs[i] as number
      this.actions[kept] = action
      kept += 1
    }
    this.actions.length = kept
    this.size = kept
    this.stale = 0
    for (let i = (kept - 2) >> 2; i >= 0; i--) {
      this.siftDown(i, this.times[i] as number, this.seqs[i] as number, this.actions[i] as Queued)
    }
  }
}

/**
 * One unit of work, and the Subscription that cancels it. Like RxJS's own actions, calling
 * `this.schedule(state, delay)` from inside the work queues it again (how recursive
 * schedulers such as `interval` are written); from outside, it moves a pending action.
 */
export class VirtualAction<T> extends Subscription implements SchedulerAction<T>, Queued {
  seq = -1
  private state: T | undefined

  constructor(
    private readonly scheduler: VirtualScheduler,
    private readonly work: Work<T>,
  ) {
    super()
  }

  schedule(state?: T, delay = 0): this {
    if (this.closed) return this
    this.state = state
    if (this.seq !== -1) {
      // Unmark first: a compaction triggered by forget() must drop the old entry, not keep it.
      this.seq = -1
      this.scheduler.forget()
    }
    // A negative or NaN delay would run the action in the past and let the clock go back.
    this.seq = this.scheduler.enqueue(this, delay > 0 ? delay : 0)
    return this
  }

  /** @internal */
  run(): void {
    this.work.call(this, this.state)
  }

  override unsubscribe(): void {
    if (this.closed) return
    const queued = this.seq !== -1
    this.seq = -1
    super.unsubscribe()
    if (queued) this.scheduler.forget()
  }
}
