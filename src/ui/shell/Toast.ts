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
 * scrolled to its last rows) or the band the screen keeps clear (the player's OSD over the
 * video); then at the top under the menu, or else beside them. Clear of the band comes first
 * when no place is clear of both (a focus as large as the screen).
 */
export const toastTop = (avoid: Avoid | undefined, band?: Avoid): number => {
  const areas = [avoid, band].filter((a): a is Avoid => a !== undefined)
  const clearOf = (a: Avoid, y: number): boolean => y + TOAST_H <= a.top || y >= a.bottom
  const candidates = [BOTTOM, TOP, ...areas.flatMap((a) => [a.top - GAP - TOAST_H, a.bottom + GAP])].filter(
    (y) => y >= TOP && y <= BOTTOM,
  )
  return (
    candidates.find((y) => areas.every((a) => clearOf(a, y))) ??
    (band ? candidates.find((y) => clearOf(band, y)) : undefined) ??
    BOTTOM
  )
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
  private _avoid: Avoid | undefined
  private _band: Avoid | undefined

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
    this._avoid = avoid
    this.visible = true
    this.y = toastTop(avoid, this._band)
    this.Accent.color = ACCENT[kind]
    this.Message.patch({ text: { text: message } })
    this.setSmooth('alpha', 1, { duration: 0.2 })
    if (this._timer) clearTimeout(this._timer)
    this._timer = setTimeout(() => this.hide(), seconds * 1000)
  }

  /**
   * A band of the screen to keep clear from now on (undefined: none), such as the player's OSD;
   * a toast on screen moves out of it at once.
   */
  set band(band: Avoid | undefined) {
    this._band = band
    if (this._message !== '') this.y = toastTop(this._avoid, band)
  }

  hide(): void {
    this._message = ''
    this.setSmooth('alpha', 0, { duration: 0.2 })
  }

  override _detach(): void {
    if (this._timer) clearTimeout(this._timer)
  }
}
