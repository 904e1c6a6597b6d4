/** @jest-environment node */
import { BehaviorSubject, NEVER, VirtualAction, VirtualTimeScheduler } from 'rxjs'
import { createApi, isApiError, type Api } from '../../../../src/api'
import type { Programme } from '../../../../src/domain/guide'
import type { Recording } from '../../../../src/domain/recordings'
import { createRecordingsView, type RecordingsView } from '../../../../src/state/recordings/recordingsView'
import { refusalOf, type Refusal } from '../../../../src/state/recordings/refusal'
import { sessionApiOf } from '../../../../src/state/session/apiSession'
import { createSessionStore, type SessionStore } from '../../../../src/state/session/sessionStore'
import { createMemoryStore } from '../../../../src/state/storage/keyValueStore'
import { isOperatorUnreachable } from '../../../../src/state/timestamps/unreachable'
import { userPortsOf } from '../../../../src/state/user/apiPorts'
import { createUserState, type UserState } from '../../../../src/state/user/userState'
import { SIM_START, startSimulator, type RunningSimulator } from '../../api/support/simulator'
import { recordableProgrammes, recordingLog, until } from './support/operator'

/**
 * The operator misbehaving, met for real: the simulator's QA faults break a route (HTTP 5xx,
 * an answer slower than the timeout, a body cut off, a connection dropped) while the user's
 * stores (wired as AppState wires them: the session's `authorised`, the API ports, the app's
 * rule for "unreachable") and the recordings screen's view-model run over them.
 */
let s: RunningSimulator
let pool: Programme[] = []

beforeAll(async () => {
  s = await startSimulator()
  const token = await s.tokenFor('anna')
  const api = createApi({ baseUrl: `${s.url}api`, getToken: () => token, retries: 0 })
  pool = await recordableProgrammes(s, api, SIM_START, 8)
})
afterAll(async () => s.close())
beforeEach(async () => {
  await s.qa('DELETE', 'faults')
})

const fault = (route: string, body: Record<string, unknown>): Promise<unknown> =>
  s.qa('POST', 'faults', { route, ...body })

const draftOf = (p: Programme): Recording => ({
  id: `draft-${p.id}`,
  programmeId: p.id,
  channelId: p.channelId,
  title: p.title,
  start: p.start,
  end: p.end,
  state: 'scheduled',
  protected: false,
  expiresAt: null,
})

interface Box {
  api: Api
  session: SessionStore
  user: UserState
  log: ReturnType<typeof recordingLog>
  /** The last thing the recordings screen was told to show. */
  view(): RecordingsView
  /** Runs what the poller has due now (its clock is virtual; the HTTP side is real). */
  tick(): void
  stop(): void
}

const boot = async (): Promise<Box> => {
  const storage = createMemoryStore()
  const log = recordingLog()
  const holder: { session?: SessionStore } = {}
  const api = createApi({
    baseUrl: `${s.url}api`,
    getToken: () => holder.session?.token(),
    timeoutMs: 300,
    delay: () => Promise.resolve(),
  })
  const session = createSessionStore({
    api: sessionApiOf(api),
    storage,
    deviceId: 'box-faults',
    nowSeconds: () => SIM_START,
    isAuthError: (e) => isApiError(e) && e.kind === 'auth',
    log,
  })
  holder.session = session
  await session.login('anna', 'anna')
  const scheduler = new VirtualTimeScheduler(VirtualAction, Number.POSITIVE_INFINITY)
  const user = createUserState({
    ports: userPortsOf(
      api,
      (call) => session.authorised(call),
      () => '1001',
    ),
    userKey: 'user-1001',
    storage,
    scheduler,
    random: () => 0,
    nowMs: () => SIM_START * 1000 + scheduler.now(),
    periodSeconds: 600,
    jitter: 0.2,
    collapseSeconds: 0,
    visible$: new BehaviorSubject(true),
    triggers$: NEVER,
    isUnreachable: isOperatorUnreachable,
    log,
  })
  const views: RecordingsView[] = []
  const sub = createRecordingsView({
    user$: new BehaviorSubject<UserState | undefined>(user),
    ticks$: new BehaviorSubject(SIM_START * 1000),
    names$: new BehaviorSubject(new Map<string, string>()),
    locale: () => 'en',
  }).view$.subscribe((v) => views.push(v))
  const tick = () => {
    scheduler.maxFrames = scheduler.now()
    scheduler.flush()
  }
  tick()
  await until('the user’s first data', () =>
    [user.recordings, user.rights, user.services, user.resumes].every((r) => r.current.source === 'network'),
  )
  return {
    api,
    session,
    user,
    log,
    view: () => views[views.length - 1] ?? { kind: 'loading' },
    tick,
    stop: () => {
      sub.unsubscribe()
      user.dispose()
    },
  }
}

