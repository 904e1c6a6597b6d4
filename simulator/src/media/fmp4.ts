/**
 * Just enough of ISO BMFF (fragmented MP4) to serve a looped clip as an endless stream: the
 * timescale of an init segment's track, its H.264 profile for the CODECS string, and the decode
 * time (`tfdt`) of a media segment, read and rewritten so that media time follows operator time.
 */

interface Box {
  type: string
  /** Offset of the box's header in the buffer. */
  start: number
  /** Offset of the box's payload (after size and type, and a 64-bit size if there is one). */
  body: number
  end: number
}

/** The boxes laid end to end in buf[from, to); throws on a size that does not fit. */
const boxesIn = (buf: Buffer, from: number, to: number): Box[] => {
  const out: Box[] = []
  let at = from
  while (at + 8 <= to) {
    let size = buf.readUInt32BE(at)
    const type = buf.toString('latin1', at + 4, at + 8)
    let body = at + 8
    if (size === 1) {
      size = Number(buf.readBigUInt64BE(at + 8))
      body = at + 16
    } else if (size === 0) size = to - at
    if (size < body - at || at + size > to) throw new Error(`The ${type} box at ${at} does not fit`)
    out.push({ type, start: at, body, end: at + size })
    at += size
  }
  return out
}

/** The first box along a path of types (each one inside the one before). */
const find = (buf: Buffer, path: readonly string[], from = 0, to = buf.length): Box | undefined => {
  const [head, ...rest] = path
  const box = boxesIn(buf, from, to).find((b) => b.type === head)
  if (!box || rest.length === 0) return box
  // Boxes whose payload starts with other boxes after a fixed header (stsd: version, flags, count).
  const skip = box.type === 'stsd' ? 8 : box.type === 'avc1' ? 78 : 0
  return find(buf, rest, box.body + skip, box.end)
}

const need = (box: Box | undefined, what: string): Box => {
  if (!box) throw new Error(`No ${what} box`)
  return box
}

/** The track's timescale (ticks per second), from an init segment's `mdhd`. */
export const timescaleOf = (init: Buffer): number => {
  const mdhd = need(find(init, ['moov', 'trak', 'mdia', 'mdhd']), 'mdhd')
  const version = init.readUInt8(mdhd.body)
  // version, flags; then creation and modification times (32 or 64 bits each)
  return init.readUInt32BE(mdhd.body + 4 + (version === 1 ? 16 : 8))
}

/** The RFC 6381 codec of an H.264 init segment, e.g. `avc1.42c01e`. */
export const avcCodecOf = (init: Buffer): string => {
  const avcC = need(find(init, ['moov', 'trak', 'mdia', 'minf', 'stbl', 'stsd', 'avc1', 'avcC']), 'avcC')
  // configurationVersion, then profile, compatibility flags and level.
  return `avc1.${init.subarray(avcC.body + 1, avcC.body + 4).toString('hex')}`
}

/** The picture size of an H.264 init segment (from its `avc1` sample entry). */
export const videoSizeOf = (init: Buffer): { width: number; height: number } => {
  const avc1 = need(find(init, ['moov', 'trak', 'mdia', 'minf', 'stbl', 'stsd', 'avc1']), 'avc1')
  // SampleEntry (8 bytes), then 16 bytes of pre-defined and reserved fields.
  return { width: init.readUInt16BE(avc1.body + 24), height: init.readUInt16BE(avc1.body + 26) }
}

const tfdtOf = (segment: Buffer): Box => need(find(segment, ['moof', 'traf', 'tfdt']), 'tfdt')

/** The decode time of a media segment's first sample, in the track's timescale. */
export const baseTimeOf = (segment: Buffer): bigint => {
  const tfdt = tfdtOf(segment)
  return segment.readUInt8(tfdt.body) === 1
    ? segment.readBigUInt64BE(tfdt.body + 4)
    : BigInt(segment.readUInt32BE(tfdt.body + 4))
}

/**
 * A copy of a media segment with every fragment's decode time moved by `delta` ticks, so that
 * its first sample decodes at its first `tfdt` + delta. Segments with a 32-bit `tfdt` cannot
 * carry operator time (a Unix time in ticks needs 64 bits), so they are refused.
 */
export const shiftedBy = (segment: Buffer, delta: bigint): Buffer => {
  const out = Buffer.from(segment)
  for (const moof of boxesIn(segment, 0, segment.length).filter((b) => b.type === 'moof')) {
    for (const traf of boxesIn(segment, moof.body, moof.end).filter((b) => b.type === 'traf')) {
      const tfdt = need(find(segment, ['tfdt'], traf.body, traf.end), 'tfdt')
      if (segment.readUInt8(tfdt.body) !== 1) throw new Error('The segment has a 32-bit tfdt')
      out.writeBigUInt64BE(segment.readBigUInt64BE(tfdt.body + 4) + delta, tfdt.body + 4)
    }
  }
  return out
}
