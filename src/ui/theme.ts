/**
 * The first theme: a 1920x1080 stage read from three metres away. Sizes are stage pixels.
 * Body text never goes below 26 px and focus is shown by colour, scale and a border, so that
 * it is visible on any panel.
 */
export const STAGE = { w: 1920, h: 1080 } as const

/** Title-safe area: 5% on each side horizontally, 5% vertically. */
export const SAFE = { x: 96, y: 54, w: 1920 - 2 * 96, h: 1080 - 2 * 54 } as const

export const COLORS = {
  background: 0xff0b0f19,
  surface: 0xff161c2c,
  surfaceRaised: 0xff212a40,
  focus: 0xfff5b700,
  focusText: 0xff10131c,
  text: 0xfff2f4f8,
  textDim: 0xffa7b0c2,
  textMuted: 0xff6f7a90,
  accent: 0xff3d8bff,
  success: 0xff34c77b,
  warning: 0xffffa940,
  danger: 0xffff5a5f,
  overlay: 0xcc000000,
  live: 0xffe5484d,
} as const

export const FONT = {
  regular: 'Inter',
  semibold: 'InterSemiBold',
  bold: 'InterBold',
} as const

export const TYPE = {
  display: 72,
  title: 56,
  heading: 40,
  body: 30,
  caption: 26,
} as const

export const SPACE = {
  xs: 8,
  s: 16,
  m: 24,
  l: 40,
  xl: 64,
} as const

export const RADIUS = { s: 8, m: 16 } as const

/** Height of the top menu bar; pages lay out below it. */
export const MENU_HEIGHT = 132

export const DURATION = { focus: 0.15, page: 0.25 } as const

/** A colour by its role, as the pure presentation rules name it (`COLORS[tone]` draws it). */
export type Tone = keyof typeof COLORS