const programmeIds = (user: UserState): string[] =>
  (user.recordings.current.data?.recordings ?? []).map((r) => r.programmeId).sort()

/** Whether the operator's database holds a recording of this programme for anna. */
const operatorRecorded = (programmeId: string): boolean =>
  s.sim.sim.db
    .prepare<
      [string],
      { n: number }
    >("SELECT COUNT(*) AS n FROM recordings WHERE user_id = '1001' AND programme_id = ?")
    .get(programmeId)?.n === 1

describe.each<[string, Record<string, unknown>, string, Refusal]>([
  ['a 5xx', { kind: 'status', status: 503 }, 'server', 'other'],
  ['a timeout', { kind: 'latency', latencyMs: 1500 }, 'timeout', 'unknown'],
  ['a malformed body', { kind: 'malformed' }, 'protocol', 'other'],
  ['a dropped connection', { kind: 'drop' }, 'network', 'offline'],
])('%s from the operator', (_name, kind, errorKind, refusal) => {
  it('keeps the last good list, flagged offline with its time; takes a write back with its reason; loses nothing', async () => {
    const box = await boot()
    const before = box.user.recordings.current
    const shownBefore = box.view()
    expect(shownBefore).toMatchObject({ kind: 'list', offline: false })
    const [mine, theirs] = [pool.pop(), pool.pop()]
    if (mine === undefined || theirs === undefined) throw new Error('programme pool used up')

    // Another device records something (the Recordings stamp moves); then everything breaks.
    await s.qa('POST', 'another-device', { userId: 'anna', action: 'addRecording', programmeId: theirs.id })
    for (const route of ['/api/GetUserTimestamps', '/api/GetRecordings', '/api/AddRecording'])
      await fault(route, kind)

    // The screen opens: the check fails. The list is the last good one, said to be offline.
    box.user.check('recordings-opened')
    box.tick()
    await until('the offline flag', () => {
      const v = box.view()
      return v.kind === 'list' && v.offline
    })
    expect(box.user.recordings.current).toMatchObject({
      data: before.data,
      fetchedAt: before.fetchedAt,
      status: 'ready',
    })
    const offline = box.view()
    expect(offline.kind === 'list' && offline.rows).toEqual(shownBefore.kind === 'list' && shownBefore.rows)

    // A recording asked for now shows at once, then is taken back with a reason to show.
    const write = box.user.addRecording(draftOf(mine), false)
    expect(programmeIds(box.user)).toContain(mine.id)
    const error = await write.then(
      () => undefined,
      (e: unknown) => e,
    )
    expect(error).toMatchObject({ kind: errorKind })
    // The words the screens have for it: never "nothing was changed" when that is not known.
    expect(refusalOf(error)).toBe(refusal)
    expect(box.user.recordings.current.data).toEqual(before.data)

    // The stamps answer again but the list does not: still the last good list, with the error.
    await s.qa('DELETE', 'faults')
    await fault('/api/GetRecordings', kind)
    box.user.check('recordings-opened')
    box.tick()
    await until('the failed fetch', () => box.user.recordings.current.error !== undefined)
    expect(box.user.recordings.current).toMatchObject({ data: before.data, status: 'ready', offline: false })
    expect(box.user.recordings.current.error).toMatchObject({ kind: errorKind })

    // The operator is back: the list is the operator's own, the other device's recording in it.
    await s.qa('DELETE', 'faults')
    box.user.check('recordings-opened')
    box.tick()
    await until('the other device’s recording', () => programmeIds(box.user).includes(theirs.id))
    const server = (await box.api.envelope.getRecordings()).recordings.map((r) => r.programmeId).sort()
    expect(programmeIds(box.user)).toEqual(server)
    // The simulator answers these faults before its handler runs, and closes a request the box
    // gave up on (the timeout) before reading it: nothing was recorded. A real operator may
    // still do the work after a timeout, which is why the box does not say "nothing was
    // changed" then ('unknown' above); either way the list after recovery is the operator's.
    expect(operatorRecorded(mine.id)).toBe(false)
    expect(programmeIds(box.user)).not.toContain(mine.id)
    expect(box.user.recordings.current).toMatchObject({ offline: false, error: undefined, source: 'network' })
    expect(box.view()).toMatchObject({ kind: 'list', offline: false })
    // What the box logged says what failed, never the token.
    expect(box.log.lines.some((l) => l.startsWith('warn timestamps check failed'))).toBe(true)
    expect(box.log.lines.join('\n')).not.toContain(box.session.token() ?? 'no token')
    box.stop()
  })
})
