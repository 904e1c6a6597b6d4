import http from 'node:http'
import type { Client, Json } from './harness'

export interface RawRes {
  status: number
  headers: http.IncomingHttpHeaders
  body: Buffer
  json<T = Json>(): T
}

/**
 * A request with exactly the headers given (fetch adds and forbids some, Origin among them),
 * for the cross-origin checks, raw bodies and the request log's X-Kanal-Reason.
 */
export const raw = (
  client: Client,
  method: string,
  path: string,
  headers: Record<string, string> = {},
  body?: Buffer | string,
): Promise<RawRes> =>
  new Promise((resolve, reject) => {
    const req = http.request(client.url(path), { method, headers }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => {
        const all = Buffer.concat(chunks)
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: all,
          json: <T>() => JSON.parse(all.toString('utf8')) as T,
        })
      })
      res.on('error', reject)
    })
    req.on('error', reject)
    req.end(body)
  })

export const rawJson = (
  client: Client,
  method: string,
  path: string,
  payload: unknown,
  headers: Record<string, string> = {},
): Promise<RawRes> =>
  raw(client, method, path, { 'content-type': 'application/json', ...headers }, JSON.stringify(payload))

export interface SseEvent {
  event: string
  data: unknown
}

/** An open /qa/events stream that collects its events; `close` drops the connection. */
export interface EventStream {
  status: number
  contentType: string | undefined
  events: SseEvent[]
  comments: string[]
  /** Resolves once an event satisfies `match` (rejects after `timeoutMs`). */
  waitFor(match: (e: SseEvent) => boolean, timeoutMs?: number): Promise<SseEvent>
  /** Resolves when the server ends the stream. */
  ended: Promise<void>
  close(): void
}

export const openEvents = (client: Client): Promise<EventStream> =>
  new Promise((resolve, reject) => {
    const req = http.get(client.url('/qa/events'), (res) => {
      const events: SseEvent[] = []
      const comments: string[] = []
      const waiters: { match: (e: SseEvent) => boolean; done: (e: SseEvent) => void }[] = []
      let buffer = ''
      res.setEncoding('utf8')
      res.on('error', () => undefined)
      res.on('data', (chunk: string) => {
        buffer += chunk
        let cut = buffer.indexOf('\n\n')
        while (cut !== -1) {
          const block = buffer.slice(0, cut)
          buffer = buffer.slice(cut + 2)
          cut = buffer.indexOf('\n\n')
          let name = 'message'
          const data: string[] = []
          for (const line of block.split('\n')) {
            if (line.startsWith(':')) comments.push(line.slice(1).trim())
            else if (line.startsWith('event: ')) name = line.slice('event: '.length)
            else if (line.startsWith('data: ')) data.push(line.slice('data: '.length))
          }
          if (data.length === 0) continue
          const event = { event: name, data: JSON.parse(data.join('\n')) as unknown }
          events.push(event)
          for (const w of [...waiters]) {
            if (w.match(event)) {
              waiters.splice(waiters.indexOf(w), 1)
              w.done(event)
            }
          }
        }
      })
      const ended = new Promise<void>((done) => res.on('close', () => done()))
      // The stream says it is listening with a first comment; events after it are not missed.
      const ready = (): void => {
        if (comments.length === 0) {
          setTimeout(ready, 5)
          return
        }
        resolve({
          status: res.statusCode ?? 0,
          contentType: res.headers['content-type'],
          events,
          comments,
          ended,
          waitFor: (match, timeoutMs = 5000) => {
            const found = events.find(match)
            if (found) return Promise.resolve(found)
            return new Promise((done, fail) => {
              const timer = setTimeout(() => fail(new Error('no such event in time')), timeoutMs)
              waiters.push({
                match,
                done: (e) => {
                  clearTimeout(timer)
                  done(e)
                },
              })
            })
          },
          close: () => req.destroy(),
        })
      }
      ready()
    })
    req.on('error', reject)
  })

/** Polls `read` until it returns true, or fails after `timeoutMs` (real time). */
export const eventually = async (read: () => boolean, timeoutMs = 5000): Promise<void> => {
  const deadline = Date.now() + timeoutMs
  while (!read()) {
    if (Date.now() > deadline) throw new Error('the condition did not come true in time')
    await new Promise((r) => setTimeout(r, 10))
  }
}

/**
 * A request whose path is sent byte for byte: a URL string would be normalised first (`/api/..`
 * becomes `/`), and a client that does not normalise is what the simulator must survive.
 */
export const rawPath = (
  client: Client,
  method: string,
  path: string,
  headers: Record<string, string> = {},
  timeoutMs = 5_000,
): Promise<RawRes> =>
  new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: client.port, method, path, headers }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => {
        clearTimeout(timer)
        const all = Buffer.concat(chunks)
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: all,
          json: <T>() => JSON.parse(all.toString('utf8')) as T,
        })
      })
      res.on('error', reject)
    })
    const timer = setTimeout(() => {
      req.destroy()
      reject(new Error(`${method} ${path}: no answer within ${timeoutMs} ms`))
    }, timeoutMs)
    req.on('error', reject)
    req.end()
  })
