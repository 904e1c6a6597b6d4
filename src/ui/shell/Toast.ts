import { Lightning } from '@lightningjs/sdk'
import { COLORS, FONT, MENU_HEIGHT, RADIUS, SAFE, SPACE, TYPE } from '../theme'

export type ToastKind = 'info' | 'success' | 'error'

export const TOAST_H = 96
const GAP = 16
const BOTTOM = 1080 - SAFE.y - 24 - TOAST_H
const TOP = MENU_HEIGHT + 8

/** What the toast must not cover (the focused element), in stage pixels. */
export interface Avoid {
  top: number
  bottom: number
}

/**
 * The toast's top: at the bottom of the screen, unless it would cover the focused row (a list
 * scrolled to its last rows); then at the top under the menu, or else beside the row.
 */
export const toastTop = (avoid: Avoid | undefined): number => {
  const clear = (y: number): boolean => !avoid || y + TOAST_H <= avoid.top || y >= avoid.bottom
  const candidates = avoid
    ? [BOTTOM, TOP, avoid.top - GAP - TOAST_H, avoid.bottom + GAP].filter((y) => y >= TOP && y <= BOTTOM)
    : [BOTTOM]
  return candidates.find(clear) ?? BOTTOM
}

interface ToastTemplateSpec extends Lightning.Component.TemplateSpec {
  Box: { Accent: object; Message: object }
}

const ACCENT: Record<ToastKind, number> = {
  info: COLORS.accent,
  success: COLORS.success,
  error: COLORS.danger,
}

/**
 * A message at the bottom of the screen (or where it covers nothing the viewer is on) that goes
 * away by itself; it never takes focus.
 */
export class Toast
  extends Lightning.Component<ToastTemplateSpec>
  implements Lightning.Component.ImplementTemplateSpec<ToastTemplateSpec>
{
  readonly Box = this.getByRef('Box')!
  readonly Accent = this.Box.getByRef('Accent')!
  readonly Message = this.Box.getByRef('Message')!
  private _timer: ReturnType<typeof setTimeout> | undefined
  private _message = ''

  static override _template(): Lightning.Component.Template<ToastTemplateSpec> {
    return {
      zIndex: 20,
      x: 960,
      y: BOTTOM,
      mountX: 0.5,
      alpha: 0,
      Box: {
        rect: true,
        h: TOAST_H,
        color: COLORS.surfaceRaised,
        shader: { type: Lightning.shaders.RoundedRectangle, radius: RADIUS.m },
        Accent: { rect: true, w: 10, h: TOAST_H, color: COLORS.accent },
        Message: {
          x: SPACE.l,
          y: TOAST_H / 2,
          mountY: 0.5,
          text: {
            text: '',
            fontFace: FONT.semibold,
            fontSize: TYPE.body,
            textColor: COLORS.text,
            wordWrapWidth: 1400,
            maxLines: 1,
            textOverflow: 'ellipsis',
          },
        },
      },
    }
  }

  get message(): string {
    return this._message
  }

  override _init(): void {
    this.Message.on('txLoaded', () => {
      const w = this.Message.renderWidth + 2 * SPACE.l
      this.Box.w = w
      this.w = w
    })
  }

  /** Shows `message`; `avoid` is the focused element, which the toast must leave in sight. */
  show(message: string, kind: ToastKind = 'info', seconds = 4, avoid?: Avoid): void {
    this._message = message
    this.visible = true
    this.y = toastTop(avoid)
    this.Accent.color = ACCENT[kind]
    this.Message.patch({ text: { text: message } })
    this.setSmooth('alpha', 1, { duration: 0.2 })
    if (this._timer) clearTimeout(this._timer)
    this._timer = setTimeout(() => this.hide(), seconds * 1000)
  }

  hide(): void {
    this._message = ''
    this.setSmooth('alpha', 0, { duration: 0.2 })
  }

  override _detach(): void {
    if (this._timer) clearTimeout(this._timer)
  }
}
