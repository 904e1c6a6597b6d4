#!/usr/bin/env node
/**
 * Runs after `lng build`. The SDK's startApp.js fetches settings, metadata, Lightning and the
 * app bundle one after the other before anything is drawn; on a set-top box every round trip
 * and every script evaluation in that chain costs. This writes an index.html that:
 * - ships Lightning's minified core (the CLI copies the unminified one);
 * - loads core and bundle as plain scripts while settings.json is fetched in parallel;
 * - preloads the fonts and translations that the first frame waits for;
 * - keeps settings.json read at run time, so the same build still points at any operator.
 * It does what startApp.js did for an ES6 target: metadata into appSettings, the inspector
 * when asked for, and the canvas removed when the app closes.
 * It rebuilds appBundle.js for production: the CLI's esbuild runs every file through Babel for
 * Safari 12 with syntax minification off, which makes the script the box parses and evaluates
 * before the first frame about a tenth larger and slower than esbuild's own es2019 output.
 * The CLI's build still runs first (its checks, its copies of static files and settings).
 * It also builds lib/firebolt.js, the Firebolt SDK as a chunk of its own: the app bundle loads
 * it with a <script> tag only on a Firebolt device (src/platform/firebolt/sdk.ts), so a plain
 * browser never downloads it and the first frame never waits for it.
 * And it copies hls.js's minified UMD build to lib/hls.js: the player loads it with a <script>
 * tag the first time it plays (src/ui/player/hls/hlsLibrary.ts), so the first frame never
 * waits for the streaming library either.
 */
import fs from 'node:fs'
import path from 'node:path'
import { build, buildSync } from 'esbuild'

const dir = path.resolve(process.argv[2] ?? 'build')
const coreMin = path.resolve('node_modules/@lightningjs/core/dist/lightning.min.js')
fs.copyFileSync(coreMin, path.join(dir, 'lib', 'lightning.js'))
fs.rmSync(path.join(dir, 'lib', 'lightning.js.map'), { force: true })
// Without its source map comment (the map is not shipped: a debugger would ask for it in vain).
const hls = fs.readFileSync(path.resolve('node_modules/hls.js/dist/hls.min.js'), 'utf8')
fs.writeFileSync(path.join(dir, 'lib', 'hls.js'), hls.replace(/\n\/\/# sourceMappingURL=\S+\s*$/, '\n'))

buildSync({
  entryPoints: [path.resolve('src/platform/firebolt/entry.ts')],
  outfile: path.join(dir, 'lib', 'firebolt.js'),
  bundle: true,
  minify: true,
  format: 'iife',
  target: 'es2019',
  legalComments: 'none',
  logLevel: 'warning',
})

const metadata = JSON.parse(fs.readFileSync(path.join(dir, 'metadata.json'), 'utf8'))
// Lightning's core stays the classic script the CLI's bundle reads as `window.lng`. The app is
// ES modules split in two by esbuild: appBundle.js and the chunks it imports are what the first
// frame needs (the boot page, the shell); src/later.ts, which the boot page loads with
// import() once it is drawn, holds the app state and the pages. Class names are kept (9 KB gzip
// more): without them the menu widget never took the focus (e2e shell test), and the test
// hooks describe an element without a ref by its class name.
const bundle = await build({
  entryPoints: { appBundle: path.resolve('src/index.ts') },
  outdir: dir,
  bundle: true,
  splitting: true,
  format: 'esm',
  chunkNames: 'chunks/[name]-[hash]',
  minify: true,
  keepNames: true,
  target: 'es2019',
  // import() is older than es2020 in every engine that runs ES modules (Chrome 63, Safari 11.1).
  supported: { 'dynamic-import': true },
  legalComments: 'none',
  sourcemap: true,
  metafile: true,
  logLevel: 'warning',
  define: { 'process.env.NODE_ENV': JSON.stringify(process.env.NODE_ENV ?? 'production') },
  plugins: [
    {
      name: 'lightning-core-global',
      setup(b) {
        b.onResolve({ filter: /^@lightningjs\/core$/ }, () => ({ path: 'core', namespace: 'lng' }))
        b.onLoad({ filter: /.*/, namespace: 'lng' }, () => ({ contents: 'export default window.lng' }))
      },
    },
  ],
})
// The chunks appBundle.js imports statically are fetched beside it, not one after the other.
const entryOut = Object.entries(bundle.metafile.outputs).find(([, o]) => o.entryPoint)
const firstChunks = (entryOut?.[1].imports ?? [])
  .filter((i) => i.kind === 'import-statement')
  .map((i) => `./${path.relative(dir, path.resolve(i.path)).split(path.sep).join('/')}`)
const appMetadata = { ...metadata, id: metadata.identifier }
delete appMetadata.identifier

const fonts = fs
  .readdirSync(path.join(dir, 'static', 'fonts'))
  .filter((f) => /^inter-latin-\d+-normal\.woff2$/.test(f))
  .map((f) => `./static/fonts/${f}`)

// fetch() and FontFace requests are CORS-mode, so their preloads must be too to be reused.
const preloads = [
  ...firstChunks.map((c) => `<link rel="modulepreload" href="${c}" />`),
  '<link rel="preload" href="./static/translations.json" as="fetch" crossorigin />',
  ...fonts.map((f) => `<link rel="preload" href="${f}" as="font" type="font/woff2" crossorigin />`),
]

const boot = `
(function () {
  var settings = fetch('./settings.json').then(function (r) {
    if (!r.ok) throw new Error('settings.json: HTTP ' + r.status)
    return r.json()
  })
  window.__kanalStart = function (bundle) {
    settings
      .catch(function (e) {
        console.error('Kanal: ' + e.message + '; starting with defaults')
        return { appSettings: {}, platformSettings: { path: './static' } }
      })
      .then(function (config) {
        var appSettings = Object.assign({}, config.appSettings || {}, ${JSON.stringify(appMetadata)})
        var platformSettings = config.platformSettings || { path: './static' }
        var canvas = null
        var app = null
        platformSettings.onClose = function () {
          var videos = document.getElementsByTagName('video')
          if (videos.length) videos[0].src = ''
          if (app && app.close) app.close()
          setTimeout(function () {
            if (canvas) canvas.remove()
            app = null
            canvas = null
          })
        }
        var start = function () {
          app = bundle(appSettings, platformSettings, config.appData || {})
          canvas = app.stage.getCanvas()
          document.body.appendChild(canvas)
        }
        if (platformSettings.inspector === true) {
          var s = document.createElement('script')
          s.src = './lib/lightning-inspect.js'
          s.onload = function () { window.attachInspector(window.lng); start() }
          document.body.appendChild(s)
        } else start()
      })
  }
})()
`.trim()

const html = `<!DOCTYPE html>
<html lang="en" style="background:#0b0f19">
  <head>
    <meta charset="UTF-8" />
    <title>${metadata.name}</title>
    <link rel="icon" type="image/png" href="${metadata.icon ?? './static/icon.png'}" />
    ${preloads.join('\n    ')}
    <style>
      html, body { width: 100%; height: 100%; margin: 0; padding: 0; }
      canvas { position: absolute; z-index: 2; }
    </style>
  </head>
  <body>
    <script>${boot}</script>
    <script src="./lib/lightning.js"></script>
    <script type="module">import start from './appBundle.js'; window.__kanalStart(start)</script>
  </body>
</html>
`
fs.writeFileSync(path.join(dir, 'index.html'), html)
fs.rmSync(path.join(dir, 'startApp.js'), { force: true })
process.stdout.write(`index.html written for ${metadata.name} (${path.relative(process.cwd(), dir)})\n`)
