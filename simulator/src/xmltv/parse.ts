import fs from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'
import { TextDecoder } from 'node:util'
import { Readable } from 'node:stream'
import { SaxesParser, type SaxesTagPlain } from 'saxes'
import { XmltvError } from './errors'
import { parseXmltvTime, type XmltvTime } from './time'
import { FLAG_BITS } from '../model/flags'

export interface RawChannel {
  xmltvId: string
  name: string
  icon?: string
}

/** A programme as the file gives it; nothing is fixed yet. */
export interface RawProgramme {
  channel: string
  start: XmltvTime | undefined
  stop: XmltvTime | undefined
  /** Whether the file gave a stop attribute at all (one that does not parse counts as missing). */
  hasStop: boolean
  titles: string[]
  description?: string
  subTitle?: string
  categories: string[]
  episodeOnscreen?: string
  episodeNs?: string
  lengthSeconds?: number
  /** New, Premiere, Live as model/flags.ts's bits: from <new/>, <premiere>, <live/>. */
  flags: number
  /** Position in the file, so that sorting keeps the file's order for equal starts. */
  order: number
}

export interface ParsedXmltv {
  channels: RawChannel[]
  programmes: RawProgramme[]
  channelsWithoutId: number
  duplicateChannels: number
  programmesWithoutChannel: number
}

const GZIP_MAGIC = [0x1f, 0x8b]
const CHILDREN_OF_PROGRAMME = new Set(['title', 'desc', 'sub-title', 'category', 'episode-num', 'length'])
/**
 * XMLTV's <new/> and <premiere>, and <live/>, which XMLTV lacks but some grabbers write (a
 * category named Live counts too: see clean.ts). Empty elements: seen when they open.
 */
const FLAG_ELEMENTS: Record<string, number> = {
  new: FLAG_BITS.New,
  premiere: FLAG_BITS.Premiere,
  live: FLAG_BITS.Live,
}
const LENGTH_UNITS: Record<string, number> = { seconds: 1, minutes: 60, hours: 3600 }

const firstBytes = async (file: string, n: number): Promise<Buffer> => {
  const handle = await fs.promises.open(file, 'r')
  try {
    const buffer = Buffer.alloc(n)
    const { bytesRead } = await handle.read(buffer, 0, n, 0)
    return buffer.subarray(0, bytesRead)
  } finally {
    await handle.close()
  }
}

/** The encoding of the XML declaration; UTF-8 when there is none, as XML says. */
const declaredEncoding = (head: Buffer): string => {
  const m = /^\s*<\?xml[^>]*encoding\s*=\s*["']([^"']+)["']/.exec(head.toString('latin1'))
  return (m?.[1] ?? 'utf-8').toLowerCase()
}

const decoderFor = (label: string): TextDecoder => {
  try {
    return new TextDecoder(label)
  } catch {
    throw new XmltvError(`unsupported encoding "${label}"`)
  }
}

const isBlank = (buffer: Buffer): boolean => buffer.toString('latin1').trim() === ''

/**
 * Reads an XMLTV file (plain or gzip) as a stream with saxes, so that a file of hundreds of MB
 * is never held as text. Structural problems (not XML, truncated, not <tv>, empty) are errors;
 * messy data is kept raw for the cleaner to fix and count.
 */
export const parseXmltvFile = async (file: string): Promise<ParsedXmltv> => {
  let stat: fs.Stats
  try {
    stat = await fs.promises.stat(file)
  } catch {
    throw new XmltvError('cannot read the file')
  }
  if (!stat.isFile()) throw new XmltvError('not a file')
  if (stat.size === 0) throw new XmltvError('the file is empty (0 bytes)')
  const magic = await firstBytes(file, 2)
  const gzipped = magic[0] === GZIP_MAGIC[0] && magic[1] === GZIP_MAGIC[1]
  const source: Readable = gzipped
    ? fs.createReadStream(file).pipe(zlib.createGunzip())
    : fs.createReadStream(file)
  return parseStream(source, path.basename(file))
}

/** The same for a file already in memory (plain or gzip). */
export const parseXmltvBytes = async (bytes: Buffer, name: string): Promise<ParsedXmltv> => {
  if (bytes.length === 0) throw new XmltvError('the file is empty (0 bytes)')
  const gzipped = bytes[0] === GZIP_MAGIC[0] && bytes[1] === GZIP_MAGIC[1]
  const source: Readable = gzipped ? Readable.from([bytes]).pipe(zlib.createGunzip()) : Readable.from([bytes])
  return parseStream(source, name)
}

