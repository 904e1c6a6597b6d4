/**
 * @jest-environment node
 */
import { BehaviorSubject, firstValueFrom, of, filter } from 'rxjs'
import type { Api } from '../../../src/api'
import { apiError } from '../../../src/api/errors'
import type { Channel } from '../../../src/domain/channels'
import type { GuideWindow } from '../../../src/domain/guide'
import { programmeActions } from '../../../src/domain/guideActions'
import { createGuideService } from '../../../src/state/guide/guideService'
import { createLineupStore } from '../../../src/state/lineup/lineupStore'
import { createMemoryStore, type KeyValueStore } from '../../../src/state/storage/keyValueStore'
import type { UserState } from '../../../src/state/user/userState'

const NOW = 1_000_000
const channel: Channel = { id: 'a', number: 1, name: 'One', logo: '', catchupHours: 24 }
const silentLog = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
}
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
const unreachable = () => Promise.reject(apiError({ kind: 'network', reason: 'connection refused' }))

const service = (storage: KeyValueStore, online: boolean, clockMs = NOW * 1000) => {
  const getGuide = jest.fn(() => (online ? Promise.resolve(window) : unreachable()))
  const api = {
    envelope: {
      getChannels: jest.fn(() => (online ? Promise.resolve([channel]) : unreachable())),
      getGuide,
    },
  } as unknown as Pick<Api, 'envelope'>
  const s = createGuideService({
    api,
    lineup: createLineupStore({
      load: () => api.envelope.getChannels(),
      storage,
      nowMs: () => clockMs,
      log: silentLog as never,
    }),
    authorised: (call) => call(),
    clock: { nowSeconds: () => Math.floor(clockMs / 1000), nowMs: () => clockMs, ticks: () => of(clockMs) },
    storage,
    user$: new BehaviorSubject<UserState | undefined>(undefined),
    user: () => undefined,
    log: silentLog as never,
  })
  return { s, getGuide }
}

const showAndWait = async (s: ReturnType<typeof service>['s']) => {
  const changed = firstValueFrom(s.store.changed$)
  s.store.show({ firstRow: 0, lastRow: 6, from: 0, to: 7200 })
  await changed
}

describe('the guide without the operator', () => {
  it('shows the windows saved on the box, and says since when it is offline', async () => {
    const storage = createMemoryStore()
    const first = service(storage, true)
    await first.s.loadChannels()
    await showAndWait(first.s)
    expect(await firstValueFrom(first.s.offlineSince$)).toBeUndefined()
    // The save is written after the window is shown: wait for it as a restart would.
    await new Promise((r) => setImmediate(r))

    const later = NOW * 1000 + 3_600_000
    const offline = service(storage, false, later)
    await offline.s.loadChannels()
    await showAndWait(offline.s)
    const row = offline.s.store.programmes(0, 0, 7200)
    expect(row.state).toBe('ready')
    expect(row.items.map((p) => p.title)).toEqual(['News'])
    expect(await firstValueFrom(offline.s.offlineSince$.pipe(filter((since) => since !== undefined)))).toBe(
      later,
    )
  })

  it('a window never saved still fails, as before', async () => {
    const offline = service(createMemoryStore(), false)
    await offline.s.loadChannels()
    offline.s.store.setChannels(['a'])
    await showAndWait(offline.s)
    expect(offline.s.store.programmes(0, 0, 7200).state).toBe('failed')
  })

  it('offline, every action that needs the operator is offered as unavailable, with the reason', () => {
    const caps = { live: true, catchup: true, npvr: true, startover: true }
    const onAir = { start: NOW - 600, end: NOW + 600, seriesId: 's' }
    const offers = programmeActions(onAir, {
      caps,
      catchupHours: 24,
      now: NOW,
      signedIn: true,
      mark: 'none',
      offline: true,
    })
    expect.hasAssertions()
    expect(offers.length).toBeGreaterThan(0)
    for (const o of offers) expect(o).toEqual({ action: o.action, allowed: false, reason: 'offline' })
    const ended = programmeActions(
      { start: NOW - 7200, end: NOW - 3600 },
      { caps, catchupHours: 24, now: NOW, signedIn: true, mark: 'none', offline: true },
    )
    expect(ended).toEqual([{ action: 'catchup', allowed: false, reason: 'offline' }])
  })
})
