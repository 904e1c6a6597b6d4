import fs from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'

/** The JavaScript a TV downloads to start Kanal (the boot code is inline in index.html), gzip -9. */
export const shippedJs = (buildDir: string): { files: Record<string, number>; totalGzipBytes: number } => {
  const shipped = ['appBundle.js', 'lib/lightning.js']
  const files: Record<string, number> = {}
  let total = 0
  for (const rel of shipped) {
    const file = path.join(buildDir, rel)
    if (!fs.existsSync(file)) throw new Error(`${file} is missing: run "npm run build" first`)
    const size = zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length
    files[rel] = size
    total += size
  }
  return { files, totalGzipBytes: total }
}
