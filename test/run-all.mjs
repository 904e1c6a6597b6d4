#!/usr/bin/env node
/**
 * `npm test`: typecheck, lint, format check, build, then every jest project (unit, simulator,
 * e2e in Chromium). Each check counts as one test next to jest's own; the last line is
 * `N passed, N failed`. The e2e tests are never skipped: without Chromium this installs
 * Debian's package when it can (root with apt-get) and otherwise stops with the command to run.
 */
import { spawn, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
process.chdir(root)
const env = {
  ...process.env,
  LNG_AUTO_UPDATE: 'false',
  LNG_BUILD_EXIT_ON_FAIL: 'true',
  LNG_BUNDLER: 'esbuild',
}
const jestArgs = process.argv.slice(2)

let passed = 0
let failed = 0
const failures = []

/**
 * Runs one check with its output held back, so that checks running side by side still print
 * one after the other; resolves to whether it passed.
 */
const check = (name, command, args) =>
  new Promise((resolve) => {
    const started = Date.now()
    const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] })
    const output = []
    child.stdout.on('data', (chunk) => output.push(chunk))
    child.stderr.on('data', (chunk) => output.push(chunk))
    const done = (ok) => {
      process.stdout.write(`\n== ${name}: ${command} ${args.join(' ')}\n`)
      process.stdout.write(Buffer.concat(output))
      process.stdout.write(
        `== ${name}: ${ok ? 'ok' : 'FAILED'} (${((Date.now() - started) / 1000).toFixed(1)} s)\n`,
      )
      if (ok) passed += 1
      else {
        failed += 1
        failures.push(name)
      }
      resolve(ok)
    }
    child.on('error', () => done(false))
    child.on('close', (code) => done(code === 0))
  })

/** Runs the checks at most `width` at a time (each is one process on one core). */
const runChecks = async (checks, width) => {
  const results = new Map()
  const queue = [...checks]
  const lane = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      results.set(next[0], await check(...next))
    }
  }
  await Promise.all(Array.from({ length: width }, lane))
  return results
}

const findChromium = () =>
  [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find(
    (p) => typeof p === 'string' && p !== '' && fs.existsSync(p),
  )

const ensureChromium = () => {
  if (findChromium()) return true
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0
  const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0
  if (isRoot && hasApt) {
    process.stdout.write(
      "\nNo Chromium found: installing Debian's chromium with apt-get for the e2e tests.\n",
    )
    const update = spawnSync('apt-get', ['update'], { stdio: 'inherit' })
    const install = spawnSync('apt-get', ['install', '-y', 'chromium'], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    })
    if (update.status === 0 && install.status === 0 && findChromium()) return true
  }
  process.stdout.write(
    '\nThe e2e tests need Chromium and none was found.\n' +
      'Install it with:  sudo apt-get update && sudo apt-get install -y chromium\n' +
      'or point CHROMIUM_PATH at a Chromium binary, then run npm test again.\n',
  )
  return false
}

// Typecheck, lint, format and build are independent: two at a time on the two cores.
const results = await runChecks(
  [
    ['typecheck', 'npm', ['run', '--silent', 'typecheck']],
    ['build', 'npm', ['run', '--silent', 'build']],
    ['eslint', 'npx', ['eslint', '.']],
    ['prettier', 'npx', ['prettier', '--check', '.']],
  ],
  2,
)
const built = results.get('build') === true

const jestOut = path.join(root, 'test-results', 'jest.json')
fs.mkdirSync(path.dirname(jestOut), { recursive: true })
fs.rmSync(jestOut, { force: true })
const projects = ['unit', 'simulator']
if (!built) {
  process.stdout.write('\nThe build failed, so the e2e tests cannot run: counted as failed.\n')
  failed += 1
  failures.push('e2e (no build)')
} else if (!ensureChromium()) {
  failed += 1
  failures.push('e2e (no Chromium)')
} else {
  projects.push('e2e')
}

process.stdout.write(`\n== jest (${projects.join(', ')})\n`)
spawnSync(
  'npx',
  ['jest', '--selectProjects', ...projects, '--json', `--outputFile=${jestOut}`, ...jestArgs],
  { stdio: 'inherit', env },
)
if (fs.existsSync(jestOut)) {
  const report = JSON.parse(fs.readFileSync(jestOut, 'utf8'))
  passed += report.numPassedTests
  failed += report.numFailedTests + report.numRuntimeErrorTestSuites
  if (report.numTotalTests === 0) {
    failed += 1
    failures.push('jest ran no test')
  }
  for (const suite of report.testResults) {
    if (suite.status === 'failed') failures.push(path.relative(root, suite.name))
  }
} else {
  failed += 1
  failures.push('jest (no report)')
}

if (failures.length) process.stdout.write(`\nFailed: ${failures.join(', ')}\n`)
process.stdout.write(`\n${passed} passed, ${failed} failed\n`)
process.exit(failed === 0 ? 0 : 1)
