#!/usr/bin/env node
/**
 * Runs after `lng build` and postbuild.mjs into dist/ (`npm run dist`). Leaves only what
 * index.html loads, so that dist/ can be copied as it is to any static web server:
 * index.html, settings.json (read at run time: edit apiBaseUrl to point at an operator),
 * metadata.json, appBundle.js and its chunks/ (the later one loaded after the first frame), static/ (fonts, translations, icon) and in lib/ Lightning's
 * core, its inspector (settings.json may turn it on), the Firebolt chunk and hls.js (loaded by
 * the player on first use).
 * The CLI's build folder also holds every other build of Lightning (ES5, ESM, source maps,
 * sources) and polyfills for ES5 targets: none of them is loaded by this index.html.
 */
import fs from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'

const dir = path.resolve(process.argv[2] ?? 'dist')
const keepInLib = new Set(['lightning.js', 'lightning-inspect.js', 'firebolt.js', 'hls.js'])
const keepAtTop = new Set([
  'index.html',
  'settings.json',
  'metadata.json',
  'appBundle.js',
  'chunks',
  'static',
  'lib',
])

for (const entry of fs.readdirSync(dir)) {
  if (!keepAtTop.has(entry)) fs.rmSync(path.join(dir, entry), { recursive: true, force: true })
}
// Source maps are for the developer's build; a box never asks for them.
for (const entry of fs.readdirSync(path.join(dir, 'chunks'))) {
  if (entry.endsWith('.map')) fs.rmSync(path.join(dir, 'chunks', entry))
}
for (const entry of fs.readdirSync(path.join(dir, 'lib'))) {
  if (!keepInLib.has(entry)) fs.rmSync(path.join(dir, 'lib', entry), { recursive: true, force: true })
}
for (const needed of [
  'index.html',
  'settings.json',
  'appBundle.js',
  'lib/lightning.js',
  'lib/firebolt.js',
  'lib/hls.js',
]) {
  if (!fs.existsSync(path.join(dir, needed))) throw new Error(`dist: ${needed} is missing`)
}

const files = []
const walk = (d) => {
  for (const e of fs.readdirSync(d, { withFileTypes: true })) {
    const p = path.join(d, e.name)
    if (e.isDirectory()) walk(p)
    else files.push(p)
  }
}
walk(dir)
const bytes = files.reduce((sum, f) => sum + fs.statSync(f).size, 0)
const gz = (rel) => zlib.gzipSync(fs.readFileSync(path.join(dir, rel)), { level: 9 }).length
const chunks = fs
  .readdirSync(path.join(dir, 'chunks'))
  .map((c) => `chunks/${c} ${gz(`chunks/${c}`)} B`)
  .join(', ')
process.stdout.write(
  `dist: ${files.length} files, ${(bytes / 1024).toFixed(0)} kB; gzip -9: appBundle.js ${gz('appBundle.js')} B, ${chunks}, ` +
    `lib/lightning.js ${gz('lib/lightning.js')} B, lib/firebolt.js ${gz('lib/firebolt.js')} B (Firebolt devices only), ` +
    `lib/hls.js ${gz('lib/hls.js')} B (on first playback)\n`,
)
