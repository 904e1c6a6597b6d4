#!/usr/bin/env node
/**
 * Builds the QA console (simulator/console/src -> simulator/console/dist), which the simulator
 * serves at /qa/: one script bundled by esbuild (no framework, nothing loaded at run time), one
 * style sheet and the page. Plain files, so that the console opens at once beside the TV page.
 */
import fs from 'node:fs'
import path from 'node:path'
import { build } from 'esbuild'

const src = path.resolve('simulator/console/src')
const out = path.resolve('simulator/console/dist')
fs.rmSync(out, { recursive: true, force: true })
fs.mkdirSync(out, { recursive: true })

const common = { bundle: true, minify: true, target: 'es2020', logLevel: 'warning', legalComments: 'none' }
await build({
  ...common,
  entryPoints: [path.join(src, 'main.ts')],
  format: 'iife',
  outfile: path.join(out, 'console.js'),
})
await build({
  ...common,
  entryPoints: [path.join(src, 'console.css')],
  outfile: path.join(out, 'console.css'),
})
fs.copyFileSync(path.join(src, 'index.html'), path.join(out, 'index.html'))

const size = (f) => fs.statSync(path.join(out, f)).size
process.stdout.write(
  `QA console written to ${path.relative(process.cwd(), out)} (console.js ${size('console.js')} B, console.css ${size('console.css')} B)\n`,
)
