/** @jest-environment node */
import { VirtualTimeScheduler } from 'rxjs'
import { apiError } from '../../../../src/api/errors'
import type { SearchAnswer } from '../../../../src/domain/search'
import { createGuideSearch } from '../../../../src/state/search/guideSearch'

const quiet = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined }
const settle = () => new Promise((r) => setTimeout(r, 0))

const answer = (query: string, titles: string[]): SearchAnswer => ({
  query,
  more: false,
  results: titles.map((title, i) => ({
    id: `${query}-${i}`,
    channelId: 'ch1',
    title,
    start: 1000 + i,
    end: 2000 + i,
    categories: [],
    channelNumber: 1,
    channelName: 'Kanal 1',
  })),
})

const setup = () => {
  const scheduler = new VirtualTimeScheduler()
  const calls: {
    query: string
    signal: AbortSignal
    resolve(a: SearchAnswer): void
    reject(e: unknown): void
  }[] = []
  const search = createGuideSearch({
    search: (query, signal) =>
      new Promise<SearchAnswer>((resolve, reject) => calls.push({ query, signal, resolve, reject })),
    scheduler,
    debounceMs: 300,
    log: quiet,
  })
  return { scheduler, calls, search }
}

describe('guide search', () => {
  test('letters typed in a burst ask once, for the last text; the typed text shows at once', () => {
    const { scheduler, calls, search } = setup()
    search.type('c')
    search.type('ca')
    search.type('caf')
    expect(search.view.typed).toBe('caf')
    expect(calls).toHaveLength(0)
    scheduler.flush()
    expect(calls.map((c) => c.query)).toEqual(['caf'])
    expect(search.view.status).toBe('searching')
  })

  test('under two letters is a hint, never a request', () => {
    const { scheduler, calls, search } = setup()
    for (const typed of ['a', ' ', '!!', 'a!']) {
      search.type(typed)
      scheduler.flush()
    }
    expect(calls).toHaveLength(0)
    expect(search.view.status).toBe('hint')
  })

  test('a newer query cancels the answer on its way; only the newer one shows', async () => {
    const { scheduler, calls, search } = setup()
    search.type('cafe')
    scheduler.flush()
    search.type('news')
    scheduler.flush()
    expect(calls.map((c) => c.query)).toEqual(['cafe', 'news'])
    expect(calls[0]?.signal.aborted).toBe(true)
    calls[0]?.resolve(answer('cafe', ['Café Society']))
    await settle()
    expect(search.view.status).toBe('searching')
    calls[1]?.resolve(answer('news', ['Evening News']))
    await settle()
    expect(search.view).toMatchObject({ status: 'ready', query: 'news', typed: 'news' })
    expect(search.view.results.map((r) => r.title)).toEqual(['Evening News'])
  })

  test('a failed search says why and keeps the last results', async () => {
    const { scheduler, calls, search } = setup()
    search.type('news')
    scheduler.flush()
    calls[0]?.resolve(answer('news', ['Evening News']))
    await settle()
    search.type('newsroom')
    scheduler.flush()
    calls[1]?.reject(apiError({ kind: 'network', reason: 'offline' }))
    await settle()
    expect(search.view).toMatchObject({ status: 'failed', failure: 'offline', query: 'news' })
    expect(search.view.results.map((r) => r.title)).toEqual(['Evening News'])
    search.type('newsr')
    scheduler.flush()
    calls[2]?.reject(apiError({ kind: 'server', reason: 'boom', status: 503 }))
    await settle()
    expect(search.view).toMatchObject({ status: 'failed', failure: 'other' })
    expect(search.view.results).toHaveLength(1)
    // The next answer clears the failure.
    search.type('news')
    scheduler.flush()
    calls[3]?.resolve(answer('news', ['Evening News', 'Late News']))
    await settle()
    expect(search.view.status).toBe('ready')
    expect(search.view.failure).toBeUndefined()
    expect(search.view.results).toHaveLength(2)
  })

  test('deleting back under two letters clears the results and shows the hint', async () => {
    const { scheduler, calls, search } = setup()
    search.type('news')
    scheduler.flush()
    calls[0]?.resolve(answer('news', ['Evening News']))
    await settle()
    search.type('n')
    scheduler.flush()
    expect(search.view).toMatchObject({ status: 'hint', results: [] })
  })
})
