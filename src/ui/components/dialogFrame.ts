import { Lightning } from '@lightningjs/sdk'
import { COLORS, FONT, RADIUS, SPACE, TYPE } from '../theme'
import { label } from './Label'

export interface DialogFrameOptions {
  /** The panel's size; it is centred on the screen. */
  w: number
  h: number
  /** Above the pages (30), the menu and each other: the later a dialog can open, the higher. */
  zIndex: number
  /** The colour of the strip across the panel's top: what kind of question it is. */
  accent: number
  /** Where the body starts and how many lines it may take before it is cut with an ellipsis. */
  bodyY: number
  bodyLines: number
}

/**
 * The frame every modal dialog shares: the screen dimmed, a centred rounded panel with an accent
 * strip, a one-line title and a body that wraps. A dialog spreads it and adds its own children
 * (buttons, PIN boxes, a progress bar) to `Panel`; the frame starts hidden.
 */
export const dialogFrame = (o: DialogFrameOptions) => {
  const wrap = { wordWrapWidth: o.w - 2 * SPACE.xl, textOverflow: 'ellipsis' as const }
  return {
    zIndex: o.zIndex,
    w: 1920,
    h: 1080,
    visible: false,
    Dim: { rect: true, w: 1920, h: 1080, color: COLORS.overlay },
    Panel: {
      x: 960,
      y: 540,
      mount: 0.5,
      w: o.w,
      h: o.h,
      rect: true,
      color: COLORS.surface,
      shader: { type: Lightning.shaders.RoundedRectangle, radius: RADIUS.m },
      Accent: { rect: true, w: o.w, h: 8, color: o.accent },
      Title: {
        x: SPACE.xl,
        y: SPACE.xl,
        ...label('', { font: FONT.bold, size: TYPE.heading, wordWrapWidth: o.w - 2 * SPACE.xl }),
      },
      Body: {
        x: SPACE.xl,
        y: o.bodyY,
        text: {
          text: '',
          fontFace: FONT.regular,
          fontSize: TYPE.body,
          textColor: COLORS.textDim,
          maxLines: o.bodyLines,
          lineHeight: 42,
          ...wrap,
        },
      },
    },
  }
}
