/**
 * Generates the simulator's test streams (simulator/media/*.webm) once, without ffmpeg and
 * without the network: headless Chromium draws each frame on a canvas (channel card, a clock of
 * the clip's own time, a moving bar) and encodes it with WebCodecs (VP8, a key frame every
 * second); this script then writes the frames into a WebM file with a Duration and Cues, so that
 * a <video> element knows how long it is and seeks straight to the key frame it needs.
 *
 * Run: npx tsx scripts/make-media.ts   (about 30 s; the files are kept in the repository)
 */
import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import { launchChromium } from '../test/e2e/browser'

const OUT = path.resolve(__dirname, '..', 'simulator', 'media')
const WIDTH = 960
const HEIGHT = 540
const FPS = 25
const SECONDS = 30
const BITRATE = 300_000

/** One clip per look: the simulator gives each channel one of them (by channel number). */
const CLIPS = [
  { name: 'clip-1', label: 'Kanal test stream 1', hue: 215 },
  { name: 'clip-2', label: 'Kanal test stream 2', hue: 150 },
  { name: 'clip-3', label: 'Kanal test stream 3', hue: 20 },
  { name: 'clip-4', label: 'Kanal test stream 4', hue: 285 },
] as const

interface Chunk {
  key: boolean
  /** Microseconds. */
  timestamp: number
  data: string
}

/** Runs in the page: draws and encodes every frame of one clip, faster than real time. */
const encodeInPage = async (args: {
  label: string
  hue: number
  width: number
  height: number
  fps: number
  seconds: number
  bitrate: number
}): Promise<Chunk[]> => {
  const { label, hue, width, height, fps, seconds, bitrate } = args
  const canvas = new OffscreenCanvas(width, height)
  const g = canvas.getContext('2d')
  if (!g) throw new Error('no 2d context')
  const chunks: Chunk[] = []
  const toBase64 = (bytes: Uint8Array): string => {
    let s = ''
    for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
    return btoa(s)
  }
  let failed: unknown
  const encoder = new VideoEncoder({
    output: (chunk) => {
      const bytes = new Uint8Array(chunk.byteLength)
      chunk.copyTo(bytes)
      chunks.push({ key: chunk.type === 'key', timestamp: chunk.timestamp, data: toBase64(bytes) })
    },
    error: (e) => {
      failed = e
    },
  })
  encoder.configure({ codec: 'vp8', width, height, bitrate, framerate: fps, latencyMode: 'quality' })
  const frames = fps * seconds
  for (let i = 0; i < frames; i += 1) {
    const t = i / fps
    g.fillStyle = `hsl(${hue} 45% 18%)`
    g.fillRect(0, 0, width, height)
    // Test-card stripes: colour bars along the top.
    for (let b = 0; b < 8; b += 1) {
      g.fillStyle = `hsl(${(hue + b * 45) % 360} 70% 50%)`
      g.fillRect((b * width) / 8, 0, width / 8 + 1, 60)
    }
    g.fillStyle = '#ffffff'
    g.font = 'bold 56px sans-serif'
    g.textAlign = 'center'
    g.fillText(label, width / 2, 170)
    // The clip's own clock: where in the loop this frame is (mm:ss.f).
    const mm = String(Math.floor(t / 60)).padStart(2, '0')
    const ss = (t % 60).toFixed(1).padStart(4, '0')
    g.font = 'bold 120px monospace'
    g.fillText(`${mm}:${ss}`, width / 2, 320)
    // A sweeping hand, so that motion is obvious in a still picture too.
    g.strokeStyle = `hsl(${hue} 90% 70%)`
    g.lineWidth = 10
    g.beginPath()
    const a = (t / seconds) * Math.PI * 2 * 6 - Math.PI / 2
    g.moveTo(width - 120, 260)
    g.lineTo(width - 120 + Math.cos(a) * 70, 260 + Math.sin(a) * 70)
    g.stroke()
    // A bar moving across the bottom once per loop.
    g.fillStyle = 'rgba(255,255,255,0.25)'
    g.fillRect(40, height - 90, width - 80, 30)
    g.fillStyle = `hsl(${hue} 90% 60%)`
    g.fillRect(40, height - 90, ((width - 80) * i) / (frames - 1), 30)
    const frame = new VideoFrame(canvas, { timestamp: Math.round((i * 1_000_000) / fps) })
    encoder.encode(frame, { keyFrame: i % fps === 0 })
    frame.close()
    if (encoder.encodeQueueSize > 10) await new Promise((r) => setTimeout(r, 0))
  }
  await encoder.flush()
  encoder.close()
  if (failed !== undefined) throw new Error(String(failed))
  return chunks
}

