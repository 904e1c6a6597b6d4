/**
 * hls.js, loaded the first time the player needs it. The app bundle is one IIFE (no import()),
 * and hls.js is about as large as the rest of the app: built into the first script it would
 * delay the first frame of every start, player or not. scripts/postbuild.mjs copies its UMD
 * build to lib/hls.js; a <script> tag loads it, and it leaves its class on window.Hls.
 */
import type HlsClass from 'hls.js'

export type HlsConstructor = typeof HlsClass

/** The chunk's path, relative to index.html. */
export const HLS_CHUNK = './lib/hls.js'

let loading: Promise<HlsConstructor> | undefined

const injected = (doc: Document, src: string): Promise<HlsConstructor> =>
  new Promise((resolve, reject) => {
    const script = doc.createElement('script')
    script.src = src
    script.async = true
    script.onload = () => {
      const Hls = (doc.defaultView as unknown as { Hls?: HlsConstructor } | null)?.Hls
      if (typeof Hls === 'function') resolve(Hls)
      else reject(new Error(`${src} loaded but did not provide hls.js`))
    }
    script.onerror = () => {
      script.remove()
      reject(new Error(`${src} could not be loaded`))
    }
    doc.head.appendChild(script)
  })

/**
 * Loads hls.js once; every caller shares the one load. A failed load is forgotten, so that the
 * player's Try again loads it afresh.
 */
export const loadHls = (doc: Document = document, src = HLS_CHUNK): Promise<HlsConstructor> => {
  loading ??= injected(doc, src).catch((error: unknown) => {
    loading = undefined
    throw error
  })
  return loading
}

/** Whether the box has Media Source Extensions at all (hls.js needs them). */
export const hasMediaSource = (win: Window = window): boolean => {
  const w = win as unknown as Record<string, unknown>
  return typeof w.MediaSource === 'function' || typeof w.ManagedMediaSource === 'function'
}
