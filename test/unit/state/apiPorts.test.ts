/** @jest-environment node */
import { createApi } from '../../../src/api'
import { userPortsOf } from '../../../src/state/user/apiPorts'
import { fakeFetch } from '../api/support/recorder'

describe('user ports over the API', () => {
  it('sends one GetUserTimestamps attempt per poll: the poller owns its retries, not the transport', async () => {
    const fetch = fakeFetch(() => ({ status: 503, body: {} }))
    const api = createApi({
      baseUrl: 'http://operator.test/api',
      getToken: () => 'token',
      fetch,
      retries: 2,
      delay: async () => undefined,
    })
    const ports = userPortsOf(
      api,
      (call) => call(),
      () => 'user-1',
    )
    await expect(ports.getTimestamps(new AbortController().signal, 'schedule')).rejects.toBeDefined()
    expect(fetch.calls).toHaveLength(1)
    // Other reads keep the transport's retries.
    await expect(ports.getServices(new AbortController().signal)).rejects.toBeDefined()
    expect(fetch.calls).toHaveLength(4)
  })
})
