import crypto from 'node:crypto'
import { encodePng } from './png'
import { GLYPH_HEIGHT, GLYPH_WIDTH, glyph } from './font'

export const CARD_WIDTH = 480
export const CARD_HEIGHT = 270
const MARGIN = 24
const SCALE = 5
const LINES = 3

/** The title in the font's letters (capitals, digits), broken into lines that fit the card. */
export const cardLines = (title: string): string[] => {
  const perLine = Math.floor((CARD_WIDTH - 2 * MARGIN + SCALE) / ((GLYPH_WIDTH + 1) * SCALE))
  const words = title
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .split(/\s+/)
    .map((w) => [...w].filter((c) => glyph(c) !== undefined).join(''))
    .filter((w) => w !== '')
  const lines: string[] = []
  for (const word of words) {
    const last = lines[lines.length - 1]
    if (last !== undefined && last.length + 1 + word.length <= perLine)
      lines[lines.length - 1] = `${last} ${word}`
    else lines.push(word.slice(0, perLine))
  }
  return lines.slice(0, LINES)
}

/**
 * A programme's picture drawn locally, as the channel logos are: a two-tone card in a colour
 * derived from the title (the episodes of a series share it), with the title in white capitals.
 */
export const renderTitleCard = (title: string): Buffer => {
  const hash = crypto.createHash('sha1').update(title).digest()
  const hue = ((hash[0] ?? 0) * 256 + (hash[1] ?? 0)) % 360
  const rgb = (l: number): [number, number, number] => {
    const k = (n: number): number => (n + hue / 30) % 12
    const a = 0.5 * Math.min(l, 1 - l)
    const f = (n: number): number => l - a * Math.max(-1, Math.min(k(n) - 3, Math.min(9 - k(n), 1)))
    return [Math.round(f(0) * 255), Math.round(f(8) * 255), Math.round(f(4) * 255)]
  }
  const top = rgb(0.36)
  const bottom = rgb(0.18)
  const pixels = new Uint8Array(CARD_WIDTH * CARD_HEIGHT * 3)
  const set = (x: number, y: number, c: readonly [number, number, number]): void => {
    if (x < 0 || y < 0 || x >= CARD_WIDTH || y >= CARD_HEIGHT) return
    const i = (y * CARD_WIDTH + x) * 3
    pixels[i] = c[0]
    pixels[i + 1] = c[1]
    pixels[i + 2] = c[2]
  }
  for (let y = 0; y < CARD_HEIGHT; y += 1) {
    // A diagonal split: the lower right darker.
    for (let x = 0; x < CARD_WIDTH; x += 1) set(x, y, x + 2 * y > CARD_WIDTH ? bottom : top)
  }
  const white = [255, 255, 255] as const
  const lines = cardLines(title)
  const lineHeight = (GLYPH_HEIGHT + 3) * SCALE
  const y0 = CARD_HEIGHT - MARGIN - lines.length * lineHeight + 3 * SCALE
  lines.forEach((line, li) => {
    ;[...line].forEach((ch, i) => {
      glyph(ch)?.forEach((row, gy) =>
        row.forEach((on, gx) => {
          if (!on) return
          const x = MARGIN + (i * (GLYPH_WIDTH + 1) + gx) * SCALE
          const y = y0 + li * lineHeight + gy * SCALE
          for (let dy = 0; dy < SCALE; dy += 1)
            for (let dx = 0; dx < SCALE; dx += 1) set(x + dx, y + dy, white)
        }),
      )
    })
  })
  return encodePng({ width: CARD_WIDTH, height: CARD_HEIGHT, pixels })
}
