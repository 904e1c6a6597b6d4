import { ChildProcessWithoutNullStreams, spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { ROOT } from './harness'

jest.setTimeout(120_000)

interface Started {
  child: ChildProcessWithoutNullStreams
  url: string
  output: () => string
}

/** `npm start` without the build step: the simulator process as a person runs it. */
const startProcess = (dbPath: string): Promise<Started> =>
  new Promise((resolve, reject) => {
    const child = spawn(path.join(ROOT, 'node_modules', '.bin', 'tsx'), ['simulator/src/main.ts'], {
      cwd: ROOT,
      env: { ...process.env, PORT: '0', KANAL_DB: dbPath },
    })
    let out = ''
    const timer = setTimeout(() => reject(new Error(`no URL printed within 90 s:\n${out}`)), 90_000)
    const onData = (chunk: Buffer): void => {
      out += chunk.toString()
      const match = /Open (http:\/\/localhost:\d+\/)/.exec(out)
      if (match?.[1]) {
        clearTimeout(timer)
        resolve({ child, url: match[1], output: () => out })
      }
    }
    child.stdout.on('data', onData)
    child.stderr.on('data', onData)
    child.on('exit', (code) => reject(new Error(`exited with ${code} before printing a URL:\n${out}`)))
  })

const exitOf = (child: ChildProcessWithoutNullStreams): Promise<number | null> =>
  new Promise((resolve) => child.on('exit', (code) => resolve(code)))

describe('the simulator process (npm start)', () => {
  let dir: string
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kanal-proc-'))
  })
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }))

  it.each(['SIGTERM', 'SIGINT'] as const)(
    'prints the URL, serves the app on loopback and stops cleanly on %s',
    async (signal) => {
      const started = await startProcess(path.join(dir, 'kanal.sqlite'))
      const health = await fetch(`${started.url}api/health`)
      expect(health.status).toBe(200)
      expect(await health.json()).toMatchObject({ status: 'ok' })
      const page = await (await fetch(started.url)).text()
      expect(page).toContain('<title>Kanal</title>')
      const exited = exitOf(started.child)
      started.child.kill(signal)
      expect(await exited).toBe(0)
      expect(started.output()).toContain(`${signal}: stopping the simulator`)
    },
  )
})
