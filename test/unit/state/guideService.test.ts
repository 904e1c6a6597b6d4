/**
 * @jest-environment node
 */
import { BehaviorSubject, firstValueFrom, filter, of } from 'rxjs'
import type { Api } from '../../../src/api'
import type { Channel } from '../../../src/domain/channels'
import type { GuideWindow } from '../../../src/domain/guide'
import type { Licence } from '../../../src/domain/licences'
import type { Product } from '../../../src/domain/products'
import type { Recording } from '../../../src/domain/recordings'
import { createGuideService, type GuideRights } from '../../../src/state/guide/guideService'
import { createLineupStore } from '../../../src/state/lineup/lineupStore'
import { createMemoryStore } from '../../../src/state/storage/keyValueStore'
import type { UserState } from '../../../src/state/user/userState'

const NOW = 1_000_000
const channel = (id: string, number: number): Channel => ({
  id,
  number,
  name: `Channel ${number}`,
  logo: `http://x/${id}.png`,
  catchupHours: 24,
})
const silentLog = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
}

const makeApi = (channels: () => Promise<Channel[]>, window?: GuideWindow) => {
  const getGuide = jest.fn(() => Promise.resolve(window ?? { start: 0, end: 1, channels: [] }))
  const api = { envelope: { getChannels: jest.fn(channels), getGuide } } as unknown as Pick<Api, 'envelope'>
  return { api, getGuide }
}

const service = (api: Pick<Api, 'envelope'>, user?: UserState, storage = createMemoryStore()) =>
  createGuideService({
    api,
    lineup: createLineupStore({
      load: () => api.envelope.getChannels(),
      storage,
      nowMs: () => NOW * 1000,
      log: silentLog as never,
    }),
    authorised: (call) => call(),
    clock: { nowSeconds: () => NOW, nowMs: () => NOW * 1000, ticks: () => of(NOW * 1000) },
    storage,
    user$: new BehaviorSubject<UserState | undefined>(user),
    user: () => user,
    log: silentLog as never,
  })

const resource = <T>(data: T) => ({ state$: new BehaviorSubject({ data }), current: { data } })

