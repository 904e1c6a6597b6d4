/** @jest-environment node */
import { BehaviorSubject, NEVER, VirtualAction, VirtualTimeScheduler } from 'rxjs'
import { createUserState } from '../../../src/state/user/userState'
import type { UserDataPorts } from '../../../src/state/user/ports'
import { createMemoryStore, type KeyValueStore } from '../../../src/state/storage/keyValueStore'
import type { Stamps } from '../../../src/domain/stamps'
import type { UserTag, WatchEntry } from '../../../src/domain/tags'
import { favouriteIds } from '../../../src/domain/tags'
import type { Logger } from '../../../src/platform/log'

const quiet: Logger = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} }
const flush = async (): Promise<void> => {
  for (let i = 0; i < 8; i++) await new Promise((resolve) => setImmediate(resolve))
}
const T0 = 1_800_000_000

/** An operator holding one user's tags and history, moving the Tags stamp on every change. */
const fakeOperator = () => {
  let stamps: Stamps = { pins: 1, recordings: 1, rights: 1, services: 1, tags: 500 }
  let tags: UserTag[] = [{ itemType: 'Channel', itemId: 'ch1', tag: 'favourite', addedAt: T0 - 60 }]
  let history: WatchEntry[] = [{ id: '1', kind: 'live', channelId: 'ch2', title: 'News', watchedAt: T0 - 30 }]
  let down = false
  let refuse = false
  const bump = () => (stamps = { ...stamps, tags: stamps.tags + 1 })
  const calls = { timestamps: 0, tags: 0, history: 0 }
  const unreachable = () => Promise.reject(Object.assign(new Error('network'), { kind: 'network' }))
  const ports: UserDataPorts = {
    getTimestamps: () => (down ? unreachable() : (calls.timestamps++, Promise.resolve(stamps))),
    getRecordings: () =>
      Promise.resolve({
        recordings: [],
        quota: { allowedHours: 1, usedHours: 0, scheduledHours: 0 },
        autoExpireDays: 30,
      }),
    getRights: () => Promise.resolve({ licences: [], products: [] }),
    getServices: () => Promise.resolve([]),
    getPinState: () => Promise.resolve({ enabled: true, failedAttempts: 0, lockedUntil: null }),
    getResumes: () => Promise.resolve([]),
    getParentalControl: () => Promise.resolve({ enabled: false, maxRating: 16, pinEnabled: true }),
    setParentalControl: () => Promise.reject(new Error('not used')),
    unlockProgramme: () => Promise.reject(new Error('not used')),
    getTags: () => (down ? unreachable() : (calls.tags++, Promise.resolve(tags))),
    tagChannel: (channelId, on) => {
      if (refuse) return Promise.reject(new Error('unknown channel'))
      tags = tags.filter((t) => t.itemId !== channelId)
      if (on) tags = [{ itemType: 'Channel', itemId: channelId, tag: 'favourite', addedAt: T0 }, ...tags]
      bump()
      return Promise.resolve()
    },
    getWatchHistory: () => (down ? unreachable() : (calls.history++, Promise.resolve(history))),
    removeWatchHistory: (id) => {
      if (refuse) return Promise.reject(new Error('not found'))
      history = id === undefined ? [] : history.filter((e) => e.id !== id)
      bump()
      return Promise.resolve()
    },
    addRecording: () => Promise.resolve([]),
    cancelRecording: () => Promise.resolve(),
    deleteRecording: () => Promise.resolve(),
    protectRecording: () => Promise.resolve(),
  }
  return {
    ports,
    calls,
    goDown: (yes: boolean) => (down = yes),
    refuseWrites: (yes: boolean) => (refuse = yes),
    otherDeviceFavourite: (channelId: string) => {
      tags = [{ itemType: 'Channel', itemId: channelId, tag: 'favourite', addedAt: T0 }, ...tags]
      bump()
    },
  }
}

