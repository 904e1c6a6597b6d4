/** @jest-environment node */
import { Subject, VirtualTimeScheduler, firstValueFrom } from 'rxjs'
import type { Programme } from '../../../../src/domain/guide'
import type { ProgrammeLookup } from '../../../../src/state/guide/guideService'
import {
  createReminders,
  ReminderError,
  type ReminderNotice,
} from '../../../../src/state/reminders/reminders'
import { REMINDERS_KEY } from '../../../../src/state/reminders/reminderStore'
import { createMemoryStore, type KeyValueStore } from '../../../../src/state/storage/keyValueStore'
import { createResilientStore } from '../../../../src/state/storage/resilientStore'

const quiet = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined }
const settle = async () => {
  for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 0))
}

const news: Programme = {
  id: 'p1',
  channelId: 'ch3',
  title: 'Evening News',
  start: 10_000,
  end: 13_600,
  categories: [],
}
const film: Programme = {
  id: 'p2',
  channelId: 'ch5',
  title: 'Late Film',
  start: 20_000,
  end: 26_000,
  categories: [],
}

/**
 * A virtual operator clock: time moves only when the test sets it, and each tick is a look
 * the scheduler takes (as its interval would).
 */
const setup = (
  options: {
    storage?: KeyValueStore
    now?: number
    lookUp?: (id: string) => Promise<ProgrammeLookup>
    clockReady?: Promise<void>
    scheduler?: VirtualTimeScheduler
  } = {},
) => {
  let now = options.now ?? 9_000
  const ticks = new Subject<number>()
  const lookUps: string[] = []
  const storage = options.storage ?? createMemoryStore()
  const reminders = createReminders({
    storage,
    clock: { nowSeconds: () => now, ticks: () => ticks },
    lookUp: (id) => {
      lookUps.push(id)
      return options.lookUp?.(id) ?? Promise.resolve({ kind: 'failed', offline: true })
    },
    timings: {
      tickMs: 1000,
      checkAheadSeconds: 300,
      checkEverySeconds: 120,
      graceSeconds: 60,
      clockWaitMs: 15_000,
    },
    ...(options.clockReady ? { clockReady: options.clockReady } : {}),
    ...(options.scheduler ? { scheduler: options.scheduler } : {}),
    ...(options.clockReady ? { clockReady: options.clockReady } : {}),
    ...(options.scheduler ? { scheduler: options.scheduler } : {}),
    log: quiet,
  })
  const notices: ReminderNotice[] = []
  reminders.notices$.subscribe((n) => notices.push(n))
  const at = async (t: number) => {
    now = t
    ticks.next(t * 1000)
    await settle()
  }
  return { reminders, notices, at, lookUps, storage, setNow: (t: number) => (now = t) }
}

