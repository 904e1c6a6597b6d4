import { Lightning } from '@lightningjs/sdk'
import { ButtonRow, RowItem } from '../components/ButtonRow'
import { COLORS, FONT, RADIUS, SAFE, SPACE, TYPE } from '../theme'
import { label } from '../components/Label'
import type { Speech } from '../components/voice'

export interface EmptyAction {
  id: string
  label: string
  run: () => void
}

interface EmptyStateTemplateSpec extends Lightning.Component.TemplateSpec {
  Title: object
  Body: object
  Actions: typeof ButtonRow
}

export const EMPTY_HEIGHT = 440

/**
 * What the screen says when it has no list to show: what happened and what the viewer can do
 * about it (sign in, record from the guide, buy nPVR, try again), with those actions as buttons.
 */
export class EmptyState
  extends Lightning.Component<EmptyStateTemplateSpec>
  implements Lightning.Component.ImplementTemplateSpec<EmptyStateTemplateSpec>
{
  readonly Title = this.getByRef('Title')!
  readonly Body = this.getByRef('Body')!
  readonly Actions = this.getByRef('Actions')!
  private _actions: readonly EmptyAction[] = []
  private _title = ''
  private _body = ''

  static override _template(): Lightning.Component.Template<EmptyStateTemplateSpec> {
    return {
      w: SAFE.w,
      h: EMPTY_HEIGHT,
      rect: true,
      color: COLORS.surface,
      shader: { type: Lightning.shaders.RoundedRectangle, radius: RADIUS.m },
      Title: {
        x: SPACE.xl,
        y: SPACE.xl,
        ...label('', { font: FONT.bold, size: TYPE.heading, wordWrapWidth: SAFE.w - 2 * SPACE.xl }),
      },
      Body: {
        x: SPACE.xl,
        y: SPACE.xl + 76,
        text: {
          text: '',
          fontFace: FONT.regular,
          fontSize: TYPE.body,
          textColor: COLORS.textDim,
          wordWrapWidth: 1300,
          maxLines: 4,
          textOverflow: 'ellipsis',
          lineHeight: 44,
        },
      },
      Actions: { type: ButtonRow, x: SPACE.xl, y: EMPTY_HEIGHT - SPACE.xl - 72 },
    }
  }

  get hasActions(): boolean {
    return this._actions.length > 0
  }

  show(title: string, body: string, actions: readonly EmptyAction[]): void {
    const changed = title !== this._title || body !== this._body
    this._title = title
    this._body = body
    this.Title.patch({ text: { text: title } })
    this.Body.patch({ text: { text: body } })
    const same =
      actions.length === this._actions.length && actions.every((a, i) => a.id === this._actions[i]?.id)
    this._actions = actions
    if (!same) {
      this.Actions.items = actions.map((a) => ({ id: a.id, label: a.label }))
      this.Actions.index = 0
    }
    this.Actions.visible = actions.length > 0
    this.Actions.onSelect = (item: RowItem) => this._actions.find((a) => a.id === item.id)?.run()
    // Loading that ends in an error, say, with the focus still here: the viewer hears the news.
    if (changed && this.hasFocus()) this.fireAncestors('$voiceUpdate', this.announce())
  }

  /**
   * Voice guidance: what happened before the button that answers it, and alone while there is
   * no button (loading), so that the page is never announced by its title only.
   */
  announce(): Speech {
    return [this._title, this._body]
  }

  override _getFocused(): Lightning.Component {
    return this.Actions
  }
}
