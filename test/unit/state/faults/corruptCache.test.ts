import { BehaviorSubject, NEVER, VirtualAction, VirtualTimeScheduler } from 'rxjs'
import { apiError } from '../../../../src/api'
import type { Recording, RecordingList } from '../../../../src/domain/recordings'
import type { Stamps } from '../../../../src/domain/stamps'
import { createRecordingsView, type RecordingsView } from '../../../../src/state/recordings/recordingsView'
import { createLocalforageStore } from '../../../../src/state/storage/localforageStore'
import { createResilientStore } from '../../../../src/state/storage/resilientStore'
import { isOperatorUnreachable } from '../../../../src/state/timestamps/unreachable'
import type { UserDataPorts } from '../../../../src/state/user/ports'
import { createUserState, type UserState } from '../../../../src/state/user/userState'
import { recordingLog } from './support/operator'

/**
 * A corrupt cache entry on a real localforage (jsdom has no IndexedDB, so its localStorage
 * driver, which keeps JSON text: what an old WebKit box or a cut-short write leaves). Whatever
 * the entry holds, the user's stores discard it and fetch again; the other entries and the
 * storage itself stay in use.
 */
const T0 = 1_800_000_000
const PREFIX = 'kanal-corrupt/cache/'
const KEY = 'user-1001:recordings'

const flush = async (): Promise<void> => {
  for (let i = 0; i < 10; i++) await new Promise((resolve) => setTimeout(resolve, 0))
}

const rec = (id: string): Recording => ({
  id,
  programmeId: `p-${id}`,
  channelId: 'c1',
  title: `Show ${id}`,
  start: T0 - 7200,
  end: T0 - 3600,
  state: 'finished',
  protected: false,
  expiresAt: T0 + 30 * 86400,
})

const operator = () => {
  const stamps: Stamps = { pins: 1, recordings: 100, rights: 1, services: 1, tags: 1 }
  const calls = { recordings: 0, rights: 0 }
  let list: Recording[] = [rec('a'), rec('b')]
  let down = false
  const unreachable = () => Promise.reject(apiError({ kind: 'network', reason: 'down' }))
  const ports: UserDataPorts = {
    getTimestamps: () => (down ? unreachable() : Promise.resolve(stamps)),
    getRecordings: (): Promise<RecordingList> => {
      calls.recordings++
      if (down) return unreachable()
      return Promise.resolve({
        recordings: list,
        quota: { allowedHours: 100, usedHours: 1, scheduledHours: 0 },
        autoExpireDays: 30,
      })
    },
    getRights: () => {
      calls.rights++
      return Promise.resolve({
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
      })
    },
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
    addRecording: () => Promise.resolve([]),
    cancelRecording: () => Promise.resolve(),
    deleteRecording: () => Promise.resolve(),
    protectRecording: () => Promise.resolve(),
  }
  return {
    ports,
    calls,
    setList: (next: Recording[]) => (list = next),
    goDown: () => (down = true),
  }
}

const boot = (op: ReturnType<typeof operator>) => {
  const log = recordingLog()
  const storage = createResilientStore(createLocalforageStore('kanal-corrupt'), log)
  const degraded: boolean[] = []
  storage.degraded$.subscribe((d) => degraded.push(d))
  const scheduler = new VirtualTimeScheduler(VirtualAction, Number.POSITIVE_INFINITY)
  const user = createUserState({
    ports: op.ports,
    userKey: 'user-1001',
    storage,
    scheduler,
    random: () => 0,
    nowMs: () => T0 * 1000,
    periodSeconds: 600,
    jitter: 0.2,
    visible$: new BehaviorSubject(true),
    triggers$: NEVER,
    isUnreachable: isOperatorUnreachable,
    log,
  })
  const views: RecordingsView[] = []
  const sub = createRecordingsView({
    user$: new BehaviorSubject<UserState | undefined>(user),
    ticks$: new BehaviorSubject(T0 * 1000),
    names$: new BehaviorSubject(new Map([['c1', 'Kanal One']])),
    locale: () => 'en',
  }).view$.subscribe((v) => views.push(v))
  const start = async () => {
    await flush()
    scheduler.flush()
    await flush()
  }
  const stop = () => {
    sub.unsubscribe()
    user.dispose()
  }
  return { user, log, degraded, start, stop, view: () => views[views.length - 1] }
}