const boot = (operator: ReturnType<typeof fakeOperator>, storage: KeyValueStore) => {
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
    isUnreachable: (e) => (e as { kind?: string }).kind === 'network',
    log: quiet,
  })
  const advance = async (ms: number) => {
    scheduler.schedule(() => undefined, ms)
    scheduler.maxFrames = scheduler.now() + ms
    scheduler.flush()
    await flush()
  }
  return { state, advance }
}

const favourites = (state: ReturnType<typeof createUserState>) => [
  ...favouriteIds(state.tags.current.data ?? []),
]

describe('the tags store', () => {
  it('a second opening with the Tags stamp unchanged asks for no tags; a moved stamp asks once', async () => {
    const op = fakeOperator()
    const storage = createMemoryStore()
    const first = boot(op, storage)
    await first.advance(0)
    expect(op.calls).toMatchObject({ tags: 1, history: 1 })
    expect(favourites(first.state)).toEqual(['ch1'])
    first.state.dispose()

    // The app starts again: the tags come from the box, and the stamp says they are current.
    const second = boot(op, storage)
    await second.advance(0)
    expect(op.calls).toMatchObject({ timestamps: 2, tags: 1, history: 1 })
    expect(second.state.tags.current).toMatchObject({ source: 'cache', status: 'ready' })
    expect(favourites(second.state)).toEqual(['ch1'])

    op.otherDeviceFavourite('ch7')
    await second.advance(400_000)
    expect(favourites(second.state)).toEqual(['ch1'])
    // The next scheduled poll (period x (1 - jitter) = 480 s) sees the moved stamp.
    await second.advance(80_000)
    expect(op.calls).toMatchObject({ tags: 2, history: 2 })
    expect(favourites(second.state)).toEqual(['ch7', 'ch1'])
    second.state.dispose()
  })

  it('offline keeps the last good copy, flagged', async () => {
    const op = fakeOperator()
    const storage = createMemoryStore()
    const first = boot(op, storage)
    await first.advance(0)
    first.state.dispose()

    op.goDown(true)
    const second = boot(op, storage)
    await second.advance(0)
    expect(second.state.tags.current).toMatchObject({ source: 'cache', offline: true })
    expect(favourites(second.state)).toEqual(['ch1'])
    expect(second.state.watchHistory.current.data?.map((e) => e.id)).toEqual(['1'])
    second.state.dispose()
  })

  it('a favourite shows at once and settles by the stamp', async () => {
    const op = fakeOperator()
    const { state, advance } = boot(op, createMemoryStore())
    await advance(0)
    const added = state.setFavourite('ch3', true)
    expect(favourites(state)).toEqual(['ch3', 'ch1'])
    await added
    await advance(1000)
    expect(state.tags.current.source).toBe('network')
    expect(op.calls.tags).toBe(2)
    expect(favourites(state)).toEqual(['ch3', 'ch1'])
    state.dispose()
  })

  it('a refused favourite is taken back and the error reaches the caller; nothing saved is lost', async () => {
    const op = fakeOperator()
    const { state, advance } = boot(op, createMemoryStore())
    await advance(0)
    op.refuseWrites(true)
    const removed = state.setFavourite('ch1', false)
    expect(favourites(state)).toEqual([])
    await expect(removed).rejects.toThrow('unknown channel')
    expect(favourites(state)).toEqual(['ch1'])
    state.dispose()
  })

  it('watch history: one entry or all removed at once, taken back when refused', async () => {
    const op = fakeOperator()
    const { state, advance } = boot(op, createMemoryStore())
    await advance(0)
    op.refuseWrites(true)
    await expect(state.removeWatchHistory()).rejects.toThrow('not found')
    expect(state.watchHistory.current.data).toHaveLength(1)
    op.refuseWrites(false)
    await state.removeWatchHistory('1')
    expect(state.watchHistory.current.data).toEqual([])
    state.dispose()
  })
})
