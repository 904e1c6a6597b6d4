/** @jest-environment node */
import { BehaviorSubject, firstValueFrom, filter } from 'rxjs'
import type { Channel } from '../../../src/domain/channels'
import { createChannelListStore } from '../../../src/state/guide/channelLists'
import { createRecallStore } from '../../../src/state/guide/recall'
import type { LineupState } from '../../../src/state/lineup/lineupStore'
import { createMemoryStore } from '../../../src/state/storage/keyValueStore'
import type { Logger } from '../../../src/platform/log'

const quiet: Logger = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} }
const flush = async (): Promise<void> => {
  for (let i = 0; i < 6; i++) await new Promise((resolve) => setImmediate(resolve))
}
const ch = (n: number, genre: string): Channel => ({
  id: `ch${n}`,
  number: n,
  name: `K${n}`,
  logo: '',
  catchupHours: 0,
  genre,
})
const lineup: LineupState = {
  channels: [ch(1, 'News'), ch(2, 'Sport'), ch(3, 'News')],
  status: 'ready',
  stale: false,
}

describe('the channel list choice', () => {
  it('is kept on the box and read back at the next start', async () => {
    const storage = createMemoryStore()
    const options = {
      storage,
      lineup$: new BehaviorSubject(lineup),
      user$: new BehaviorSubject(undefined),
      locale: () => 'en',
      log: quiet,
    }
    const first = createChannelListStore(options)
    await flush()
    first.choose({ kind: 'genre', genre: 'News' })
    await flush()
    first.dispose()

    const second = createChannelListStore(options)
    const view = await firstValueFrom(second.view$.pipe(filter((v) => v.list.kind === 'genre')))
    expect(view.channels.map((c) => c.id)).toEqual(['ch1', 'ch3'])
    expect(view.lists).toHaveLength(5)
    second.dispose()
  })

  it('signed out, favourites are an empty list, known to be empty', async () => {
    const store = createChannelListStore({
      storage: createMemoryStore(),
      lineup$: new BehaviorSubject(lineup),
      user$: new BehaviorSubject(undefined),
      locale: () => 'en',
      log: quiet,
    })
    store.choose({ kind: 'favourites' })
    const view = await firstValueFrom(store.view$)
    expect(view).toMatchObject({ list: { kind: 'favourites' }, channels: [], ready: true })
    store.dispose()
  })

  it('a storage that refuses the write keeps the choice for this run', async () => {
    const storage = createMemoryStore()
    storage.setItem = () => Promise.reject(new Error('full'))
    const store = createChannelListStore({
      storage,
      lineup$: new BehaviorSubject(lineup),
      user$: new BehaviorSubject(undefined),
      locale: () => 'en',
      log: quiet,
    })
    store.choose({ kind: 'genre', genre: 'Sport' })
    await flush()
    expect(store.chosen).toEqual({ kind: 'genre', genre: 'Sport' })
    expect((await firstValueFrom(store.view$)).channels.map((c) => c.id)).toEqual(['ch2'])
    store.dispose()
  })
})

describe('the recall store', () => {
  it('goes to the channel before across a restart, and back', async () => {
    const storage = createMemoryStore()
    const first = createRecallStore(storage, quiet)
    first.tuned('ch1')
    first.tuned('ch2')
    first.tuned('ch2')
    expect(await first.target('ch2')).toBe('ch1')
    const second = createRecallStore(storage, quiet)
    expect(await second.target()).toBe('ch1')
    second.tuned('ch1')
    expect(await second.target('ch1')).toBe('ch2')
  })
})