describe('reminders', () => {
  test('fire at the start by the operator clock, once, and leave the list', async () => {
    const { reminders, notices, at } = setup()
    reminders.start()
    await settle()
    await reminders.add(news)
    expect(reminders.has('p1')).toBe(true)
    await at(9_999)
    expect(notices).toEqual([])
    await at(10_000)
    expect(notices).toEqual([{ kind: 'startsNow', reminder: expect.objectContaining({ programmeId: 'p1' }) }])
    await at(10_001)
    expect(notices).toHaveLength(1)
    expect(reminders.list).toEqual([])
  })

  test('a programme already started cannot be reminded of', async () => {
    const { reminders } = setup({ now: 10_000 })
    await expect(reminders.add(news)).rejects.toBeInstanceOf(ReminderError)
    expect(reminders.list).toEqual([])
  })

  test('kept across a restart; one that started while the box was off is told once as missed', async () => {
    const storage = createMemoryStore()
    const before = setup({ storage })
    before.reminders.start()
    await before.reminders.add(news)
    await before.reminders.add(film)
    before.reminders.dispose()

    const after = setup({ storage, now: 11_000 })
    after.reminders.start()
    await settle()
    await after.at(11_000)
    expect(after.notices).toEqual([
      { kind: 'missed', reminder: expect.objectContaining({ programmeId: 'p1' }), onAir: true },
    ])
    expect(after.reminders.list.map((r) => r.programmeId)).toEqual(['p2'])
    await after.at(11_001)
    expect(after.notices).toHaveLength(1)
    expect(await storage.getItem(REMINDERS_KEY)).toEqual([expect.objectContaining({ programmeId: 'p2' })])
  })

  test('a programme that moved is said to have, and the reminder follows it', async () => {
    const moved: Programme = { ...news, start: 11_800, end: 15_400 }
    const { reminders, notices, at, lookUps } = setup({
      lookUp: () => Promise.resolve({ kind: 'found', details: { programme: moved } }),
    })
    reminders.start()
    await reminders.add(news)
    await at(9_600)
    expect(lookUps).toEqual([])
    await at(9_750)
    expect(lookUps).toEqual(['p1'])
    expect(notices).toEqual([
      {
        kind: 'moved',
        reminder: expect.objectContaining({ start: 10_000 }),
        to: { start: 11_800, end: 15_400, channelId: 'ch3', title: 'Evening News' },
      },
    ])
    // Not fired at the old time.
    await at(10_000)
    expect(notices).toHaveLength(1)
    await at(11_800)
    expect(notices[1]).toEqual({ kind: 'startsNow', reminder: expect.objectContaining({ start: 11_800 }) })
  })

  test('a programme gone from the guide is said to be, and never fires', async () => {
    const { reminders, notices, at } = setup({ lookUp: () => Promise.resolve({ kind: 'missing' }) })
    reminders.start()
    await reminders.add(news)
    await at(9_800)
    expect(notices).toEqual([{ kind: 'gone', reminder: expect.objectContaining({ programmeId: 'p1' }) }])
    await at(10_000)
    expect(notices).toHaveLength(1)
    expect(reminders.list).toEqual([])
  })

  test('unchanged or unreachable: fires at its time; asked again only every so often', async () => {
    const { reminders, notices, at, lookUps } = setup({
      lookUp: () => Promise.resolve({ kind: 'found', details: { programme: news } }),
    })
    reminders.start()
    await reminders.add(news)
    await at(9_750)
    await at(9_800)
    await at(9_871)
    expect(lookUps).toEqual(['p1', 'p1'])
    await at(10_000)
    expect(notices.map((n) => n.kind)).toEqual(['startsNow'])
  })

  test('a storage that cannot be written: the reminder still fires, saved ones stay, the app is told', async () => {
    const primary = createMemoryStore()
    await primary.setItem(REMINDERS_KEY, [{ ...film, programmeId: 'p2', setAt: 1 }])
    const broken: KeyValueStore = {
      getItem: (k) => primary.getItem(k),
      setItem: () => Promise.reject(new DOMException('quota', 'QuotaExceededError')),
      removeItem: (k) => primary.removeItem(k),
    }
    const storage = createResilientStore(broken, quiet)
    const { reminders, notices, at } = setup({ storage })
    reminders.start()
    await settle()
    await reminders.add(news)
    expect(reminders.list.map((r) => r.programmeId)).toEqual(['p1', 'p2'])
    expect(await firstValueFrom(storage.degraded$)).toBe(true)
    // What was saved before is still there, untouched.
    expect(await primary.getItem(REMINDERS_KEY)).toEqual([expect.objectContaining({ programmeId: 'p2' })])
    await at(10_000)
    expect(notices.map((n) => n.kind)).toEqual(['startsNow'])
  })

  test('a raw storage write that fails rejects the add, and the reminder is kept for this session', async () => {
    const broken: KeyValueStore = {
      getItem: () => Promise.resolve(null),
      setItem: () => Promise.reject(new Error('disk full')),
      removeItem: () => Promise.resolve(),
    }
    const { reminders } = setup({ storage: broken })
    await expect(reminders.add(news)).rejects.toThrow('disk full')
    expect(reminders.has('p1')).toBe(true)
  })

  test('cancel removes it: nothing fires', async () => {
    const { reminders, notices, at } = setup()
    reminders.start()
    await reminders.add(news)
    await reminders.cancel('p1')
    await at(10_000)
    expect(notices).toEqual([])
  })

  test("after a restart the first look waits for the operator's clock: missed is judged by its time", async () => {
    const storage = createMemoryStore()
    await storage.setItem(REMINDERS_KEY, [{ ...news, programmeId: 'p1', setAt: 1 }])
    let heard: () => void = () => undefined
    const clockReady = new Promise<void>((resolve) => (heard = resolve))
    // The box's own clock is behind: by it, the programme is still to come.
    const { reminders, notices, at } = setup({
      storage,
      now: 9_000,
      clockReady,
      scheduler: new VirtualTimeScheduler(),
    })
    reminders.start()
    await settle()
    await at(9_000)
    expect(notices).toEqual([])
    // The operator's answer: it is 11_000, the programme began while the box was off.
    heard()
    await settle()
    await at(11_000)
    expect(notices).toEqual([
      { kind: 'missed', reminder: expect.objectContaining({ programmeId: 'p1' }), onAir: true },
    ])
  })

  test('offline, the first look waits a while for the clock, then trusts the box', async () => {
    const storage = createMemoryStore()
    await storage.setItem(REMINDERS_KEY, [{ ...news, programmeId: 'p1', setAt: 1 }])
    const scheduler = new VirtualTimeScheduler()
    const { reminders, notices, at } = setup({
      storage,
      now: 11_000,
      clockReady: new Promise<void>(() => undefined),
      scheduler,
    })
    reminders.start()
    await settle()
    await at(11_000)
    expect(notices).toEqual([])
    scheduler.flush()
    await at(11_000)
    expect(notices.map((n) => n.kind)).toEqual(['missed'])
  })
})
