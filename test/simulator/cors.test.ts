import http from 'node:http'
import { allowedOrigin } from '../../simulator/src/http/cors'
import { Client, startSimulator } from './harness'

const DIST = 'http://127.0.0.1:5000'

describe('cross-origin access (a build served by another web server)', () => {
  let client: Client
  beforeAll(async () => {
    client = await new Client(startSimulator()).start()
  })
  afterAll(async () => client.sim.close())
  const inject = (options: InjectOptions) => send(client, options)

  it('answers a preflight for /api with the methods and headers the app sends', async () => {
    const res = await inject({
      method: 'OPTIONS',
      url: '/api/Login',
      headers: {
        origin: DIST,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization, content-type',
      },
    })
    expect(res.statusCode).toBe(204)
    expect(res.headers['access-control-allow-origin']).toBe('*')
    expect(String(res.headers['access-control-allow-headers'])).toMatch(/Authorization/)
    expect(String(res.headers['access-control-allow-headers'])).toMatch(/Content-Type/)
    expect(String(res.headers['access-control-allow-methods'])).toMatch(/POST/)
  })

  it('lets the page read an /api answer and its Date (the operator clock)', async () => {
    const res = await inject({ method: 'GET', url: '/api/health', headers: { origin: DIST } })
    expect(res.statusCode).toBe(200)
    expect(res.headers['access-control-allow-origin']).toBe('*')
    expect(res.headers['access-control-expose-headers']).toBe('Date')
    expect(res.headers.date).toBeDefined()
  })

  it('gives /qa no CORS headers, and it still refuses a change from another origin', async () => {
    const preflight = await inject({
      method: 'OPTIONS',
      url: '/qa/clock',
      headers: { origin: DIST, 'access-control-request-method': 'POST' },
    })
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined()
    const post = await inject({
      method: 'POST',
      url: '/qa/clock',
      headers: { origin: DIST, host: '127.0.0.1:8080', 'content-type': 'application/json' },
      payload: { advance: 60 },
    })
    expect(post.headers['access-control-allow-origin']).toBeUndefined()
    expect(post.statusCode).toBe(403)
  })

  it('with a list of origins, allows only those', async () => {
    const listed = await new Client(startSimulator({ corsOrigins: [DIST] })).start()
    try {
      const ok = await send(listed, { method: 'GET', url: '/api/health', headers: { origin: DIST } })
      expect(ok.headers['access-control-allow-origin']).toBe(DIST)
      const other = await send(listed, {
        method: 'GET',
        url: '/api/health',
        headers: { origin: 'http://evil.example' },
      })
      expect(other.headers['access-control-allow-origin']).toBeUndefined()
    } finally {
      await listed.sim.close()
    }
  })

  it('matches origins whole, case and a trailing slash aside', () => {
    expect(allowedOrigin('http://TV.example:8000', ['http://tv.example:8000/'])).toBe(
      'http://TV.example:8000',
    )
    expect(allowedOrigin('http://tv.example:8001', ['http://tv.example:8000'])).toBeUndefined()
    expect(allowedOrigin('http://tv.example.evil', ['http://tv.example'])).toBeUndefined()
    expect(allowedOrigin('http://anything', ['*'])).toBe('*')
  })
})

interface InjectOptions {
  method: string
  url: string
  headers: Record<string, string>
  payload?: unknown
}

/** node:http, not fetch: fetch would not send Origin and Host as a browser's page does. */
const send = (
  client: Client,
  o: InjectOptions,
): Promise<{ statusCode: number; headers: http.IncomingHttpHeaders }> =>
  new Promise((resolve, reject) => {
    const req = http.request(client.url(o.url), { method: o.method, headers: o.headers }, (res) => {
      res.resume()
      res.on('end', () => resolve({ statusCode: res.statusCode ?? 0, headers: res.headers }))
    })
    req.on('error', reject)
    req.end(o.payload === undefined ? undefined : JSON.stringify(o.payload))
  })