describe('the guide service', () => {
  it('publishes the lineup sorted by number and keeps it for a start without the operator', async () => {
    const storage = createMemoryStore()
    const first = service(
      makeApi(() => Promise.resolve([channel('b', 2), channel('a', 1)])).api,
      undefined,
      storage,
    )
    await first.loadChannels()
    expect(first.lineup.channels.map((c) => c.id)).toEqual(['a', 'b'])
    expect(first.lineup.status).toBe('ready')

    const offline = service(makeApi(() => Promise.reject(new Error('offline'))).api, undefined, storage)
    await offline.loadChannels()
    expect(offline.lineup).toMatchObject({ status: 'ready', stale: true })
    expect(offline.lineup.channels.map((c) => c.number)).toEqual([1, 2])
  })

  it('says the lineup failed when there is neither network nor cache', async () => {
    const s = service(makeApi(() => Promise.reject(new Error('offline'))).api)
    await s.loadChannels()
    expect(s.lineup).toMatchObject({ status: 'failed', channels: [] })
  })

  it('fetches programme windows by channel for the grid', async () => {
    const window: GuideWindow = {
      start: 0,
      end: 14400,
      channels: [
        {
          channelId: 'a',
          programmes: [{ id: 'p1', channelId: 'a', title: 'News', start: 0, end: 1800, categories: [] }],
        },
      ],
    }
    const { api, getGuide } = makeApi(() => Promise.resolve([channel('a', 1)]), window)
    const s = service(api)
    await s.loadChannels()
    const changed = firstValueFrom(s.store.changed$)
    s.store.show({ firstRow: 0, lastRow: 6, from: 0, to: 7200 })
    await changed
    expect(getGuide).toHaveBeenCalledWith(
      expect.objectContaining({ channelIds: ['a'], start: 0, end: 14400 }),
      expect.anything(),
    )
    expect(s.store.programmes(0, 0, 7200).items.map((p) => p.title)).toEqual(['News'])
  })

  it('signed out: no rights; signed in: entitlements from active licences and marks from recordings', async () => {
    const anonymous = service(makeApi(() => Promise.resolve([])).api)
    const none = await firstValueFrom(anonymous.rights$)
    expect(none.signedIn).toBe(false)

    const product: Product = {
      id: 'base',
      title: 'Base',
      description: '',
      type: 'CHANNEL_GROUP',
      isPremium: false,
      channels: { live: ['a'], catchup: ['a'], npvr: [], startover: [] },
    }
    const licence: Licence = { id: 'l1', productId: 'base', status: 'ACTIVE', start: NOW - 10, end: null }
    const rec: Recording = {
      id: 'r1',
      programmeId: 'p9',
      channelId: 'a',
      title: 'Film',
      start: NOW + 60,
      end: NOW + 3600,
      state: 'scheduled',
      protected: false,
      expiresAt: null,
    }
    const addRecording = jest.fn(() => Promise.resolve())
    const user = {
      rights: resource({ licences: [licence], products: [product] }),
      recordings: resource({
        recordings: [rec],
        quota: { allowedHours: 1, usedHours: 0, scheduledHours: 0 },
        autoExpireDays: 30,
      }),
      tags: resource([]),
      watchHistory: resource([]),
      addRecording,
      cancelRecording: jest.fn(() => Promise.resolve()),
    } as unknown as UserState
    const s = service(makeApi(() => Promise.resolve([])).api, user)
    const rights: GuideRights = await firstValueFrom(s.rights$.pipe(filter((r) => r.signedIn)))
    expect(rights.entitlements.get('a')).toEqual({ live: true, catchup: true, npvr: false, startover: false })
    expect(rights.entitlements.has('b')).toBe(false)
    expect(rights.packageStatus).toBe('known')
    expect(rights.marks.get('p9')).toEqual({ mark: 'scheduled', recordingId: 'r1' })

    await s.record(
      {
        id: 'p5',
        channelId: 'a',
        title: 'Show',
        start: NOW + 10,
        end: NOW + 20,
        categories: [],
        seriesId: 's',
      },
      true,
    )
    expect(addRecording).toHaveBeenCalledWith(
      expect.objectContaining({ programmeId: 'p5', channelId: 'a', state: 'scheduled', seriesId: 's' }),
      true,
    )
  })

  it('says whether the package is known: checking before the first answer, failed after an error', async () => {
    const rights = new BehaviorSubject<{ data: unknown; status: string }>({
      data: undefined,
      status: 'loading',
    })
    const user = {
      rights: { state$: rights, current: rights.value },
      recordings: resource(undefined),
      tags: resource([]),
      watchHistory: resource([]),
    } as unknown as UserState
    const s = service(makeApi(() => Promise.resolve([])).api, user)
    const seen: string[] = []
    const sub = s.rights$.subscribe((r) => seen.push(r.packageStatus))
    rights.next({ data: undefined, status: 'error' })
    rights.next({ data: { licences: [], products: [] }, status: 'ready' })
    sub.unsubscribe()
    expect(seen).toEqual(['checking', 'failed', 'known'])
  })

  it('remembers the last channel watched and the programmes the grid opened', async () => {
    const s = service(makeApi(() => Promise.resolve([])).api)
    expect(await s.lastChannel()).toBeUndefined()
    s.rememberChannel('ch7')
    await new Promise((r) => setTimeout(r, 0))
    expect(await s.lastChannel()).toBe('ch7')
    s.rememberProgramme({ id: 'p1', channelId: 'a', title: 'T', start: 0, end: 1, categories: [] })
    expect(s.programme('p1')?.title).toBe('T')
    expect(s.programme('nope')).toBeUndefined()
  })
})

describe('looking a programme up by id', () => {
  const programme = {
    id: '153',
    channelId: 'a',
    title: 'Evening News',
    start: NOW - 600,
    end: NOW + 1200,
    categories: [],
  }
  const withLookup = (getProgramme: jest.Mock) => {
    const { api } = makeApi(() => Promise.resolve([channel('a', 1)]))
    ;(api.envelope as unknown as { getProgramme: jest.Mock }).getProgramme = getProgramme
    return service(api)
  }

  it('asks the operator for a programme the grid has not shown, and remembers it', async () => {
    const next = { ...programme, id: '190', start: NOW + 86400, end: NOW + 88200 }
    const s = withLookup(jest.fn(() => Promise.resolve({ programme, nextAiring: next })))
    expect(s.programme('153')).toBeUndefined()
    expect(await s.lookUpProgramme('153')).toEqual({
      kind: 'found',
      details: { programme, nextAiring: next },
    })
    expect(s.programme('153')).toEqual(programme)
  })

  it('tells a programme nobody has from one that cannot be had right now', async () => {
    const { apiError } = await import('../../../src/api/errors')
    const missing = withLookup(
      jest.fn(() => Promise.reject(apiError({ kind: 'notFound', reason: 'NotFound' }))),
    )
    expect(await missing.lookUpProgramme('4711')).toEqual({ kind: 'missing' })
    const offline = withLookup(jest.fn(() => Promise.reject(apiError({ kind: 'network', reason: 'down' }))))
    expect(await offline.lookUpProgramme('153')).toEqual({ kind: 'failed', offline: true })
  })
})
