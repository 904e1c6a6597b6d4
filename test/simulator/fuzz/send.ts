import http from 'node:http'

/** One request as the fuzzer builds it: any method, path, headers and raw body bytes. */
export interface FuzzRequest {
  method: string
  /** Path and query as sent, already percent-encoded where the fuzzer chose to. */
  path: string
  headers: Record<string, string>
  body?: Buffer
}

export interface FuzzResponse {
  status: number
  headers: http.IncomingHttpHeaders
  body: Buffer
}

/** Server-Sent Events never end: the head is the answer, the stream is let go. */
const isStream = (headers: http.IncomingHttpHeaders): boolean =>
  String(headers['content-type'] ?? '').startsWith('text/event-stream')

/**
 * Sends a request over a kept-alive socket to the simulator on loopback (fastify's inject
 * needs an ES module this Jest setup cannot load). A reply that does not come within
 * `timeoutMs` rejects: a hang is a failure like a 5xx.
 */
export const send = (
  agent: http.Agent,
  port: number,
  req: FuzzRequest,
  timeoutMs: number,
): Promise<FuzzResponse> =>
  new Promise((resolve, reject) => {
    const headers: Record<string, string> = { ...req.headers }
    if (req.body !== undefined) headers['content-length'] = String(req.body.length)
    const out = http.request(
      { host: '127.0.0.1', port, method: req.method, path: req.path, headers, agent },
      (res) => {
        if (isStream(res.headers)) {
          clearTimeout(timer)
          res.destroy()
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.alloc(0) })
          return
        }
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () => {
          clearTimeout(timer)
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) })
        })
        res.on('error', (e) => {
          clearTimeout(timer)
          reject(e)
        })
      },
    )
    const timer = setTimeout(() => {
      out.destroy()
      reject(new Error(`no answer within ${timeoutMs} ms`))
    }, timeoutMs)
    out.on('error', (e) => {
      clearTimeout(timer)
      reject(e)
    })
    out.end(req.body)
  })
