import fs from 'node:fs'
import path from 'node:path'
import { avcCodecOf, baseTimeOf, shiftedBy, timescaleOf, videoSizeOf } from '../../simulator/src/media/fmp4'
import { loadHlsMedia, streamSegment } from '../../simulator/src/media/hlsMedia'

const LOOK = path.resolve(__dirname, '..', '..', 'simulator', 'media', 'hls', 'look-1')
const read = (file: string): Buffer => fs.readFileSync(path.join(LOOK, file))

describe('fMP4: what the simulator reads from and rewrites in the committed HLS media', () => {
  it('reads the tracks’ timescales, the H.264 codec and picture size from the init segments', () => {
    const video = read('video/init.mp4')
    expect(timescaleOf(video)).toBe(12800)
    expect(avcCodecOf(video)).toBe('avc1.42c01e')
    expect(videoSizeOf(video)).toEqual({ width: 640, height: 360 })
    expect(timescaleOf(read('audio-en/init.mp4'))).toBe(48000)
  })

  it('moves a segment’s decode time and changes nothing else', () => {
    const seg = read('video/seg-03.m4s')
    expect(baseTimeOf(seg)).toBe(BigInt(3) * BigInt(2) * BigInt(12800))
    const delta = BigInt(1_750_000_000) * BigInt(12800)
    const moved = shiftedBy(seg, delta)
    expect(baseTimeOf(moved)).toBe(baseTimeOf(seg) + delta)
    expect(moved.length).toBe(seg.length)
    const changed = [...moved].filter((b, i) => b !== seg[i]).length
    expect(changed).toBeGreaterThan(0)
    expect(changed).toBeLessThanOrEqual(8)
    // The original is left as it was (it is served again for the next loop).
    expect(baseTimeOf(seg)).toBe(BigInt(3) * BigInt(2) * BigInt(12800))
  })

  it('says what is wrong with a damaged segment instead of serving it', () => {
    const seg = read('audio-es/seg-00.m4s')
    expect(() => baseTimeOf(seg.subarray(0, 40))).toThrow(/does not fit/)
    expect(() => timescaleOf(seg)).toThrow(/No mdhd box/)
    // A 32-bit tfdt cannot hold operator time in ticks.
    const at = seg.indexOf('tfdt') + 4
    const v0 = Buffer.from(seg)
    v0.writeUInt8(0, at)
    expect(() => shiftedBy(v0, BigInt(1))).toThrow(/32-bit tfdt/)
  })

  it('serves segment N of the endless stream as loop segment N mod 16 at N * 2 s', () => {
    const media = loadHlsMedia(path.dirname(LOOK))
    expect(media.loopSegments).toBe(16)
    expect(media.looks).toHaveLength(4)
    const look = media.looks[2]
    if (!look) throw new Error('no look 3')
    const n = 875_000_005
    const seg = streamSegment(media, look.video, n)
    expect(baseTimeOf(seg)).toBe(BigInt(n) * BigInt(2) * BigInt(12800))
    expect(seg.subarray(seg.indexOf('mdat'))).toEqual(
      look.video.segments[n % 16]?.bytes.subarray(seg.indexOf('mdat')),
    )
  })
})
