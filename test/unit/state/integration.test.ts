/** @jest-environment node */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { BehaviorSubject, NEVER, VirtualAction, VirtualTimeScheduler } from 'rxjs'
import type { Simulator } from '../../../simulator/src/server'
import { startSimulator } from '../../simulator/harness'
import { createApi, isApiError } from '../../../src/api'
import { createSessionStore } from '../../../src/state/session/sessionStore'
import { sessionApiOf } from '../../../src/state/session/apiSession'
import { createMemoryStore } from '../../../src/state/storage/keyValueStore'
import { createUserState } from '../../../src/state/user/userState'
import { userPortsOf } from '../../../src/state/user/apiPorts'
import type { Logger } from '../../../src/platform/log'

const SIM_START = 1767225600
const PERIOD_S = 600
const quiet: Logger = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} }

/** Waits (in real time) for the HTTP side of a step; the poller's own time is virtual. */
const waitFor = async (what: string, ok: () => boolean, ms = 5000): Promise<void> => {
  const until = Date.now() + ms
  while (!ok()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}

describe('the user state against the simulator', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kanal-state-'))
  const dbPath = path.join(dir, 'operator.sqlite')
  let port = 0
  let simulator: Simulator | undefined

  const start = async (): Promise<string> => {
    simulator = startSimulator({ port, appDir: dir, dbPath, clock: { start: SIM_START, speed: 0 } })
    const url = await simulator.listen()
    port = Number(new URL(url).port)
    return url
  }

  afterAll(async () => {
    await simulator?.close()
    fs.rmSync(dir, { recursive: true, force: true })
  })

  it('sees another device’s recording within one poll, keeps the list offline, and recovers', async () => {
    const url = await start()
    const storage = createMemoryStore()
    const api = createApi({ baseUrl: `${url}api`, getToken: () => session.token(), retries: 0 })
    const session = createSessionStore({
      api: sessionApiOf(api),
      storage,
      deviceId: 'box-integration',
      nowSeconds: () => SIM_START,
      isAuthError: (e) => isApiError(e) && e.kind === 'auth',
      log: quiet,
    })
    await session.login('anna', 'anna')
    const userId = session.current.kind === 'user' ? session.current.user.id : undefined
    expect(userId).toBe('1001')

    const scheduler = new VirtualTimeScheduler(VirtualAction, Number.POSITIVE_INFINITY)
    const advance = (ms: number) => {
      scheduler.schedule(() => undefined, ms)
      scheduler.maxFrames = scheduler.now() + ms
      scheduler.flush()
    }
    const state = createUserState({
      ports: userPortsOf(
        api,
        (call) => session.authorised(call),
        () => userId,
      ),
      userKey: `user-${userId}`,
      storage,
      scheduler,
      random: () => 0,
      nowMs: () => SIM_START * 1000 + scheduler.now(),
      periodSeconds: PERIOD_S,
      jitter: 0.2,
      visible$: new BehaviorSubject(true),
      triggers$: NEVER,
      isUnreachable: (e) => isApiError(e) && (e.kind === 'network' || e.kind === 'timeout'),
      log: quiet,
    })
    advance(0)
    await waitFor('the first recordings', () => state.recordings.current.source === 'network')
    const before = state.recordings.current.data?.recordings.map((r) => r.id) ?? []

    // Another device records something on tomorrow's guide.
    const channels = await api.envelope.getChannels()
    const qa = async (body: unknown) =>
      fetch(`${url}qa/another-device`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      })
    let added: string | undefined
    for (const channel of channels.slice(0, 20)) {
      const window = await api.envelope.getGuide({
        channelIds: [channel.id],
        start: SIM_START + 86400,
        end: SIM_START + 86400 + 4 * 3600,
      })
      const programme = window.channels[0]?.programmes[1]
      if (programme === undefined) continue
      const res = await qa({ userId: '1001', action: 'addRecording', programmeId: programme.id })
      if (res.ok) {
        added = programme.id
        break
      }
    }
    expect(added).toBeDefined()
    expect(state.recordings.current.data?.recordings.map((r) => r.id)).toEqual(before)

    // The next poll (random 0: period x 0.8) brings it.
    advance(PERIOD_S * 0.8 * 1000)
    await waitFor('the new recording', () =>
      (state.recordings.current.data?.recordings ?? []).some((r) => r.programmeId === added),
    )

    // The operator goes away: the list stays, flagged offline.
    await simulator?.close()
    const shown = state.recordings.current.data
    advance(PERIOD_S * 1.2 * 1000)
    await waitFor('offline', () => state.recordings.current.offline)
    expect(state.recordings.current.data).toEqual(shown)
    expect(state.recordings.current.status).toBe('ready')

    // It comes back on the same port, with the same database: the next try finds it.
    await start()
    for (let i = 0; i < 6 && state.recordings.current.offline; i++) {
      advance(PERIOD_S * 1.2 * 1000)
      await new Promise((resolve) => setTimeout(resolve, 200))
    }
    await waitFor('online again', () => !state.recordings.current.offline)
    expect(state.recordings.current.data).toEqual(shown)
    state.dispose()
  })
})
