import { Client, startSimulator, T0 } from './harness'

describe("the operator's time in every API response", () => {
  let client: Client
  beforeAll(async () => {
    client = await new Client(startSimulator()).start()
  })
  afterAll(() => client.sim.close())

  it('sends the simulator clock as the Date header, and a QA clock move shows in the next one', async () => {
    const first = await client.request({
      method: 'POST',
      url: '/api/LoginAnonymous',
      payload: { deviceId: 'box-1' },
    })
    expect(Date.parse(first.headers.date ?? '')).toBe(T0 * 1000)
    await client.request({ method: 'POST', url: '/qa/clock', payload: { advance: 3 * 3600 } })
    const second = await client.request({
      method: 'POST',
      url: '/api/LoginAnonymous',
      payload: { deviceId: 'box-1' },
    })
    expect(Date.parse(second.headers.date ?? '')).toBe((T0 + 3 * 3600) * 1000)
  })
})
