/** @jest-environment node */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Simulator } from '../../../../simulator/src/server'
import { startSimulator } from '../../../simulator/harness'
import type { Recording } from '../../../../src/domain/recordings'
import { createMemoryStore } from '../../../../src/state/storage/keyValueStore'
import { SIM_START } from '../../api/support/simulator'
import { bootApp, closeApps, signInAnna } from './support/app'
import { until } from './support/operator'

/**
 * The operator down (its address refuses connections) when the box starts, then back on the
 * same address and database: the whole app state shows what the box saved, flagged, takes
 * back what cannot be sent, and picks up where it was when the operator returns.
 */
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kanal-down-'))
const dbPath = path.join(dir, 'operator.sqlite')
let port = 0
let simulator: Simulator | undefined

const up = async (): Promise<string> => {
  simulator = startSimulator({ port, appDir: dir, dbPath, clock: { start: SIM_START, speed: 0 } })
  const url = await simulator.listen()
  port = Number(new URL(url).port)
  return url
}

afterAll(async () => {
  closeApps()
  await simulator?.close()
  fs.rmSync(dir, { recursive: true, force: true })
})

describe('the operator down', () => {
  it('at start: the saved data shows, flagged offline; a write is taken back; all comes back with the operator', async () => {
    const url = await up()
    // Yesterday anna used the box: her session, data and the lineup were saved.
    const disk = createMemoryStore()
    const yesterday = bootApp({ url }, disk)
    await yesterday.state.start()
    await signInAnna(yesterday)
    await yesterday.state.lineup.open()
    const saved = {
      recordings: await disk.getItem('user-1001:recordings'),
      lineup: await disk.getItem('lineup'),
    }
    const list = yesterday.user().recordings.current.data
    const first = list?.recordings[0]
    if (first === undefined) throw new Error('anna has no recordings')
    yesterday.state.close()

    await simulator?.close()
    const app = bootApp({ url }, disk)
    await app.state.start()
    expect(app.state.session.current).toMatchObject({ kind: 'user', user: { id: '1001' } })
    await until('the offline flag', () => app.state.user?.recordings.current.offline === true)
    expect(app.user().recordings.current).toMatchObject({ source: 'cache', data: list, status: 'ready' })
    await app.state.lineup.open()
    expect(app.state.lineup.current).toMatchObject({ status: 'ready', stale: true })
    expect(app.state.lineup.current.channels.length).toBeGreaterThan(0)

    // Deleting a recording cannot reach the operator: shown at once, then taken back, with why.
    const removal = app.user().deleteRecording(first.id)
    expect(app.user().recordings.current.data?.recordings.map((r: Recording) => r.id)).not.toContain(first.id)
    await expect(removal).rejects.toMatchObject({ kind: 'network' })
    expect(app.user().recordings.current.data).toEqual(list)
    expect(await disk.getItem('user-1001:recordings')).toEqual(saved.recordings)
    expect(await disk.getItem('lineup')).toEqual(saved.lineup)

    // The operator is back on the same address: the next check finds it.
    await up()
    app.state.check('recordings-opened')
    await until('online again', () => app.state.user?.recordings.current.offline === false)
    await app.state.lineup.open()
    expect(app.state.lineup.current).toMatchObject({ status: 'ready', stale: false })
    expect(app.user().recordings.current.data).toEqual(list)
    expect(app.log.lines.some((l) => l.startsWith('warn timestamps check failed'))).toBe(true)
  })
})
