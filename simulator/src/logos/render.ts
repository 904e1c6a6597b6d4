import crypto from 'node:crypto'
import { encodePng } from './png'
import { GLYPH_HEIGHT, GLYPH_WIDTH, glyph } from './font'

export const LOGO_WIDTH = 240
export const LOGO_HEIGHT = 135

/** "Kanal News" -> "KN", "Nordic News 24" -> "NN24": what fits on a tile and tells channels apart. */
export const initialsOf = (name: string): string => {
  const words = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .split(/[^A-Z0-9]+/)
    .filter((w) => w !== '')
  const letters = words
    .filter((w) => !/^\d+$/.test(w))
    .slice(0, 2)
    .map((w) => w[0])
    .join('')
  const number = words.find((w) => /^\d+$/.test(w))?.slice(0, 2) ?? ''
  return (letters + number).slice(0, 4)
}

const hslToRgb = (h: number, s: number, l: number): [number, number, number] => {
  const k = (n: number): number => (n + h / 30) % 12
  const a = s * Math.min(l, 1 - l)
  const f = (n: number): number => l - a * Math.max(-1, Math.min(k(n) - 3, Math.min(9 - k(n), 1)))
  return [Math.round(f(0) * 255), Math.round(f(8) * 255), Math.round(f(4) * 255)]
}

/**
 * A channel logo drawn locally: a tile in a colour derived from the channel id, with the
 * name's initials in white (or a white disc when the name has none the font can draw).
 */
export const renderLogo = (channelId: string, name: string): Buffer => {
  const hash = crypto.createHash('sha1').update(channelId).digest()
  const hue = ((hash[0] ?? 0) * 256 + (hash[1] ?? 0)) % 360
  const [r, g, b] = hslToRgb(hue, 0.55, 0.38)
  const [r2, g2, b2] = hslToRgb(hue, 0.55, 0.28)
  const pixels = new Uint8Array(LOGO_WIDTH * LOGO_HEIGHT * 3)
  const set = (x: number, y: number, c: readonly [number, number, number]): void => {
    if (x < 0 || y < 0 || x >= LOGO_WIDTH || y >= LOGO_HEIGHT) return
    const i = (y * LOGO_WIDTH + x) * 3
    pixels[i] = c[0]
    pixels[i + 1] = c[1]
    pixels[i + 2] = c[2]
  }
  for (let y = 0; y < LOGO_HEIGHT; y += 1) {
    for (let x = 0; x < LOGO_WIDTH; x += 1) set(x, y, y >= LOGO_HEIGHT - 12 ? [r2, g2, b2] : [r, g, b])
  }
  const white = [255, 255, 255] as const
  const text = [...initialsOf(name)].filter((c) => glyph(c) !== undefined)
  if (text.length === 0) {
    const cx = LOGO_WIDTH / 2
    const cy = (LOGO_HEIGHT - 12) / 2
    for (let y = 0; y < LOGO_HEIGHT; y += 1) {
      for (let x = 0; x < LOGO_WIDTH; x += 1) if ((x - cx) ** 2 + (y - cy) ** 2 <= 35 ** 2) set(x, y, white)
    }
    return encodePng({ width: LOGO_WIDTH, height: LOGO_HEIGHT, pixels })
  }
  const scale = Math.min(12, Math.floor((LOGO_WIDTH - 40) / (text.length * (GLYPH_WIDTH + 1) - 1)))
  const width = (text.length * (GLYPH_WIDTH + 1) - 1) * scale
  const left = Math.floor((LOGO_WIDTH - width) / 2)
  const top = Math.floor((LOGO_HEIGHT - 12 - GLYPH_HEIGHT * scale) / 2)
  text.forEach((ch, i) => {
    glyph(ch)?.forEach((row, gy) =>
      row.forEach((on, gx) => {
        if (!on) return
        const x0 = left + (i * (GLYPH_WIDTH + 1) + gx) * scale
        const y0 = top + gy * scale
        for (let dy = 0; dy < scale; dy += 1)
          for (let dx = 0; dx < scale; dx += 1) set(x0 + dx, y0 + dy, white)
      }),
    )
  })
  return encodePng({ width: LOGO_WIDTH, height: LOGO_HEIGHT, pixels })
}
