/** @jest-environment node */
import { createApi } from '../../../../src/api'
import type { Programme } from '../../../../src/domain/guide'
import type { SignOutReason } from '../../../../src/state/account/accountState'
import { createMemoryStore } from '../../../../src/state/storage/keyValueStore'
import { SIM_START, startSimulator, type RunningSimulator } from '../../api/support/simulator'
import { bootApp, closeApps, signInAnna, type App } from './support/app'
import { recordableProgrammes, until } from './support/operator'

/**
 * StatusCode 30, AuthenticationRequired (document 000): the operator no longer knows the box's
 * token. This operator has no renewal, so the session store falls back to anonymous; the app
 * says why (the account's `signedOut$`: the UI's "signed out" page), and what the box saved for
 * the user stays, shown at once when they sign in again.
 */
let s: RunningSimulator
let programme: Programme | undefined

beforeAll(async () => {
  s = await startSimulator()
  const token = await s.tokenFor('anna')
  const api = createApi({ baseUrl: `${s.url}api`, getToken: () => token, retries: 0 })
  programme = (await recordableProgrammes(s, api, SIM_START, 1))[0]
})
afterAll(async () => s.close())
beforeEach(async () => {
  await s.qa('DELETE', 'faults')
})
afterEach(closeApps)

const endSessionOnOperator = async (): Promise<void> => {
  const { sessions } = (await s.qa('GET', 'sessions')) as {
    sessions: { id: string; userId: string | null; deviceId: string }[]
  }
  const mine = sessions.find((x) => x.userId === '1001' && x.deviceId === 'box-faults')
  if (mine === undefined) throw new Error('no session of anna on box-faults')
  await s.qa('DELETE', `sessions/${mine.id}`)
}

describe('StatusCode 30 (authentication required)', () => {
  it.each<[string, (app: App) => Promise<void>]>([
    [
      'the operator ended the session; the next check meets it',
      async (app) => {
        await endSessionOnOperator()
        app.state.check('recordings-opened')
      },
    ],
    [
      'StatusCode 30 on the timestamps poll',
      async (app) => {
        await s.qa('POST', 'faults', {
          route: '/api/GetUserTimestamps',
          kind: 'envelope',
          statusCode: 30,
          count: 1,
        })
        app.state.check('recordings-opened')
      },
    ],
    [
      'the operator ended the session; a recording asked for meets it',
      async (app) => {
        await endSessionOnOperator()
        if (programme === undefined) throw new Error('no programme to record')
        const write = app.user().addRecording(
          {
            id: `draft-${programme.id}`,
            programmeId: programme.id,
            channelId: programme.channelId,
            title: programme.title,
            start: programme.start,
            end: programme.end,
            state: 'scheduled',
            protected: false,
            expiresAt: null,
          },
          false,
        )
        // Not dropped in silence: the caller is told, to say why nothing was recorded.
        await expect(write).rejects.toMatchObject({ kind: 'auth', code: 30 })
      },
    ],
  ])(
    '%s: signs out with the reason, keeps what the box saved, shows it at once after signing in',
    async (_name, meet) => {
      const disk = createMemoryStore()
      const app = bootApp(s, disk)
      await app.state.start()
      const reasons: SignOutReason[] = []
      app.state.account.signedOut$.subscribe((r) => reasons.push(r))
      await signInAnna(app)
      const token = app.state.session.token() ?? ''
      const list = app.user().recordings.current.data
      const saved = await disk.getItem('user-1001:recordings')

      await meet(app)
      await until('the sign-out', () => reasons.length > 0)
      expect(reasons).toEqual(['session-ended'])
      expect(app.state.session.current.kind).toBe('anonymous')
      expect(app.state.user).toBeUndefined()
      // Nothing the box saved for anna is gone.
      expect(await disk.getItem('user-1001:recordings')).toEqual(saved)

      await s.qa('DELETE', 'faults')
      await app.state.session.login('anna', 'anna')
      await until('the saved list', () => app.state.user?.recordings.current.data !== undefined)
      expect(app.user().recordings.current).toMatchObject({ source: 'cache', data: list })
      expect(reasons).toEqual(['session-ended'])
      // Neither the old token nor the new one ever reached the log.
      const logged = app.log.lines.join('\n')
      expect(logged).not.toContain(token)
      expect(logged).not.toContain(app.state.session.token() ?? 'no token')
      app.state.close()
    },
  )
})
