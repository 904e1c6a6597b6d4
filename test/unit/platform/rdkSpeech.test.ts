import { createRdkSpeechEngine, type WebSocketLike } from '../../../src/platform/rdkSpeech'
import type { Logger } from '../../../src/platform/log'
import type { SpeechEngine } from '../../../src/platform/speech'

const TOKEN = 'eyJhbGciOiJSUzI1NiJ9.s3cr3t'
const URL_WITH_TOKEN = `ws://127.0.0.1:9998/jsonrpc?token=${TOKEN}`

class FakeSocket implements WebSocketLike {
  static made: FakeSocket[] = []
  static failToConstruct = false
  sent: Array<{ id: number; method: string; params: Record<string, unknown> }> = []
  closed = false
  failSend = false
  onopen: ((event: unknown) => void) | null = null
  onmessage: ((event: { data: unknown }) => void) | null = null
  onerror: ((event: unknown) => void) | null = null
  onclose: ((event: unknown) => void) | null = null

  constructor(readonly url: string) {
    if (FakeSocket.failToConstruct) throw new SyntaxError(`bad URL ${url}`)
    FakeSocket.made.push(this)
  }
  send(data: string): void {
    if (this.failSend) throw new Error('InvalidStateError')
    this.sent.push(JSON.parse(data) as FakeSocket['sent'][number])
  }
  close(): void {
    this.closed = true
  }
  open(): void {
    this.onopen?.({})
  }
  reply(id: number, body: Record<string, unknown>): void {
    this.onmessage?.({ data: JSON.stringify({ jsonrpc: '2.0', id, ...body }) })
  }
  fail(): void {
    this.onerror?.({ type: 'error', target: { url: this.url } })
    this.onclose?.({ code: 1006, reason: this.url })
  }
  methods(): string[] {
    return this.sent.map((m) => m.method)
  }
  last(method: string): FakeSocket['sent'][number] | undefined {
    return [...this.sent].reverse().find((m) => m.method === `org.rdk.TextToSpeech.1.${method}`)
  }
}

interface Setup {
  engine: SpeechEngine
  fallback: { spoken: string[]; cancels: number }
  logLines: string[]
  clock: { now: number }
  socket: () => FakeSocket
}

const setup = (): Setup => {
  FakeSocket.made = []
  FakeSocket.failToConstruct = false
  const fallback = { spoken: [] as string[], cancels: 0 }
  const logLines: string[] = []
  // The raw lines, before any masking: the engine itself must not put the token in them.
  const record =
    (level: string) =>
    (message: string, detail?: unknown): void => {
      logLines.push(`${level} ${message} ${detail === undefined ? '' : JSON.stringify(detail)}`)
    }
  const log: Logger = {
    debug: record('debug'),
    info: record('info'),
    warn: record('warn'),
    error: record('error'),
  }
  const clock = { now: 1_000_000 }
  const engine = createRdkSpeechEngine({
    url: URL_WITH_TOKEN,
    fallback: {
      speak: (text, lang) => fallback.spoken.push(`${lang}:${text}`),
      cancel: () => (fallback.cancels += 1),
    },
    log,
    nowMs: () => clock.now,
    retryAfterMs: 30_000,
    connectTimeoutMs: 5_000,
    WebSocket: FakeSocket,
  })
  const socket = (): FakeSocket => {
    const last = FakeSocket.made[FakeSocket.made.length - 1]
    if (!last) throw new Error('no socket was made')
    return last
  }
  return { engine, fallback, logLines, clock, socket }
}

