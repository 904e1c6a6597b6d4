import { Lightning } from '@lightningjs/sdk'
import { COLORS, DURATION, FONT, RADIUS } from '../theme'

/**
 * The look the screens' list rows share (recordings, licences, account settings, history): a
 * rounded surface with a focus marker on its left edge. A row spreads `rowFrame` into its
 * template and calls `showRowFocus` from `_focus` and `_unfocus`.
 */
export const rowFrame = (w: number, h: number) => ({
  w,
  h,
  rect: true,
  color: COLORS.surface,
  shader: { type: Lightning.shaders.RoundedRectangle, radius: RADIUS.s },
  Marker: { rect: true, w: 10, h, color: COLORS.focus, alpha: 0 },
})

export const showRowFocus = (row: Lightning.Component, marker: Lightning.Element, focused: boolean): void => {
  row.setSmooth('color', focused ? COLORS.surfaceRaised : COLORS.surface, { duration: DURATION.focus })
  marker.setSmooth('alpha', focused ? 1 : 0, { duration: DURATION.focus })
}

/** A status pill at the start of a row (Scheduled, Active, Order failed): set its colour and Label. */
export const statusPill = (x: number, y: number, w: number, h: number) => ({
  x,
  y,
  w,
  h,
  rect: true,
  color: COLORS.accent,
  shader: { type: Lightning.shaders.RoundedRectangle, radius: h / 2 },
  Label: {
    x: w / 2,
    y: h / 2 + 1,
    mount: 0.5,
    text: { text: '', fontFace: FONT.semibold, fontSize: 22, textColor: COLORS.text },
  },
})
