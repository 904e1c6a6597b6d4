/** @jest-environment node */
import { BehaviorSubject, NEVER, VirtualAction, VirtualTimeScheduler } from 'rxjs'
import { apiError } from '../../../src/api/errors'
import { STATUS_CODE } from '../../../src/api/envelope'
import type { ParentalControl } from '../../../src/domain/parental'
import type { Stamps } from '../../../src/domain/stamps'
import type { Logger } from '../../../src/platform/log'
import { createMemoryStore } from '../../../src/state/storage/keyValueStore'
import { pinRefusalOf } from '../../../src/state/user/parentalLock'
import type { UserDataPorts } from '../../../src/state/user/ports'
import { createUserState } from '../../../src/state/user/userState'

const quiet: Logger = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} }
const flush = async (): Promise<void> => {
  for (let i = 0; i < 8; i++) await new Promise((resolve) => setImmediate(resolve))
}
const T0 = 1_800_000_000
const MAX_AGE_S = 900
const PERIOD_S = 600

/** An operator with document 000's quirk: DisablePin moves the Pins stamp, EnablePin does not. */
const operator = () => {
  let stamps: Stamps = { pins: 1, recordings: 1, rights: 1, services: 1, tags: 1 }
  let control: ParentalControl = { enabled: true, maxRating: 16, pinEnabled: true }
  const calls = { control: 0, unlock: [] as string[] }
  const ports: UserDataPorts = {
    getTimestamps: () => Promise.resolve(stamps),
    getRecordings: () =>
      Promise.resolve({
        recordings: [],
        quota: { allowedHours: 0, usedHours: 0, scheduledHours: 0 },
        autoExpireDays: 30,
      }),
    getRights: () => Promise.resolve({ licences: [], products: [] }),
    getServices: () => Promise.resolve([]),
    getPinState: () => Promise.resolve({ enabled: control.pinEnabled, failedAttempts: 0, lockedUntil: null }),
    getTags: () => Promise.resolve([]),
    tagChannel: () => Promise.resolve(),
    getWatchHistory: () => Promise.resolve([]),
    removeWatchHistory: () => Promise.resolve(),
    getParentalControl: () => (calls.control++, Promise.resolve(control)),
    setParentalControl: (pin, wanted) => {
      if (pin !== '1234') return Promise.reject(new Error('wrong'))
      control = { ...control, ...wanted }
      stamps = { ...stamps, pins: stamps.pins + 1 }
      return Promise.resolve(control)
    },
    unlockProgramme: (id, pin) => {
      calls.unlock.push(id)
      return pin === '1234'
        ? Promise.resolve(T0 + 1800)
        : Promise.reject(
            apiError({
              kind: 'denied',
              code: STATUS_CODE.PinRequired,
              reason: 'Wrong PIN',
              attemptsLeft: 2,
            }),
          )
    },
    getResumes: () => Promise.resolve([]),
    addRecording: () => Promise.resolve([]),
    cancelRecording: () => Promise.resolve(),
    deleteRecording: () => Promise.resolve(),
    protectRecording: () => Promise.resolve(),
  }
  return {
    ports,
    calls,
    disablePin: () => {
      control = { ...control, pinEnabled: false }
      stamps = { ...stamps, pins: stamps.pins + 1 }
    },
    enablePin: () => {
      control = { ...control, pinEnabled: true }
    },
  }
}