// ---- a minimal WebM (Matroska) writer -------------------------------------------------------

const ID = {
  EBML: 0x1a45dfa3,
  EBMLVersion: 0x4286,
  EBMLReadVersion: 0x42f7,
  EBMLMaxIDLength: 0x42f2,
  EBMLMaxSizeLength: 0x42f3,
  DocType: 0x4282,
  DocTypeVersion: 0x4287,
  DocTypeReadVersion: 0x4285,
  Segment: 0x18538067,
  SeekHead: 0x114d9b74,
  Seek: 0x4dbb,
  SeekID: 0x53ab,
  SeekPosition: 0x53ac,
  Info: 0x1549a966,
  TimecodeScale: 0x2ad7b1,
  Duration: 0x4489,
  MuxingApp: 0x4d80,
  WritingApp: 0x5741,
  Tracks: 0x1654ae6b,
  TrackEntry: 0xae,
  TrackNumber: 0xd7,
  TrackUID: 0x73c5,
  TrackType: 0x83,
  FlagLacing: 0x9c,
  CodecID: 0x86,
  DefaultDuration: 0x23e383,
  Video: 0xe0,
  PixelWidth: 0xb0,
  PixelHeight: 0xba,
  Cluster: 0x1f43b675,
  Timecode: 0xe7,
  SimpleBlock: 0xa3,
  Cues: 0x1c53bb6b,
  CuePoint: 0xbb,
  CueTime: 0xb3,
  CueTrackPositions: 0xb7,
  CueTrack: 0xf7,
  CueClusterPosition: 0xf1,
} as const

const idBytes = (id: number): Buffer => {
  const bytes: number[] = []
  for (let v = id; v > 0; v = Math.floor(v / 256)) bytes.unshift(v & 0xff)
  return Buffer.from(bytes)
}

/** An EBML size as an 8-byte vint: every element's header has a known length. */
const size8 = (n: number): Buffer => {
  const b = Buffer.alloc(8)
  b[0] = 0x01
  b.writeUIntBE(n, 2, 6)
  return b
}

const el = (id: number, body: Buffer | Buffer[]): Buffer => {
  const data = Array.isArray(body) ? Buffer.concat(body) : body
  return Buffer.concat([idBytes(id), size8(data.length), data])
}
/** An unsigned integer on a fixed 8 bytes, so that positions can be filled in without resizing. */
const uint = (id: number, v: number): Buffer => {
  const b = Buffer.alloc(8)
  b.writeBigUInt64BE(BigInt(v))
  return el(id, b)
}
const str = (id: number, s: string): Buffer => el(id, Buffer.from(s, 'utf8'))
const float = (id: number, v: number): Buffer => {
  const b = Buffer.alloc(8)
  b.writeDoubleBE(v)
  return el(id, b)
}

