import { Lightning } from '@lightningjs/sdk'
import { COLORS, FONT, RADIUS, SAFE, SPACE, TYPE } from '../theme'

export type ToastKind = 'info' | 'success' | 'error'

interface ToastTemplateSpec extends Lightning.Component.TemplateSpec {
  Box: { Accent: object; Message: object }
}

const ACCENT: Record<ToastKind, number> = {
  info: COLORS.accent,
  success: COLORS.success,
  error: COLORS.danger,
}

/** A message at the bottom of the screen that goes away by itself; it never takes focus. */
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
      y: 1080 - SAFE.y - 24,
      mountX: 0.5,
      mountY: 1,
      alpha: 0,
      // The component has no height, so mountY cannot lift the box: it sits above its anchor.
      Box: {
        y: -96,
        rect: true,
        h: 96,
        color: COLORS.surfaceRaised,
        shader: { type: Lightning.shaders.RoundedRectangle, radius: RADIUS.m },
        Accent: { rect: true, w: 10, h: 96, color: COLORS.accent },
        Message: {
          x: SPACE.l,
          y: 48,
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

  show(message: string, kind: ToastKind = 'info', seconds = 4): void {
    this._message = message
    this.visible = true
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
