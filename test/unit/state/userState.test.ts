/** @jest-environment node */
import { BehaviorSubject, NEVER, Observable, VirtualAction, VirtualTimeScheduler } from 'rxjs'
import { createUserState } from '../../../src/state/user/userState'
import type { UserDataPorts } from '../../../src/state/user/ports'
import { createMemoryStore, type KeyValueStore } from '../../../src/state/storage/keyValueStore'
import type { Recording, RecordingList } from '../../../src/domain/recordings'
import type { Stamps } from '../../../src/domain/stamps'
import type { Logger } from '../../../src/platform/log'

const quiet: Logger = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} }
const flush = async (): Promise<void> => {
  for (let i = 0; i < 8; i++) await new Promise((resolve) => setImmediate(resolve))
}
const T0 = 1_800_000_000
const rec = (id: string, extra: Partial<Recording> = {}): Recording => ({
  id,
  programmeId: `p-${id}`,
  channelId: 'c1',
  title: `Show ${id}`,
  start: T0 + 3600,
  end: T0 + 7200,
  state: 'scheduled',
  protected: false,
  expiresAt: T0 + 7200 + 30 * 86400,
  ...extra,
})

/** An operator holding one user's recordings, moving the Recordings stamp on every change. */
const fakeOperator = () => {
  let stamps: Stamps = { pins: 1, recordings: 100, rights: 1, services: 1, tags: 1 }
  let list: Recording[] = [rec('a'), rec('b')]
  let refuseNext = false
  const bump = () => (stamps = { ...stamps, recordings: stamps.recordings + 1 })
  const refusal = () => {
    if (!refuseNext) return false
    refuseNext = false
    return true
  }
  const calls = { timestamps: 0, recordings: 0 }
  const ports: UserDataPorts = {
    getTimestamps: () => (calls.timestamps++, Promise.resolve(stamps)),
    getRecordings: (): Promise<RecordingList> => {
      calls.recordings++
      return Promise.resolve({
        recordings: list,
        quota: { allowedHours: 100, usedHours: 0, scheduledHours: 2 },
        autoExpireDays: 30,
      })
    },
    getRights: () => Promise.resolve({ licences: [], products: [] }),
    getServices: () => Promise.resolve([]),
    getPinState: () => Promise.resolve({ enabled: true, failedAttempts: 0, lockedUntil: null }),
    getParentalControl: () => Promise.resolve({ enabled: false, maxRating: 16, pinEnabled: true }),
    setParentalControl: (_pin, control) => Promise.resolve({ ...control, pinEnabled: true }),
    unlockProgramme: () => Promise.resolve(0),
    getResumes: () => Promise.resolve([]),
    getTags: () => Promise.resolve([]),
    tagChannel: () => Promise.resolve(),
    getWatchHistory: () => Promise.resolve([]),
    removeWatchHistory: () => Promise.resolve(),
    addRecording: (programmeId) => {
      if (refusal()) return Promise.reject(new Error('quota exceeded'))
      const added = rec(programmeId.replace('p-', ''))
      list = [...list, added]
      bump()
      return Promise.resolve([added])
    },
    cancelRecording: (id) => {
      if (refusal()) return Promise.reject(new Error('not allowed'))
      list = list.filter((r) => r.id !== id)
      bump()
      return Promise.resolve()
    },
    deleteRecording: (id) => {
      list = list.filter((r) => r.id !== id)
      bump()
      return Promise.resolve()
    },
    protectRecording: (id, protect) => {
      list = list.map((r) => (r.id === id ? { ...r, protected: protect } : r))
      bump()
      return Promise.resolve()
    },
  }
  return {
    ports,
    calls,
    refuseNext: () => (refuseNext = true),
    otherDevice: (r: Recording) => {
      list = [...list, r]
      bump()
    },
  }
}

const boot = (operator: ReturnType<typeof fakeOperator>, storage: KeyValueStore = createMemoryStore()) => {
  const scheduler = new VirtualTimeScheduler(VirtualAction, Number.POSITIVE_INFINITY)
  const state = createUserState({
    ports: operator.ports,
    userKey: 'user-1001',
    storage,
    scheduler,
    random: () => 0,
    nowMs: () => T0 * 1000 + scheduler.now(),
    periodSeconds: 600,
    jitter: 0.2,
    visible$: new BehaviorSubject(true),
    triggers$: NEVER,
    isUnreachable: () => true,
    log: quiet,
  })
  const advance = async (ms: number) => {
    // The virtual clock only moves to actions it runs: one at the target moves it there.
    scheduler.schedule(() => undefined, ms)
    scheduler.maxFrames = scheduler.now() + ms
    scheduler.flush()
    await flush()
  }
  return { state, scheduler, advance }
}

const ids = (list: RecordingList | undefined) => list?.recordings.map((r) => r.id)

