/** @jest-environment node */
import { BehaviorSubject, NEVER, Subject, VirtualAction, VirtualTimeScheduler } from 'rxjs'
import { apiError } from '../../../src/api'
import type { Recording, RecordingList } from '../../../src/domain/recordings'
import type { Stamps } from '../../../src/domain/stamps'
import type { Logger } from '../../../src/platform/log'
import {
  createRecordingsView,
  type RecordingsView,
  type RecordingRowModel,
} from '../../../src/state/recordings/recordingsView'
import { createMemoryStore, type KeyValueStore } from '../../../src/state/storage/keyValueStore'
import type { UserDataPorts } from '../../../src/state/user/ports'
import { createUserState, type UserState } from '../../../src/state/user/userState'

const quiet: Logger = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} }
const flush = async (): Promise<void> => {
  for (let i = 0; i < 8; i++) await new Promise((resolve) => setImmediate(resolve))
}
const T0 = 1_800_000_000
const HOUR = 3600
const rec = (id: string, extra: Partial<Recording> = {}): Recording => ({
  id,
  programmeId: `p-${id}`,
  channelId: 'c1',
  title: `Show ${id}`,
  start: T0 + HOUR,
  end: T0 + 2 * HOUR,
  state: 'scheduled',
  protected: false,
  expiresAt: null,
  ...extra,
})

const operator = (initial: Recording[]) => {
  let list = initial
  const stamps: Stamps = { pins: 1, recordings: 100, rights: 1, services: 1, tags: 1 }
  const calls = { recordings: 0, cancelSeries: 0 }
  let failRecordings: unknown
  let refuse = false
  const ports: UserDataPorts = {
    getTimestamps: () => Promise.resolve(stamps),
    getRecordings: (): Promise<RecordingList> => {
      calls.recordings++
      if (failRecordings !== undefined) return Promise.reject(failRecordings)
      return Promise.resolve({
        recordings: list,
        quota: { allowedHours: 10, usedHours: 0, scheduledHours: 0 },
        autoExpireDays: 30,
      })
    },
    getRights: () =>
      Promise.resolve({
        licences: [{ id: 'l1', productId: 'rec', status: 'ACTIVE' as const, start: 0, end: null }],
        products: [
          {
            id: 'rec',
            title: 'Cloud recorder',
            description: '',
            type: 'PVR' as const,
            isPremium: false,
            channels: { live: [], catchup: [], npvr: ['c1'], startover: [] },
          },
        ],
      }),
    getServices: () => Promise.resolve([]),
    getPinState: () => Promise.resolve({ enabled: true, failedAttempts: 0, lockedUntil: null }),
    getParentalControl: () => Promise.resolve({ enabled: false, maxRating: 16, pinEnabled: true }),
    setParentalControl: (_pin, control) => Promise.resolve({ ...control, pinEnabled: true }),
    unlockProgramme: () => Promise.resolve(0),
    getResumes: () => Promise.resolve([{ contentId: 'recording:a', position: 900, updatedAt: T0 }]),
    getTags: () => Promise.resolve([]),
    tagChannel: () => Promise.resolve(),
    getWatchHistory: () => Promise.resolve([]),
    removeWatchHistory: () => Promise.resolve(),
    addRecording: () => Promise.resolve([]),
    cancelRecording: () => Promise.resolve(),
    deleteRecording: () => Promise.resolve(),
    protectRecording: () => Promise.resolve(),
    // A series rule: the recording manager changes, the Recordings stamp does not (document 000).
    cancelSeries: (seriesId) => {
      calls.cancelSeries++
      if (refuse) return Promise.reject(apiError({ kind: 'denied', reason: 'no' }))
      const before = list.length
      list = list.filter((r) => r.seriesId !== seriesId || r.start <= T0)
      return Promise.resolve(before - list.length)
    },
  }
  return {
    ports,
    calls,
    failRecordings: (e: unknown) => (failRecordings = e),
    refuse: () => (refuse = true),
  }
}

const boot = (op: ReturnType<typeof operator>, storage: KeyValueStore = createMemoryStore()) => {
  const scheduler = new VirtualTimeScheduler(VirtualAction, Number.POSITIVE_INFINITY)
  const user = createUserState({
    ports: op.ports,
    userKey: 'user-1',
    storage,
    scheduler,
    random: () => 0,
    nowMs: () => T0 * 1000,
    periodSeconds: 600,
    jitter: 0.2,
    visible$: new BehaviorSubject(true),
    triggers$: NEVER,
    isUnreachable: (e) => (e as { kind?: string }).kind === 'network',
    log: quiet,
  })
  const ticks = new BehaviorSubject(T0 * 1000)
  const store = createRecordingsView({
    user$: new BehaviorSubject<UserState | undefined>(user),
    ticks$: ticks,
    names$: new BehaviorSubject(new Map([['c1', 'Kanal One']])),
    locale: () => 'en',
  })
  const views: RecordingsView[] = []
  const sub = store.view$.subscribe((v) => views.push(v))
  const start = async () => {
    scheduler.flush()
    await flush()
  }
  const last = (): RecordingsView => views[views.length - 1] ?? { kind: 'loading' }
  const rows = (): RecordingRowModel[] => {
    const v = last()
    return v.kind === 'list' ? (v.rows.filter((r) => r.kind === 'recording') as RecordingRowModel[]) : []
  }
  return { user, ticks, store, views, last, rows, start, stop: () => (sub.unsubscribe(), user.dispose()) }
}

