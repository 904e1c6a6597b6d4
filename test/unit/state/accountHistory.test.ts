/** @jest-environment node */
import { createApi } from '../../../src/api'
import { createAccountHistory } from '../../../src/state/account/accountHistory'
import { startSimulator, type RunningSimulator } from '../api/support/simulator'

describe('the account history against the simulator', () => {
  let s: RunningSimulator
  beforeAll(async () => {
    s = await startSimulator()
  })
  afterAll(() => s.close())

  it('reads every change of the account, newest first, page by page', async () => {
    const token = await s.tokenFor('anna')
    const api = createApi({ baseUrl: `${s.url}api`, getToken: () => token, retries: 0 })
    const history = createAccountHistory(api, (call) => call(), 2)
    for (let i = 0; i < 50 && !history.current.complete; i++) await history.loadMore()
    const { items, total, complete } = history.current
    expect(complete).toBe(true)
    expect(total).toBeGreaterThan(2)
    expect(items).toHaveLength(total ?? -1)
    const times = items.map((c) => c.at)
    expect([...times].sort((a, b) => b - a)).toEqual(times)
  })
})
