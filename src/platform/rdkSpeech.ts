import type { Logger } from './log'
import type { SpeechEngine } from './speech'

/**
 * Voice guidance through RDK's text-to-speech: the Thunder `org.rdk.TextToSpeech` plugin over
 * JSON-RPC 2.0 on Thunder's WebSocket. Per the plugin's API (rdkservices
 * TextToSpeechPlugin.md): `speak {text}` answers a `speechid` and interrupts whatever was being
 * said; `cancel {speechid}` stops that speech; `setttsconfiguration {language}` changes the
 * language.
 *
 * Used only when settings.json names the endpoint: a plain browser never probes the port. The
 * socket opens on the first utterance; nothing is queued, because voice guidance only ever
 * wants its latest words. Whenever the box cannot speak (no connection, the socket closed, the
 * plugin refused), that utterance goes to the browser's engine instead, and the socket is tried
 * again at most once per `retryAfterMs`. Nothing here throws: voice guidance must never stop
 * the app.
 */

/** The part of the browser's WebSocket this engine uses; tests give a fake. */
export interface WebSocketLike {
  send(data: string): void
  close(): void
  onopen: ((event: unknown) => void) | null
  onmessage: ((event: { data: unknown }) => void) | null
  onerror: ((event: unknown) => void) | null
  onclose: ((event: unknown) => void) | null
}

export type WebSocketConstructor = new (url: string) => WebSocketLike

export interface RdkSpeechOptions {
  /** Thunder's JSON-RPC endpoint, such as `ws://127.0.0.1:9998/jsonrpc` (may carry `?token=`). */
  url: string
  /** Speaks whatever the box cannot: the browser's engine. */
  fallback: SpeechEngine
  log: Logger
  /** The clock for the retry pause; Date.now by default. */
  nowMs?: () => number
  /** The least time between two attempts to connect after a failure. */
  retryAfterMs?: number
  /**
   * A socket still opening after this long counts as failed when the next words come: a box
   * that swallows the handshake must not keep voice guidance silent.
   */
  connectTimeoutMs?: number
  /** The browser's WebSocket by default. */
  WebSocket?: WebSocketConstructor
}

export const RDK_TTS_RETRY_MS = 30_000
export const RDK_TTS_CONNECT_TIMEOUT_MS = 5_000
const PLUGIN = 'org.rdk.TextToSpeech.1'

interface Utterance {
  text: string
  lang: string
}

interface JsonRpcReply {
  id?: unknown
  result?: { speechid?: unknown; success?: unknown }
  error?: unknown
}

const parseReply = (data: unknown): JsonRpcReply | undefined => {
  if (typeof data !== 'string') return undefined
  try {
    const parsed: unknown = JSON.parse(data)
    return typeof parsed === 'object' && parsed !== null ? (parsed as JsonRpcReply) : undefined
  } catch {
    return undefined
  }
}

/** Where the socket stands: none yet, opening (with the one utterance waiting), open, failed. */
type Connection =
  | { kind: 'idle' }
  | { kind: 'connecting'; socket: WebSocketLike; sinceMs: number; waiting: Utterance | undefined }
  | { kind: 'open'; socket: WebSocketLike }
  | { kind: 'down'; sinceMs: number }

