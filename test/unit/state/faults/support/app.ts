import { BehaviorSubject, NEVER, Observable, asyncScheduler } from 'rxjs'
import { DEFAULT_SETTINGS } from '../../../../../src/platform/settings'
import { createAppState, type AppState } from '../../../../../src/state/appState'
import type { KeyValueStore } from '../../../../../src/state/storage/keyValueStore'
import type { UserState } from '../../../../../src/state/user/userState'
import { SIM_START, type RunningSimulator } from '../../../api/support/simulator'
import { recordingLog, until } from './operator'

export interface App {
  state: AppState
  /** Sets the box's own clock this far from the operator's (an NTP step, a wrong RTC). */
  setBoxClock(offsetMs: number): void
  log: ReturnType<typeof recordingLog>
  /** The signed-in user's hub; throws when nobody is. */
  user(): UserState
}

/**
 * The whole app state against the simulator, as the composition root builds it, on the storage
 * given. The box's clock starts at the simulator's (frozen) clock, or `boxClockOffsetMs` from it,
 * and runs in real time; the
 * first poll is at once and the viewer's checks are never collapsed.
 */
const open: AppState[] = []

/** Closes every app a test booted, passed or failed (nothing keeps running into the next). */
export const closeApps = (): void => {
  for (const state of open.splice(0)) state.close()
}

export const bootApp = (
  s: Pick<RunningSimulator, 'url'>,
  storage: KeyValueStore & { degraded$?: Observable<boolean> },
  deviceId = 'box-faults',
  boxClockOffsetMs = 0,
): App => {
  const startedAt = Date.now()
  let offsetMs = boxClockOffsetMs
  const log = recordingLog()
  const state = createAppState({
    settings: { ...DEFAULT_SETTINGS, pollCollapseSeconds: 0 },
    apiBaseUrl: `${s.url}api/`,
    storage,
    scheduler: asyncScheduler,
    random: () => 0,
    nowMs: () => SIM_START * 1000 + (Date.now() - startedAt) + offsetMs,
    visible$: new BehaviorSubject(true),
    networkBack$: NEVER,
    newDeviceId: () => deviceId,
    log,
  })
  open.push(state)
  const user = (): UserState => {
    const current = state.user
    if (current === undefined) throw new Error('nobody signed in')
    return current
  }
  return { state, log, user, setBoxClock: (ms) => (offsetMs = ms) }
}

/** Signs anna in and waits until her recordings came from the operator. */
export const signInAnna = async (app: App): Promise<void> => {
  await app.state.session.login('anna', 'anna')
  await until('anna’s recordings', () => app.state.user?.recordings.current.source === 'network')
}
