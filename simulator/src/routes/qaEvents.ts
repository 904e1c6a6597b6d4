import type { FastifyInstance } from 'fastify'
import type { Api } from '../http/api'
import type { QaEvent } from '../qa/events'

const PING_MS = 15_000

const frame = (event: QaEvent): string => `event: ${event.type}\ndata: ${JSON.stringify(event.data)}\n\n`

/**
 * GET /qa/events: Server-Sent Events of the QA bus (requests as they end, clock moves, fault
 * changes), with a comment every 15 s so that proxies and the browser keep the stream open.
 * A stream lets go of the bus when its connection closes, and closing the simulator ends every
 * open stream: an endless response would otherwise keep app.close() (and Ctrl+C) waiting.
 */
export const registerQaEvents = (qa: FastifyInstance, api: Api): void => {
  const open = new Set<() => void>()

  qa.addHook('preClose', async () => {
    for (const end of [...open]) end()
  })

  qa.get('/events', (req, reply) => {
    reply.hijack()
    const res = reply.raw
    res.writeHead(200, {
      'content-type': 'text/event-stream',
      'cache-control': 'no-store',
      connection: 'keep-alive',
      'x-content-type-options': 'nosniff',
    })
    // A HEAD has no body to stream: left open it would hang its caller (nothing is ever sent).
    if (req.method === 'HEAD') {
      res.end()
      return
    }
    res.write(': connected\n\n')
    const unsubscribe = api.events.subscribe((event) => {
      res.write(frame(event))
    })
    const ping = setInterval(() => res.write(': ping\n\n'), PING_MS)
    ping.unref()
    let ended = false
    const end = (): void => {
      if (ended) return
      ended = true
      clearInterval(ping)
      unsubscribe()
      open.delete(end)
      if (!res.writableEnded && !res.destroyed) res.end()
    }
    open.add(end)
    // The response's close, not the request's: a GET's request "closes" once its empty body is read.
    res.on('close', end)
  })
}