export const createRdkSpeechEngine = (options: RdkSpeechOptions): SpeechEngine => {
  const { url, fallback, log } = options
  const nowMs = options.nowMs ?? (() => Date.now())
  const retryAfterMs = options.retryAfterMs ?? RDK_TTS_RETRY_MS
  const connectTimeoutMs = options.connectTimeoutMs ?? RDK_TTS_CONNECT_TIMEOUT_MS
  const Socket =
    options.WebSocket ??
    (typeof WebSocket === 'undefined' ? undefined : (WebSocket as unknown as WebSocketConstructor))

  let connection: Connection = { kind: 'idle' }
  let nextId = 1
  /** The language last set on the box in this connection. */
  let boxLanguage: string | undefined
  /** The latest speak request: its words (for the fallback) and, once answered, its speech id. */
  let lastSpeak: { requestId: number; utterance: Utterance; speechId?: number } | undefined
  /** A cancel came while the latest speak had no speech id yet: cancel it once it has one. */
  let cancelWhenAnswered = false

  const send = (socket: WebSocketLike, method: string, params: Record<string, unknown>): number => {
    const id = nextId
    nextId += 1
    socket.send(JSON.stringify({ jsonrpc: '2.0', id, method: `${PLUGIN}.${method}`, params }))
    return id
  }

  const goDown = (reason: string): void => {
    if (connection.kind === 'connecting' || connection.kind === 'open') {
      const { socket } = connection
      socket.onopen = socket.onmessage = socket.onerror = socket.onclose = null
      try {
        socket.close()
      } catch {
        // Already closed.
      }
    }
    const waiting = connection.kind === 'connecting' ? connection.waiting : undefined
    connection = { kind: 'down', sinceMs: nowMs() }
    boxLanguage = undefined
    lastSpeak = undefined
    cancelWhenAnswered = false
    // Only a reason of our own words: the event or the URL could carry the token.
    log.warn(`RDK text-to-speech unavailable (${reason}); using the browser's speech`)
    if (waiting) fallback.speak(waiting.text, waiting.lang)
  }

  const speakOnBox = (socket: WebSocketLike, utterance: Utterance): void => {
    if (utterance.lang !== boxLanguage) {
      send(socket, 'setttsconfiguration', { language: utterance.lang })
      boxLanguage = utterance.lang
    }
    const requestId = send(socket, 'speak', { text: utterance.text })
    lastSpeak = { requestId, utterance }
    cancelWhenAnswered = false
  }

  const onReply = (socket: WebSocketLike, reply: JsonRpcReply): void => {
    if (!lastSpeak || reply.id !== lastSpeak.requestId) return
    const refused = reply.error !== undefined || reply.result?.success === false
    if (refused) {
      // The plugin is there but will not speak (not activated, TTS disabled): the browser
      // says these words, and the next ones too until the retry pause is over.
      const { utterance } = lastSpeak
      const cancelled = cancelWhenAnswered
      goDown('the plugin refused to speak')
      if (!cancelled) fallback.speak(utterance.text, utterance.lang)
      return
    }
    const speechId = reply.result?.speechid
    if (typeof speechId === 'number') {
      lastSpeak.speechId = speechId
      if (cancelWhenAnswered) {
        cancelWhenAnswered = false
        send(socket, 'cancel', { speechid: speechId })
      }
    }
  }

  const connect = (utterance: Utterance): void => {
    if (!Socket) {
      connection = { kind: 'down', sinceMs: nowMs() }
      log.warn("No WebSocket for RDK text-to-speech; using the browser's speech")
      fallback.speak(utterance.text, utterance.lang)
      return
    }
    const socket = new Socket(url)
    connection = { kind: 'connecting', socket, sinceMs: nowMs(), waiting: utterance }
    socket.onopen = () => {
      if (connection.kind !== 'connecting' || connection.socket !== socket) return
      const { waiting } = connection
      connection = { kind: 'open', socket }
      log.info('RDK text-to-speech connected')
      try {
        if (waiting) speakOnBox(socket, waiting)
      } catch {
        goDown('send failed')
        if (waiting) fallback.speak(waiting.text, waiting.lang)
      }
    }
    socket.onmessage = (event) => {
      const reply = parseReply(event.data)
      if (!reply) return
      try {
        onReply(socket, reply)
      } catch {
        goDown('send failed')
      }
    }
    socket.onerror = () => goDown('connection error')
    socket.onclose = () => goDown('connection closed')
  }

  return {
    speak(text, lang) {
      const utterance = { text, lang }
      try {
        switch (connection.kind) {
          case 'open':
            try {
              speakOnBox(connection.socket, utterance)
            } catch {
              goDown('send failed')
              fallback.speak(text, lang)
            }
            return
          case 'connecting':
            if (nowMs() - connection.sinceMs < connectTimeoutMs) {
              connection.waiting = utterance
              return
            }
            // Only these words: the ones waiting were replaced by them.
            connection.waiting = undefined
            goDown('connection timed out')
            fallback.speak(text, lang)
            return
          case 'down':
            if (nowMs() - connection.sinceMs < retryAfterMs) {
              fallback.speak(text, lang)
              return
            }
            connect(utterance)
            return
          case 'idle':
            connect(utterance)
            return
        }
      } catch {
        // A socket that cannot even be made (a malformed URL): the browser speaks.
        connection = { kind: 'down', sinceMs: nowMs() }
        log.warn("RDK text-to-speech could not connect; using the browser's speech")
        fallback.speak(text, lang)
      }
    },
    cancel() {
      // The browser may be speaking a fallback utterance.
      fallback.cancel()
      try {
        if (connection.kind === 'connecting') connection.waiting = undefined
        if (connection.kind !== 'open' || !lastSpeak) return
        if (lastSpeak.speechId === undefined) cancelWhenAnswered = true
        else {
          send(connection.socket, 'cancel', { speechid: lastSpeak.speechId })
          lastSpeak = undefined
        }
      } catch {
        goDown('send failed')
      }
    },
  }
}