describe('the user state', () => {
  it('tells the operator why it asks for the stamps', async () => {
    const op = fakeOperator()
    const causes: (string | undefined)[] = []
    const answer = op.ports.getTimestamps
    op.ports.getTimestamps = (signal, cause) => {
      causes.push(cause)
      return answer(signal, cause)
    }
    const { state, advance } = boot(op)
    await advance(1000)
    await advance(60_000)
    state.check('recordings-opened')
    await advance(1000)
    expect(causes).toEqual(['start', 'screen'])
    state.dispose()
  })

  it('fetches recordings once, then only when the Recordings stamp moves', async () => {
    const op = fakeOperator()
    const { state, advance } = boot(op)
    await advance(0)
    expect(op.calls).toEqual({ timestamps: 1, recordings: 1 })
    expect(ids(state.recordings.current.data)).toEqual(['a', 'b'])

    await advance(20_000)
    state.check('recordings-opened')
    await flush()
    expect(op.calls).toEqual({ timestamps: 2, recordings: 1 })

    op.otherDevice(rec('c'))
    await advance(20_000)
    state.check('recordings-opened')
    await flush()
    expect(op.calls).toEqual({ timestamps: 3, recordings: 2 })
    expect(ids(state.recordings.current.data)).toEqual(['a', 'b', 'c'])
    state.dispose()
  })

  it('sees a change from another device at the next scheduled poll, not before', async () => {
    const op = fakeOperator()
    const { state, advance } = boot(op)
    await advance(0)
    op.otherDevice(rec('z'))
    await advance(400_000)
    expect(ids(state.recordings.current.data)).toEqual(['a', 'b'])
    // random() = 0: the next poll is at period x (1 - jitter) = 480 s.
    await advance(80_000)
    expect(ids(state.recordings.current.data)).toEqual(['a', 'b', 'z'])
    state.dispose()
  })

  it('shows a cancellation at once and settles it by the stamp', async () => {
    const op = fakeOperator()
    const { state, advance } = boot(op)
    await advance(0)
    const done = state.cancelRecording('a')
    expect(ids(state.recordings.current.data)).toEqual(['b'])
    await done
    await advance(0)
    expect(op.calls.recordings).toBe(2)
    expect(ids(state.recordings.current.data)).toEqual(['b'])
    expect(state.recordings.current.source).toBe('network')
    state.dispose()
  })

  it('takes a refused change back and says why', async () => {
    const op = fakeOperator()
    const { state, advance } = boot(op)
    await advance(0)
    op.refuseNext()
    const done = state.addRecording(rec('new'), false)
    expect(ids(state.recordings.current.data)).toEqual(['a', 'b', 'new'])
    await expect(done).rejects.toThrow('quota exceeded')
    expect(ids(state.recordings.current.data)).toEqual(['a', 'b'])
    state.dispose()
  })

  it('protects at once, with no expiry date while protected', async () => {
    const op = fakeOperator()
    const { state, advance } = boot(op)
    await advance(0)
    const done = state.protectRecording('b', true)
    expect(state.recordings.current.data?.recordings[1]).toMatchObject({ protected: true, expiresAt: null })
    await done
    state.dispose()
  })

  it('shows the cached list at once after a restart, without fetching it again', async () => {
    const op = fakeOperator()
    const storage = createMemoryStore()
    const first = boot(op, storage)
    await first.advance(0)
    first.state.dispose()
    const second = boot(op, storage)
    await flush()
    expect(ids(second.state.recordings.current.data)).toEqual(['a', 'b'])
    expect(second.state.recordings.current.source).toBe('cache')
    await second.advance(0)
    expect(op.calls.recordings).toBe(1)
    second.state.dispose()
  })
  it('gives a late subscriber the current stamps and online state at once', async () => {
    const op = fakeOperator()
    const { state, advance } = boot(op)
    await advance(0)
    const stamps: Stamps[] = []
    const online: boolean[] = []
    const late = [
      state.stamps$.subscribe((s) => stamps.push(s)),
      state.online$.subscribe((o) => online.push(o)),
    ]
    expect(stamps).toEqual([{ pins: 1, recordings: 100, rights: 1, services: 1, tags: 1 }])
    expect(online).toEqual([true])

    // The operator goes away: a subscriber arriving after the failure reads "offline" at once.
    op.ports.getTimestamps = () => Promise.reject(new Error('unreachable'))
    await advance(20_000)
    state.check('user-action')
    await flush()
    const later: boolean[] = []
    late.push(state.online$.subscribe((o) => later.push(o)))
    expect(later).toEqual([false])
    expect(online).toEqual([true, false])
    for (const s of late) s.unsubscribe()
    state.dispose()
  })

  it('stops polling and ends its streams when disposed', async () => {
    const op = fakeOperator()
    const { state, scheduler, advance } = boot(op)
    await advance(0)
    let completed = 0
    const streams: Observable<unknown>[] = [
      state.recordings.state$,
      state.rights.state$,
      state.services.state$,
      state.pins.state$,
      state.resumes.state$,
    ]
    for (const s of streams) s.subscribe({ complete: () => (completed += 1) })
    state.dispose()
    expect(completed).toBe(5)
    expect(scheduler.actions.filter((a) => !a.closed)).toEqual([])
    const polls = op.calls.timestamps
    await advance(24 * 3600 * 1000)
    state.check('user-action')
    await flush()
    expect(op.calls.timestamps).toBe(polls)
  })
})
