import fs from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'
import { splitScripts } from './scriptSplit'

export interface JsSplit {
  /** gzip -9 bytes of each script evaluated before the first frame, by path in the build. */
  before: Record<string, number>
  /** gzip -9 bytes of each script loaded after it or on demand, by path in the build. */
  deferred: Record<string, number>
  beforeGzipBytes: number
  deferredGzipBytes: number
}

const gzipBytes = (file: string): number => zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length

const sum = (sizes: Record<string, number>): number => Object.values(sizes).reduce((a, b) => a + b, 0)

/**
 * The JavaScript a TV downloads to start Kanal, gzip -9, split at the first frame. What the
 * page had loaded when its first frame was drawn counts as before it (Lightning core
 * included; the boot code inline in index.html is not a file and is left out). Deferred is every
 * other script the page loaded (`loadedLater`: after the first frame, on the screens visited)
 * and every script file of the build that a loaded script names (a player library or a
 * platform SDK added with a <script> tag on demand), found in the build, not from a list.
 */
export const measureJs = (
  buildDir: string,
  pageUrl: string,
  loadedBeforeFirstFrame: string[],
  loadedLater: string[],
): JsSplit => {
  const split = splitScripts({
    baseUrl: pageUrl,
    beforeFirstFrame: loadedBeforeFirstFrame,
    loadedLater,
    exists: (rel) => fs.existsSync(path.join(buildDir, rel)),
    read: (rel) => fs.readFileSync(path.join(buildDir, rel), 'utf8'),
  })
  if (split.before.length === 0) throw new Error(`no script of ${buildDir} was loaded before the first frame`)
  const before = Object.fromEntries(split.before.map((rel) => [rel, gzipBytes(path.join(buildDir, rel))]))
  const deferred = Object.fromEntries(split.deferred.map((rel) => [rel, gzipBytes(path.join(buildDir, rel))]))
  return { before, deferred, beforeGzipBytes: sum(before), deferredGzipBytes: sum(deferred) }
}
