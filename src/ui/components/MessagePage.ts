import { Lightning, Router } from '@lightningjs/sdk'
import { ButtonRow, RowItem } from './ButtonRow'
import { COLORS, FONT, MENU_HEIGHT, SAFE, SPACE, TYPE } from '../theme'
import { PageTypeConfig } from './PageTypeConfig'

interface MessagePageTemplateSpec extends Lightning.Component.TemplateSpec {
  Title: object
  Message: object
  Detail: object
  Actions: typeof ButtonRow
}

export interface MessageAction {
  id: string
  label: string
  run: () => void
}

/** A page that says one thing and offers a few ways on: not found, error, details shells. */
export abstract class MessagePage
  extends Lightning.Component<MessagePageTemplateSpec, PageTypeConfig>
  implements Lightning.Component.ImplementTemplateSpec<MessagePageTemplateSpec>
{
  readonly Title = this.getByRef('Title')!
  readonly Message = this.getByRef('Message')!
  readonly Detail = this.getByRef('Detail')!
  readonly Actions = this.getByRef('Actions')!
  private _actions: MessageAction[] = []

  static override _template(): Lightning.Component.Template<MessagePageTemplateSpec> {
    return {
      w: 1920,
      h: 1080,
      rect: true,
      color: COLORS.background,
      Title: {
        x: SAFE.x,
        y: MENU_HEIGHT + SPACE.xl,
        text: { text: '', fontFace: FONT.bold, fontSize: TYPE.title, textColor: COLORS.text },
      },
      Message: {
        x: SAFE.x,
        y: MENU_HEIGHT + SPACE.xl + 90,
        text: {
          text: '',
          fontFace: FONT.regular,
          fontSize: TYPE.body,
          textColor: COLORS.textDim,
          wordWrapWidth: 1200,
          maxLines: 4,
        },
      },
      Detail: {
        x: SAFE.x,
        y: MENU_HEIGHT + SPACE.xl + 260,
        text: {
          text: '',
          fontFace: FONT.regular,
          fontSize: TYPE.caption,
          textColor: COLORS.textMuted,
          wordWrapWidth: 1200,
          maxLines: 2,
          textOverflow: 'ellipsis',
        },
      },
      Actions: { type: ButtonRow, x: SAFE.x, y: MENU_HEIGHT + SPACE.xl + 360 },
    }
  }

  protected show(title: string, message: string, actions: MessageAction[], detail = ''): void {
    this.Title.patch({ text: { text: title } })
    this.Message.patch({ text: { text: message } })
    this.Detail.patch({ text: { text: detail } })
    this._actions = actions
    this.Actions.items = actions.map((a) => ({ id: a.id, label: a.label }))
    this.Actions.index = 0
    this.Actions.onSelect = (item: RowItem) => this._actions.find((a) => a.id === item.id)?.run()
  }

  /** Voice guidance: the page says its title as it opens. */
  announce(): string {
    return this.Title.text?.text ?? ''
  }

  override _getFocused(): Lightning.Component {
    return this.Actions
  }

  override _handleUp(): void {
    Router.focusWidget('Menu')
  }

  override _handleMenu(): void {
    Router.focusWidget('Menu')
  }
}
