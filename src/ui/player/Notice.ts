import { Lightning } from '@lightningjs/sdk'
import { COLORS, FONT, RADIUS, SAFE, SPACE, TYPE } from '../theme'

interface NoticeTemplateSpec extends Lightning.Component.TemplateSpec {
  Box: { Accent: object; Message: object }
}

/**
 * A short notice at the top of the video: why a trick-play action did not act ("Fast-forward
 * is not allowed on this channel"). It goes away by itself and never takes the focus.
 */
export class Notice
  extends Lightning.Component<NoticeTemplateSpec>
  implements Lightning.Component.ImplementTemplateSpec<NoticeTemplateSpec>
{
  readonly Box = this.getByRef('Box')!
  readonly Message = this.Box.getByRef('Message')!
  private _timer: ReturnType<typeof setTimeout> | undefined
  private _message = ''

  static override _template(): Lightning.Component.Template<NoticeTemplateSpec> {
    return {
      x: 960,
      y: SAFE.y,
      mountX: 0.5,
      alpha: 0,
      Box: {
        h: 96,
        rect: true,
        color: 0xf2212a40,
        shader: { type: Lightning.shaders.RoundedRectangle, radius: RADIUS.m },
        Accent: { w: 10, h: 96, rect: true, color: COLORS.warning },
        Message: {
          x: SPACE.l,
          y: 48,
          mountY: 0.5,
          text: {
            text: '',
            fontFace: FONT.semibold,
            fontSize: TYPE.body,
            textColor: COLORS.text,
            wordWrapWidth: 1500,
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
    this.Message.on('txLoaded', () => this._resize())
  }

  show(message: string, seconds = 4): void {
    this._message = message
    this.Message.patch({ text: { text: message } })
    this._resize()
    this.setSmooth('alpha', 1, { duration: 0.15 })
    if (this._timer !== undefined) clearTimeout(this._timer)
    this._timer = setTimeout(() => this.hide(), seconds * 1000)
  }

  hide(): void {
    if (this._timer !== undefined) clearTimeout(this._timer)
    this._timer = undefined
    this._message = ''
    this.setSmooth('alpha', 0, { duration: 0.15 })
  }

  override _detach(): void {
    if (this._timer !== undefined) clearTimeout(this._timer)
  }

  private _resize(): void {
    const w = this.Message.renderWidth || this._message.length * 16
    this.Box.w = w + SPACE.l * 2
    this.w = this.Box.w
  }
}