describe('the recordings view', () => {
  it('moves a recording from scheduled to recording to recorded with the clock, without asking the server', async () => {
    const op = operator([rec('a')])
    const s = boot(op)
    await s.start()
    expect(op.calls.recordings).toBe(1)
    expect(s.rows().map((r) => [r.state, r.channel, r.progress])).toEqual([['scheduled', 'Kanal One', 0.25]])

    s.ticks.next((T0 + HOUR) * 1000)
    expect(s.rows()[0]?.state).toBe('ongoing')
    s.ticks.next((T0 + 2 * HOUR) * 1000)
    expect(s.rows()[0]?.state).toBe('finished')
    const last = s.last()
    expect(last.kind === 'list' && last.counts).toEqual({ all: 1, scheduled: 0, ongoing: 0, recorded: 1 })
    expect(last.kind === 'list' && last.quota.usedHours).toBe(1)
    expect(op.calls.recordings).toBe(1)
    s.stop()
  })

  it('emits nothing new while the clock ticks and nothing on screen changes', async () => {
    const s = boot(operator([rec('a')]))
    await s.start()
    const before = s.views.length
    for (let i = 1; i <= 10; i++) s.ticks.next((T0 + i) * 1000)
    expect(s.views.length).toBe(before)
    s.stop()
  })

  it('filters, sorts, and opens a series into its episodes', async () => {
    const ep = (id: string, day: number) =>
      rec(id, { title: 'Saga', seriesId: 'saga', start: T0 + day * 86400, end: T0 + day * 86400 + HOUR })
    const s = boot(operator([rec('a', { title: 'Zulu' }), ep('e1', -1), ep('e2', 1), ep('e3', 2)]))
    await s.start()
    const ids = () => {
      const v = s.last()
      return v.kind === 'list' ? v.rows.map((r) => r.id) : []
    }
    expect(ids()).toEqual(['series:saga', 'a'])
    s.store.setFilter('recorded')
    expect(ids()).toEqual(['e1'])
    s.store.setFilter('all')
    s.store.setSort('title')
    expect(ids()).toEqual(['series:saga', 'a'])
    s.store.openSeries('saga')
    expect(ids()).toEqual(['e1', 'e2', 'e3'])
    s.store.closeSeries()
    expect(ids()).toEqual(['series:saga', 'a'])
    s.stop()
  })

  it('cancels a series at once, keeps what is recorded, and fetches again though the stamp stays', async () => {
    const ep = (id: string, day: number) =>
      rec(id, { seriesId: 'saga', start: T0 + day * 86400, end: T0 + day * 86400 + HOUR })
    const op = operator([ep('e1', -1), ep('e2', 1), ep('e3', 2)])
    const s = boot(op)
    await s.start()
    const done = s.user.cancelSeries('saga', T0)
    expect(s.user.recordings.current.data?.recordings.map((r) => r.id)).toEqual(['e1'])
    await done
    await flush()
    expect(op.calls.recordings).toBe(2)
    expect(s.user.recordings.current.data?.recordings.map((r) => r.id)).toEqual(['e1'])
    s.stop()
  })

  it('takes a refused series cancellation back', async () => {
    const op = operator([
      rec('e1', { seriesId: 'saga' }),
      rec('e2', { seriesId: 'saga', start: T0 + 2 * HOUR }),
    ])
    op.refuse()
    const s = boot(op)
    await s.start()
    await expect(s.user.cancelSeries('saga', T0)).rejects.toMatchObject({ kind: 'denied' })
    expect(s.user.recordings.current.data?.recordings.map((r) => r.id)).toEqual(['e1', 'e2'])
    s.stop()
  })

  it('says nPVR is not in the package when the operator refuses the list', async () => {
    const op = operator([])
    op.failRecordings(apiError({ kind: 'denied', reason: 'nPVR is not available', code: 42 }))
    const s = boot(op)
    await s.start()
    expect(s.last().kind).toBe('noNpvr')
    s.stop()
  })

  it('says the operator cannot be reached when nothing is cached', async () => {
    const op = operator([])
    op.failRecordings(apiError({ kind: 'network', reason: 'down' }))
    const s = boot(op)
    await s.start()
    expect(s.last()).toEqual({ kind: 'unavailable', offline: true })
    s.stop()
  })

  it('shows the cached list, with when it was fetched, when the operator is gone', async () => {
    const storage = createMemoryStore()
    const first = boot(operator([rec('a')]), storage)
    await first.start()
    first.stop()
    const op = operator([])
    op.failRecordings(apiError({ kind: 'network', reason: 'down' }))
    op.ports.getTimestamps = () => Promise.reject(apiError({ kind: 'network', reason: 'down' }))
    const second = boot(op, storage)
    await second.start()
    const v = second.last()
    expect(v.kind).toBe('list')
    expect(v.kind === 'list' && [v.offline, v.fetchedAt, v.rows.length]).toEqual([true, T0 * 1000, 1])
    expect(op.calls.recordings).toBe(0)
    second.stop()
  })

  it('asks to sign in when nobody is', async () => {
    const store = createRecordingsView({
      user$: new BehaviorSubject<UserState | undefined>(undefined),
      ticks$: new Subject<number>().pipe(),
      names$: new BehaviorSubject(new Map()),
      locale: () => 'en',
    })
    const views: RecordingsView[] = []
    const sub = store.view$.subscribe((v) => views.push(v))
    expect(views).toEqual([])
    sub.unsubscribe()
    const ticking = createRecordingsView({
      user$: new BehaviorSubject<UserState | undefined>(undefined),
      ticks$: new BehaviorSubject(0),
      names$: new BehaviorSubject(new Map()),
      locale: () => 'en',
    })
    ticking.view$.subscribe((v) => views.push(v)).unsubscribe()
    expect(views).toEqual([{ kind: 'signedOut' }])
  })
})
