import { Lightning } from '@lightningjs/sdk'
import { ButtonRow, type RowItem } from '../components/ButtonRow'
import { COLORS, FONT, RADIUS, SPACE, TYPE } from '../theme'
import { label } from '../components/Label'

interface PlayerMessageTemplateSpec extends Lightning.Component.TemplateSpec {
  Box: { Title: object; Text: object; Actions: typeof ButtonRow }
}

export interface PlayerAction {
  id: string
  label: string
  run: () => void
}

const BOX_W = 1100
const BOX_H = 400

/**
 * A panel over the video that says what happened and offers ways on: errors ("This channel is
 * not part of your subscription"), sign-in, the resume offer, the end of a programme. It takes
 * the focus while shown (its buttons).
 */
export class PlayerMessage
  extends Lightning.Component<PlayerMessageTemplateSpec>
  implements Lightning.Component.ImplementTemplateSpec<PlayerMessageTemplateSpec>
{
  readonly Box = this.getByRef('Box')!
  readonly Title = this.Box.getByRef('Title')!
  readonly Text = this.Box.getByRef('Text')!
  readonly Actions = this.Box.getByRef('Actions')!
  private _actions: PlayerAction[] = []
  private _key = ''

  static override _template(): Lightning.Component.Template<PlayerMessageTemplateSpec> {
    return {
      w: 1920,
      h: 1080,
      Box: {
        x: 960,
        y: 540,
        mount: 0.5,
        w: BOX_W,
        h: BOX_H,
        rect: true,
        color: 0xf2161c2c,
        shader: { type: Lightning.shaders.RoundedRectangle, radius: RADIUS.m },
        Title: {
          x: SPACE.xl,
          y: SPACE.xl,
          ...label('', { font: FONT.bold, size: TYPE.heading, wordWrapWidth: BOX_W - 2 * SPACE.xl }),
        },
        Text: {
          x: SPACE.xl,
          y: SPACE.xl + 70,
          text: {
            text: '',
            fontFace: FONT.regular,
            fontSize: TYPE.body,
            lineHeight: TYPE.body + 14,
            textColor: COLORS.textDim,
            wordWrapWidth: BOX_W - 2 * SPACE.xl,
            maxLines: 3,
            textOverflow: 'ellipsis',
          },
        },
        Actions: { type: ButtonRow, x: SPACE.xl, y: BOX_H - SPACE.xl - 72 },
      },
    }
  }

  /** Shows a message; the same message again keeps the focused button where it is. */
  show(title: string, text: string, actions: PlayerAction[]): void {
    const key = `${title}|${text}|${actions.map((a) => a.id).join(',')}`
    this._actions = actions
    if (key === this._key) return
    this._key = key
    this.Title.patch({ text: { text: title } })
    this.Text.patch({ text: { text } })
    this.Actions.items = actions.map((a) => ({ id: a.id, label: a.label }))
    this.Actions.index = 0
    this.Actions.onSelect = (item: RowItem) => this._actions.find((a) => a.id === item.id)?.run()
  }

  clear(): void {
    this._key = ''
    this._actions = []
  }

  get title(): string {
    return this.Title.text?.text ?? ''
  }

  /** Voice guidance: the message's title and text as it opens (the focused button follows). */
  announce(): string[] {
    return [this.title, this.Text.text?.text ?? '']
  }

  override _getFocused(): Lightning.Component {
    return this.Actions
  }
}