/** `maxAgeSeconds` null: no maximum age (only the stamp refetches). */
const boot = (op: ReturnType<typeof operator>, maxAgeSeconds: number | null = MAX_AGE_S) => {
  const scheduler = new VirtualTimeScheduler(VirtualAction, Number.POSITIVE_INFINITY)
  const state = createUserState({
    ports: op.ports,
    userKey: 'user-1001',
    storage: createMemoryStore(),
    scheduler,
    random: () => 0,
    nowMs: () => T0 * 1000 + scheduler.now(),
    periodSeconds: PERIOD_S,
    jitter: 0,
    visible$: new BehaviorSubject(true),
    triggers$: NEVER,
    isUnreachable: () => true,
    ...(maxAgeSeconds !== null ? { parentalMaxAgeSeconds: maxAgeSeconds } : {}),
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

const adult = { id: 'p18', rating: 18 }

describe('the parental lock on the box', () => {
  it('fetches the settings by the Pins stamp: DisablePin reaches the box at the next poll', async () => {
    const op = operator()
    const { state, advance } = boot(op, null)
    // Before the settings are known something may be locked: the player looks the programme up.
    expect(state.parental.locksNothing()).toBe(false)
    await advance(0)
    expect(state.parental.isLocked(adult)).toBe(true)
    expect(state.parental.locksNothing()).toBe(false)
    op.disablePin()
    await advance(PERIOD_S * 1000)
    expect(state.parental.control.current.data?.pinEnabled).toBe(false)
    expect(state.parental.isLocked(adult)).toBe(false)
    // Nothing can be locked now: a zap asks for no programme before the stream.
    expect(state.parental.locksNothing()).toBe(true)
    state.dispose()
  })

  it('EnablePin moves no stamp: without a maximum age the box never learns of it', async () => {
    const op = operator()
    const { state, advance } = boot(op, null)
    await advance(0)
    op.disablePin()
    await advance(PERIOD_S * 1000)
    const before = op.calls.control
    op.enablePin()
    await advance(10 * PERIOD_S * 1000)
    expect(op.calls.control).toBe(before)
    expect(state.parental.isLocked(adult)).toBe(false)
    state.dispose()
  })

  it('with the maximum age, EnablePin reaches the box within it after the last fetch', async () => {
    const op = operator()
    const { state, advance } = boot(op)
    await advance(0)
    op.disablePin()
    await advance(PERIOD_S * 1000)
    const fetchedAt = state.parental.control.current.fetchedAt ?? 0
    expect(state.parental.isLocked(adult)).toBe(false)
    op.enablePin()
    const due = fetchedAt + MAX_AGE_S * 1000 - (T0 * 1000 + PERIOD_S * 1000)
    await advance(due - 1000)
    expect(state.parental.isLocked(adult)).toBe(false)
    await advance(1000)
    expect(state.parental.isLocked(adult)).toBe(true)
    expect(state.parental.locksNothing()).toBe(false)
    state.dispose()
  })

  it('an unlock lasts until the programme ends, for that programme only', async () => {
    const op = operator()
    const { state, advance } = boot(op)
    await advance(0)
    await expect(state.parental.unlock('p18')('0000')).rejects.toMatchObject({ attemptsLeft: 2 })
    expect(state.parental.isLocked(adult)).toBe(true)
    expect(await state.parental.unlock('p18')('1234')).toBe(T0 + 1800)
    expect(state.parental.isLocked(adult)).toBe(false)
    expect(state.parental.isLocked({ id: 'next', rating: 18 })).toBe(true)
    await advance(1800 * 1000)
    expect(state.parental.isLocked(adult)).toBe(true)
    state.dispose()
  })

  it('changes the settings with the PIN: shown at once, settled by the stamp', async () => {
    const op = operator()
    const { state, advance } = boot(op)
    await advance(0)
    await state.parental.setControl('1234', { enabled: true, maxRating: 18 })
    expect(state.parental.control.current.data?.maxRating).toBe(18)
    expect(state.parental.isLocked(adult)).toBe(false)
    await expect(state.parental.setControl('0000', { enabled: true, maxRating: 6 })).rejects.toThrow()
    expect(state.parental.control.current.data?.maxRating).toBe(18)
    state.dispose()
  })
})

describe('what a refused PIN means', () => {
  const denied = (code: number, more: object) => apiError({ kind: 'denied', code, reason: 'x', ...more })

  it('wrong with the tries left, locked until when, or the operator not reached', () => {
    expect(pinRefusalOf(denied(STATUS_CODE.PinRequired, { attemptsLeft: 1 }), T0)).toEqual({
      kind: 'wrong',
      attemptsLeft: 1,
    })
    expect(pinRefusalOf(denied(STATUS_CODE.PinLocked, { lockedUntil: T0 + 60 }), T0)).toEqual({
      kind: 'locked',
      lockedUntil: T0 + 60,
    })
    expect(pinRefusalOf(denied(STATUS_CODE.PinLocked, {}), T0)).toEqual({
      kind: 'locked',
      lockedUntil: T0 + 60,
    })
    expect(pinRefusalOf(new Error('boom'), T0)).toEqual({ kind: 'failed', offline: false })
  })
})
