/** @jest-environment node */
import { createPagedList, type Page } from '../../../src/state/account/pagedList'

const history = Array.from({ length: 45 }, (_, i) => `event ${45 - i}`)

const server = (opts: { withTotal: boolean; failAt?: number } = { withTotal: true }) => {
  const calls: Array<[number, number]> = []
  let failAt = opts.failAt
  const fetchPage = (offset: number, count: number): Promise<Page<string>> => {
    calls.push([offset, count])
    if (failAt === offset) {
      failAt = undefined
      return Promise.reject(new Error('HTTP 502'))
    }
    return Promise.resolve({
      items: history.slice(offset, offset + count),
      total: opts.withTotal ? history.length : undefined,
    })
  }
  return { calls, fetchPage }
}

describe('the paged account history', () => {
  it('reads page after page, newest first, and stops at the total', async () => {
    const s = server()
    const list = createPagedList({ fetchPage: s.fetchPage, pageSize: 20 })
    await list.loadMore()
    expect(list.current).toMatchObject({ total: 45, complete: false })
    expect(list.current.items[0]).toBe('event 45')
    await list.loadMore()
    await list.loadMore()
    await list.loadMore()
    expect(list.current.items).toEqual(history)
    expect(list.current.complete).toBe(true)
    expect(s.calls).toEqual([
      [0, 20],
      [20, 20],
      [40, 20],
    ])
  })

  it('knows the end from a short page when the server gives no total', async () => {
    const s = server({ withTotal: false })
    const list = createPagedList({ fetchPage: s.fetchPage, pageSize: 20 })
    for (let i = 0; i < 5; i++) await list.loadMore()
    expect(list.current.items).toHaveLength(45)
    expect(s.calls).toHaveLength(3)
  })

  it('asks for one page at a time however often it is asked', async () => {
    const s = server()
    const list = createPagedList({ fetchPage: s.fetchPage, pageSize: 20 })
    await Promise.all([list.loadMore(), list.loadMore(), list.loadMore()])
    expect(s.calls).toHaveLength(1)
  })

  it('keeps the pages shown when the next one fails, and reads it on the next try', async () => {
    const s = server({ withTotal: true, failAt: 20 })
    const list = createPagedList({ fetchPage: s.fetchPage, pageSize: 20 })
    await list.loadMore()
    await list.loadMore()
    expect(list.current.items).toHaveLength(20)
    expect(list.current.error).toBeInstanceOf(Error)
    await list.loadMore()
    expect(list.current.items).toHaveLength(40)
    expect(list.current.error).toBeUndefined()
  })

  it('starts over on reload', async () => {
    const s = server()
    const list = createPagedList({ fetchPage: s.fetchPage, pageSize: 20 })
    await list.loadMore()
    await list.loadMore()
    await list.reload()
    expect(list.current.items).toEqual(history.slice(0, 20))
  })
})

describe('the paged list over a page with dropped items', () => {
  it('asks for the next page from the server offset, not the count of items kept', async () => {
    const calls: number[] = []
    const list = createPagedList<string>({
      pageSize: 3,
      fetchPage: (offset) => {
        calls.push(offset)
        // The first page had a malformed item: 3 taken up, 2 kept.
        return Promise.resolve(
          offset === 0
            ? { items: ['a', 'b'], total: 5, consumed: 3 }
            : { items: ['d', 'e'], total: 5, consumed: 2 },
        )
      },
    })
    await list.loadMore()
    await list.loadMore()
    expect(calls).toEqual([0, 3])
    expect(list.current).toMatchObject({ items: ['a', 'b', 'd', 'e'], complete: true })
  })
})