export const parseStream = async (
  source: AsyncIterable<Buffer | string>,
  fileName: string,
): Promise<ParsedXmltv> => {
  const out: ParsedXmltv = {
    channels: [],
    programmes: [],
    channelsWithoutId: 0,
    duplicateChannels: 0,
    programmesWithoutChannel: 0,
  }
  const channelIndex = new Map<string, RawChannel>()
  const parser = new SaxesParser({ xmlns: false, fileName })
  parser.on('error', (e) => {
    throw new XmltvError(`not well-formed XML (${e.message.replace(/^[^:]*:/, 'line ')})`)
  })

  const stack: string[] = []
  let channel: { xmltvId: string | undefined; names: string[]; icon?: string } | undefined
  let programme: RawProgramme | undefined
  let capture: { name: string; attributes: Record<string, string> } | undefined
  let text = ''
  let sawRoot = false

  parser.on('opentag', (tag: SaxesTagPlain) => {
    const depth = stack.push(tag.name)
    const a = tag.attributes
    if (depth === 1) {
      if (tag.name !== 'tv')
        throw new XmltvError(`not an XMLTV file: the root element is <${tag.name}>, not <tv>`)
      sawRoot = true
    } else if (depth === 2 && tag.name === 'channel') {
      channel = { xmltvId: a.id?.trim() || undefined, names: [] }
    } else if (depth === 2 && tag.name === 'programme') {
      programme = {
        channel: a.channel?.trim() ?? '',
        start: parseXmltvTime(a.start),
        stop: parseXmltvTime(a.stop),
        hasStop: a.stop !== undefined && a.stop.trim() !== '',
        titles: [],
        categories: [],
        flags: 0,
        order: out.programmes.length,
      }
    } else if (depth === 3 && channel) {
      if (tag.name === 'display-name') capture = { name: tag.name, attributes: a }
      else if (tag.name === 'icon' && a.src !== undefined && channel.icon === undefined) channel.icon = a.src
    } else if (depth === 3 && programme && FLAG_ELEMENTS[tag.name] !== undefined) {
      programme.flags |= FLAG_ELEMENTS[tag.name] ?? 0
    } else if (depth === 3 && programme && CHILDREN_OF_PROGRAMME.has(tag.name)) {
      capture = { name: tag.name, attributes: a }
    }
    text = ''
  })

  const onText = (t: string): void => {
    if (capture) text += t
  }
  parser.on('text', onText)
  parser.on('cdata', onText)

  parser.on('closetag', () => {
    const depth = stack.length
    stack.pop()
    if (depth === 3 && capture) {
      const value = text.replace(/\s+/g, ' ').trim()
      if (channel && capture.name === 'display-name' && value !== '') channel.names.push(value)
      if (programme && value !== '') addToProgramme(programme, capture.name, capture.attributes, value)
      capture = undefined
    } else if (depth === 2 && channel) {
      const c = channel
      channel = undefined
      if (c.xmltvId === undefined) {
        out.channelsWithoutId += 1
        return
      }
      const existing = channelIndex.get(c.xmltvId)
      if (existing) {
        out.duplicateChannels += 1
        if (existing.icon === undefined && c.icon !== undefined) existing.icon = c.icon
        return
      }
      const raw: RawChannel = { xmltvId: c.xmltvId, name: c.names[0] ?? c.xmltvId }
      if (c.icon !== undefined) raw.icon = c.icon
      channelIndex.set(c.xmltvId, raw)
      out.channels.push(raw)
    } else if (depth === 2 && programme) {
      if (programme.channel === '') out.programmesWithoutChannel += 1
      else out.programmes.push(programme)
      programme = undefined
    }
  })

  let decoder: TextDecoder | undefined
  let head = true
  try {
    for await (const chunk of source) {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk
      if (head) {
        // Leading blank chunks say nothing about the encoding.
        if (isBlank(bytes)) continue
        decoder = decoderFor(declaredEncoding(bytes))
        head = false
      }
      parser.write(decoder?.decode(bytes, { stream: true }) ?? '')
    }
  } catch (e) {
    // A broken gzip stream or a read error is as fatal as bad XML, and must say so in one line.
    if (e instanceof XmltvError) throw e
    const message = typeof e === 'object' && e !== null && 'message' in e ? String(e.message) : String(e)
    throw new XmltvError(`cannot read the file (${message})`)
  }
  if (!decoder) throw new XmltvError('the file is empty (only white space)')
  parser.write(decoder.decode())
  parser.close()
  if (!sawRoot) throw new XmltvError('not an XMLTV file: no <tv> element')
  return out
}

const addToProgramme = (
  p: RawProgramme,
  name: string,
  attributes: Record<string, string>,
  value: string,
): void => {
  switch (name) {
    case 'title':
      p.titles.push(value)
      break
    case 'desc':
      p.description ??= value
      break
    case 'sub-title':
      p.subTitle ??= value
      break
    case 'category':
      if (!p.categories.includes(value)) p.categories.push(value)
      break
    case 'episode-num':
      if (attributes.system === 'onscreen') p.episodeOnscreen ??= value
      else if (attributes.system === 'xmltv_ns') p.episodeNs ??= value
      break
    case 'length': {
      const unit = LENGTH_UNITS[attributes.units ?? 'minutes']
      const n = Number(value)
      if (unit !== undefined && Number.isFinite(n) && n > 0) p.lengthSeconds = Math.round(n * unit)
      break
    }
    default:
      break
  }
}