const writeWebm = (chunks: Chunk[], durationMs: number): Buffer => {
  const header = el(ID.EBML, [
    uint(ID.EBMLVersion, 1),
    uint(ID.EBMLReadVersion, 1),
    uint(ID.EBMLMaxIDLength, 4),
    uint(ID.EBMLMaxSizeLength, 8),
    str(ID.DocType, 'webm'),
    uint(ID.DocTypeVersion, 2),
    uint(ID.DocTypeReadVersion, 2),
  ])
  const info = el(ID.Info, [
    uint(ID.TimecodeScale, 1_000_000),
    float(ID.Duration, durationMs),
    str(ID.MuxingApp, 'kanal make-media'),
    str(ID.WritingApp, 'kanal make-media'),
  ])
  const tracks = el(ID.Tracks, [
    el(ID.TrackEntry, [
      uint(ID.TrackNumber, 1),
      uint(ID.TrackUID, 1),
      uint(ID.TrackType, 1),
      uint(ID.FlagLacing, 0),
      str(ID.CodecID, 'V_VP8'),
      uint(ID.DefaultDuration, Math.round(1e9 / FPS)),
      el(ID.Video, [uint(ID.PixelWidth, WIDTH), uint(ID.PixelHeight, HEIGHT)]),
    ]),
  ])
  // One cluster per key frame (one a second): a seek lands on a cluster that starts decodable.
  const groups: Chunk[][] = []
  for (const c of chunks) {
    if (c.key || groups.length === 0) groups.push([c])
    else groups[groups.length - 1]!.push(c)
  }
  const clusters = groups.map((group) => {
    const clusterMs = Math.round(group[0]!.timestamp / 1000)
    const blocks = group.map((c) => {
      const head = Buffer.alloc(4)
      head[0] = 0x81 // track 1 as a 1-byte vint
      head.writeInt16BE(Math.round(c.timestamp / 1000) - clusterMs, 1)
      head[3] = c.key ? 0x80 : 0x00
      return el(ID.SimpleBlock, [head, Buffer.from(c.data, 'base64')])
    })
    return { ms: clusterMs, bytes: el(ID.Cluster, [uint(ID.Timecode, clusterMs), ...blocks]) }
  })
  const seekEntry = (id: number, position: number): Buffer =>
    el(ID.Seek, [el(ID.SeekID, idBytes(id)), uint(ID.SeekPosition, position)])
  // The SeekHead has a fixed size (fixed-width numbers), so it can be measured with zeros first.
  const seekHeadSize = el(ID.SeekHead, [
    seekEntry(ID.Info, 0),
    seekEntry(ID.Tracks, 0),
    seekEntry(ID.Cues, 0),
  ]).length
  const infoAt = seekHeadSize
  const tracksAt = infoAt + info.length
  let at = tracksAt + tracks.length
  const cuePoints: Buffer[] = []
  for (const c of clusters) {
    cuePoints.push(
      el(ID.CuePoint, [
        uint(ID.CueTime, c.ms),
        el(ID.CueTrackPositions, [uint(ID.CueTrack, 1), uint(ID.CueClusterPosition, at)]),
      ]),
    )
    at += c.bytes.length
  }
  const cues = el(ID.Cues, cuePoints)
  const seekHead = el(ID.SeekHead, [
    seekEntry(ID.Info, infoAt),
    seekEntry(ID.Tracks, tracksAt),
    seekEntry(ID.Cues, at),
  ])
  const segment = el(ID.Segment, [seekHead, info, tracks, ...clusters.map((c) => c.bytes), cues])
  return Buffer.concat([header, segment])
}

const main = async (): Promise<void> => {
  fs.mkdirSync(OUT, { recursive: true })
  // WebCodecs needs a secure context: a page on loopback is one.
  const server = http.createServer((_req, res) =>
    res.writeHead(200, { 'content-type': 'text/html' }).end('<html></html>'),
  )
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  if (address === null || typeof address === 'string') throw new Error('no port')
  const browser = await launchChromium()
  try {
    const page = await browser.newPage()
    await page.goto(`http://127.0.0.1:${address.port}/`)
    // tsx names functions with a helper that the page does not have.
    await page.evaluate('globalThis.__name = (f) => f')
    for (const clip of CLIPS) {
      const chunks = await page.evaluate(encodeInPage, {
        label: clip.label,
        hue: clip.hue,
        width: WIDTH,
        height: HEIGHT,
        fps: FPS,
        seconds: SECONDS,
        bitrate: BITRATE,
      })
      const file = path.join(OUT, `${clip.name}.webm`)
      fs.writeFileSync(file, writeWebm(chunks, SECONDS * 1000))
      console.log(
        `${path.relative(process.cwd(), file)}: ${chunks.length} frames, ${fs.statSync(file).size} bytes`,
      )
    }
  } finally {
    await browser.close()
    server.close()
  }
}

main().catch((e: unknown) => {
  console.error(e)
  process.exit(1)
})