describe('the RDK text-to-speech engine', () => {
  it('connects only on the first utterance, then sends the language and the words as JSON-RPC', () => {
    const { engine, socket, fallback } = setup()
    expect(FakeSocket.made).toHaveLength(0)
    engine.speak('Kanal 1, Morning Live', 'en-US')
    expect(FakeSocket.made).toHaveLength(1)
    expect(socket().url).toBe(URL_WITH_TOKEN)
    expect(socket().sent).toEqual([])
    socket().open()
    expect(socket().sent).toEqual([
      {
        jsonrpc: '2.0',
        id: 1,
        method: 'org.rdk.TextToSpeech.1.setttsconfiguration',
        params: { language: 'en-US' },
      },
      {
        jsonrpc: '2.0',
        id: 2,
        method: 'org.rdk.TextToSpeech.1.speak',
        params: { text: 'Kanal 1, Morning Live' },
      },
    ])
    engine.speak('Kanal 2', 'en-US')
    engine.speak('Kanava 3', 'fi-FI')
    expect(socket().methods()).toEqual([
      'org.rdk.TextToSpeech.1.setttsconfiguration',
      'org.rdk.TextToSpeech.1.speak',
      'org.rdk.TextToSpeech.1.speak',
      'org.rdk.TextToSpeech.1.setttsconfiguration',
      'org.rdk.TextToSpeech.1.speak',
    ])
    expect(socket().last('setttsconfiguration')?.params).toEqual({ language: 'fi-FI' })
    expect(socket().last('speak')?.params).toEqual({ text: 'Kanava 3' })
    expect(FakeSocket.made).toHaveLength(1)
    expect(fallback.spoken).toEqual([])
  })

  it('says only the latest words when more come while connecting', () => {
    const { engine, socket } = setup()
    engine.speak('Guide', 'en')
    engine.speak('Recordings', 'en')
    engine.speak('Store', 'en')
    expect(FakeSocket.made).toHaveLength(1)
    socket().open()
    const spoken = socket()
      .sent.filter((m) => m.method.endsWith('.speak'))
      .map((m) => m.params)
    expect(spoken).toEqual([{ text: 'Store' }])
  })

  it('gives up on a socket still opening after the connect timeout when the next words come', () => {
    const { engine, socket, fallback, clock } = setup()
    engine.speak('Guide', 'en')
    clock.now += 4_999
    engine.speak('Recordings', 'en')
    expect(fallback.spoken).toEqual([])
    clock.now += 1
    engine.speak('Store', 'en')
    expect(fallback.spoken).toEqual(['en:Store'])
    expect(socket().closed).toBe(true)
    socket().open()
    expect(socket().sent).toEqual([])
  })

  it('says nothing when cancelled while connecting', () => {
    const { engine, socket } = setup()
    engine.speak('Guide', 'en')
    engine.cancel()
    socket().open()
    expect(socket().sent).toEqual([])
  })

  it('cancels the speech the box said it is speaking, also when the cancel came before its id', () => {
    const { engine, socket, fallback } = setup()
    engine.speak('Guide', 'en')
    socket().open()
    const first = socket().last('speak')
    expect(first).toBeDefined()
    socket().reply(first?.id ?? -1, { result: { speechid: 7, TTS_Status: 0, success: true } })
    engine.cancel()
    expect(socket().last('cancel')?.params).toEqual({ speechid: 7 })
    expect(fallback.cancels).toBe(1)

    engine.speak('Recordings', 'en')
    const second = socket().last('speak')
    engine.cancel()
    expect(
      socket()
        .methods()
        .filter((m) => m.endsWith('.cancel')),
    ).toHaveLength(1)
    socket().reply(second?.id ?? -1, { result: { speechid: 8, TTS_Status: 0, success: true } })
    expect(socket().last('cancel')?.params).toEqual({ speechid: 8 })
  })

  it('falls back to the browser when the connection fails, and tries again at most once per 30 s', () => {
    const { engine, socket, fallback, clock } = setup()
    engine.speak('Guide', 'en')
    socket().fail()
    expect(fallback.spoken).toEqual(['en:Guide'])
    expect(socket().closed).toBe(true)

    clock.now += 29_999
    engine.speak('Recordings', 'en')
    expect(fallback.spoken).toEqual(['en:Guide', 'en:Recordings'])
    expect(FakeSocket.made).toHaveLength(1)

    clock.now += 1
    engine.speak('Store', 'en')
    expect(FakeSocket.made).toHaveLength(2)
    socket().open()
    expect(socket().last('speak')?.params).toEqual({ text: 'Store' })
    expect(fallback.spoken).toEqual(['en:Guide', 'en:Recordings'])
  })

  it('falls back when an open socket closes, or the plugin refuses to speak', () => {
    const { engine, socket, fallback, clock } = setup()
    engine.speak('Guide', 'en')
    socket().open()
    socket().fail()
    engine.speak('Recordings', 'en')
    expect(fallback.spoken).toEqual(['en:Recordings'])

    clock.now += 30_000
    engine.speak('Store', 'en')
    socket().open()
    const speak = socket().last('speak')
    socket().reply(speak?.id ?? -1, { error: { code: -32601, message: 'Unknown method' } })
    expect(fallback.spoken).toEqual(['en:Recordings', 'en:Store'])
    engine.speak('Account', 'en')
    expect(fallback.spoken).toEqual(['en:Recordings', 'en:Store', 'en:Account'])
    expect(FakeSocket.made).toHaveLength(2)
  })

  it('never throws: a socket that cannot be made or sent on leaves the words to the browser', () => {
    const { engine, socket, fallback, clock } = setup()
    FakeSocket.failToConstruct = true
    expect(() => engine.speak('Guide', 'en')).not.toThrow()
    expect(fallback.spoken).toEqual(['en:Guide'])

    FakeSocket.failToConstruct = false
    clock.now += 30_000
    engine.speak('Recordings', 'en')
    socket().open()
    socket().failSend = true
    expect(() => engine.speak('Store', 'en')).not.toThrow()
    expect(fallback.spoken).toEqual(['en:Guide', 'en:Store'])
    expect(() => engine.cancel()).not.toThrow()
  })

  it('puts the token in no log line', () => {
    const { engine, socket, logLines, clock } = setup()
    FakeSocket.failToConstruct = true
    engine.speak('Guide', 'en')
    FakeSocket.failToConstruct = false
    clock.now += 30_000
    engine.speak('Recordings', 'en')
    socket().open()
    socket().fail()
    clock.now += 30_000
    engine.speak('Store', 'en')
    socket().fail()
    expect(logLines.length).toBeGreaterThanOrEqual(3)
    expect.hasAssertions()
    for (const line of logLines) {
      expect(line).not.toContain(TOKEN)
      expect(line).not.toContain('token=')
    }
  })
})