/** Yesterday's run saved a good entry of every user store; the raw text of each. */
const saveYesterday = async (): Promise<string> => {
  const op = operator()
  op.setList([rec('old')])
  const box = boot(op)
  await box.start()
  expect(box.user.recordings.current.source).toBe('network')
  box.stop()
  const text = localStorage.getItem(PREFIX + KEY)
  if (text === null) throw new Error('nothing saved')
  return text
}

type Entry = {
  schema: number
  data: { recordings: Record<string, unknown>[]; quota: Record<string, unknown> }
}
const edited = (text: string, edit: (entry: Entry) => void): string => {
  const entry = JSON.parse(text) as Entry
  edit(entry)
  return JSON.stringify(entry)
}
const firstRecording = (entry: Entry): Record<string, unknown> => {
  const first = entry.data.recordings[0]
  if (first === undefined) throw new Error('no recording saved')
  return first
}

const corruptions: [string, (good: string) => string][] = [
  ['garbage', () => '%%%% not json'],
  ['truncated JSON', (good) => good.slice(0, Math.floor(good.length / 2))],
  ['an older schema', (good) => edited(good, (e) => (e.schema = 0))],
  ['not a cache entry', () => JSON.stringify('hello')],
  ['a title that is a number', (good) => edited(good, (e) => (firstRecording(e).title = 42))],
  ['a channel id that is a number', (good) => edited(good, (e) => (firstRecording(e).channelId = 7))],
  ['a state that is missing', (good) => edited(good, (e) => delete firstRecording(e).state)],
  ['a quota in text', (good) => edited(good, (e) => (e.data.quota.allowedHours = '100'))],
]

describe('a corrupt cache entry', () => {
  beforeEach(() => localStorage.clear())

  it.each(corruptions)(
    '%s: is discarded and fetched again; the other entries and the storage stay in use',
    async (_name, corrupt) => {
      const good = await saveYesterday()
      localStorage.setItem(PREFIX + KEY, corrupt(good))

      const op = operator()
      const box = await (async () => {
        const b = boot(op)
        await b.start()
        return b
      })()
      // Fetched again, and shown: the operator's list, never the broken one.
      expect(op.calls.recordings).toBe(1)
      expect(box.user.recordings.current).toMatchObject({ source: 'network', status: 'ready' })
      expect(box.view()).toMatchObject({ kind: 'list', offline: false, rows: [{ id: 'a' }, { id: 'b' }] })
      // The rest of what the box saved is still read from it: the rights were not fetched.
      expect(box.user.rights.current.source).toBe('cache')
      expect(op.calls.rights).toBe(0)
      // The storage is still the persistent one, and holds a good entry again.
      expect(box.degraded).toEqual([false])
      const now = JSON.parse(localStorage.getItem(PREFIX + KEY) ?? 'null') as Entry | null
      expect(now?.data.recordings.map((r) => r.id)).toEqual(['a', 'b'])
      expect(box.log.lines.some((l) => l.startsWith('warn ') && l.includes('discarded'))).toBe(true)
      box.stop()
    },
  )

  it.each(corruptions)(
    '%s, with the operator down: says the list cannot be shown, and keeps the other entries',
    async (_name, corrupt) => {
      const good = await saveYesterday()
      localStorage.setItem(PREFIX + KEY, corrupt(good))
      const op = operator()
      op.goDown()
      const box = boot(op)
      await box.start()
      expect(box.view()).toEqual({ kind: 'unavailable', offline: true })
      expect(box.user.rights.current).toMatchObject({ source: 'cache', offline: true })
      expect(box.degraded).toEqual([false])
      box.stop()
    },
  )
})
