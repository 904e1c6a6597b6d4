import { Lightning, Router } from '@lightningjs/sdk'
import { appContext } from '../context'
import { say, t } from '../i18n'
import { to } from '../navigation'
import { Keyboard } from '../components/Keyboard'
import { signInMessage } from './signInMessage'
import type { KeyId } from '../components/keyboardLayout'
import { COLORS, FONT, MENU_HEIGHT, RADIUS, SAFE, SPACE, TYPE } from '../theme'
import { PageTypeConfig } from '../components/PageTypeConfig'

type Field = 'username' | 'password'

interface SignInTemplateSpec extends Lightning.Component.TemplateSpec {
  Title: object
  Hint: object
  Username: { Caption: object; Box: { Value: object } }
  Password: { Caption: object; Box: { Value: object } }
  Message: object
  Keyboard: typeof Keyboard
}

const FIELD_W = 640
const MAX_LENGTH = 64

const fieldTemplate = (y: number) => ({
  x: SAFE.x,
  y,
  Caption: { text: { text: '', fontFace: FONT.semibold, fontSize: TYPE.caption, textColor: COLORS.textDim } },
  Box: {
    y: 44,
    w: FIELD_W,
    h: 80,
    rect: true,
    color: COLORS.surface,
    shader: {
      type: Lightning.shaders.RoundedRectangle,
      radius: RADIUS.s,
      stroke: 4,
      strokeColor: COLORS.surfaceRaised,
    },
    Value: {
      // Children inherit a shader; the box's stroke must not outline the text.
      shader: null,
      x: SPACE.m,
      y: 40,
      mountY: 0.5,
      text: {
        text: '',
        fontFace: FONT.regular,
        fontSize: TYPE.body,
        textColor: COLORS.text,
        wordWrapWidth: FIELD_W - 2 * SPACE.m,
        maxLines: 1,
        textOverflow: 'ellipsis',
      },
    },
  },
})

/**
 * Sign-in with the remote: two fields and an on-screen keyboard. The password is shown as
 * dots, kept only in this page until it is sent, and never logged or put in a URL.
 */
export class SignInPage
  extends Lightning.Component<SignInTemplateSpec, PageTypeConfig>
  implements Lightning.Component.ImplementTemplateSpec<SignInTemplateSpec>
{
  readonly Title = this.getByRef('Title')!
  readonly Hint = this.getByRef('Hint')!
  readonly Username = this.getByRef('Username')!
  readonly Password = this.getByRef('Password')!
  readonly Message = this.getByRef('Message')!
  readonly Keyboard = this.getByRef('Keyboard')!
  private values: Record<Field, string> = { username: '', password: '' }
  private activeField: Field = 'username'
  private busy = false

  static override _template(): Lightning.Component.Template<SignInTemplateSpec> {
    const top = MENU_HEIGHT + SPACE.l
    return {
      w: 1920,
      h: 1080,
      rect: true,
      color: COLORS.background,
      Title: {
        x: SAFE.x,
        y: top,
        text: { text: '', fontFace: FONT.bold, fontSize: TYPE.title, textColor: COLORS.text },
      },
      Hint: {
        x: SAFE.x,
        y: top + 80,
        text: {
          text: '',
          fontFace: FONT.regular,
          fontSize: TYPE.caption,
          textColor: COLORS.textDim,
          wordWrapWidth: FIELD_W,
          maxLines: 3,
        },
      },
      Username: fieldTemplate(top + 200),
      Password: fieldTemplate(top + 360),
      Message: {
        x: SAFE.x,
        y: top + 520,
        text: {
          text: '',
          fontFace: FONT.semibold,
          fontSize: TYPE.caption,
          textColor: COLORS.warning,
          wordWrapWidth: FIELD_W,
          maxLines: 3,
        },
      },
      Keyboard: { type: Keyboard, x: SAFE.x + FIELD_W + SPACE.xl + SPACE.l, y: top + 200 },
    }
  }

  override _init(): void {
    this.Keyboard.onKey = (key) => this.type(key)
  }

  override _onUrlParams(): void {
    // Each visit starts empty: nothing typed earlier (a password least of all) stays on screen.
    this.values = { username: '', password: '' }
    this.activeField = 'username'
    this.busy = false
    this.Title.patch({ text: { text: t('signin.title') } })
    this.Hint.patch({ text: { text: t('signin.hint') } })
    this.Username.getByRef('Caption')?.patch({ text: { text: t('signin.username') } })
    this.Password.getByRef('Caption')?.patch({ text: { text: t('signin.password') } })
    this.Keyboard.specialLabels = {
      delete: t('signin.key.delete'),
      next: t('signin.key.next'),
      submit: t('signin.key.submit'),
    }
    this.Keyboard.render()
    this.Keyboard.reset()
    this.say('')
    this.renderFields()
  }

  private type(key: KeyId): void {
    if (this.busy) return
    if (key === 'delete') this.values[this.activeField] = this.values[this.activeField].slice(0, -1)
    else if (key === 'next') this.activeField = this.activeField === 'username' ? 'password' : 'username'
    else if (key === 'submit') {
      if (this.activeField === 'username' && this.values.password === '') this.activeField = 'password'
      else void this.submit()
    } else if (this.values[this.activeField].length < MAX_LENGTH) this.values[this.activeField] += key
    this.renderFields()
  }

  private renderFields(): void {
    const show = (element: typeof this.Username, field: Field) => {
      const value = this.values[field]
      const shown = field === 'password' ? '•'.repeat(value.length) : value
      const on = this.activeField === field
      element.getByRef('Box')?.patch({
        shader: { strokeColor: on ? COLORS.focus : COLORS.surfaceRaised },
      })
      element
        .getByRef('Box')
        ?.getByRef('Value')
        ?.patch({
          text: { text: on ? `${shown}|` : shown },
        })
    }
    show(this.Username, 'username')
    show(this.Password, 'password')
  }

  private say(message: string, color: number = COLORS.warning): void {
    this.Message.patch({ text: { text: message, textColor: color } })
  }

  private async submit(): Promise<void> {
    const { username, password } = this.values
    if (username.trim() === '') {
      this.activeField = 'username'
      this.say(t('signin.error.noUsername'))
      return
    }
    const state = appContext().state
    if (!state) return
    this.busy = true
    this.say(t('signin.progress'), COLORS.textDim)
    try {
      await state.session.login(username.trim(), password)
      this.values.password = ''
      const session = state.session.current
      const name = session.kind === 'user' ? session.user.name : username
      this.fireAncestors('$toast', t('signin.done', { name }), 'success')
      if (Router.getHistory().length > 0) Router.back()
      else Router.navigate(to.guide())
    } catch (error: unknown) {
      this.values.password = ''
      this.activeField = 'password'
      // The user name stays typed: after a lock or a typo only the password is asked again.
      this.say(say(signInMessage(error)))
    } finally {
      this.busy = false
      this.renderFields()
    }
  }

  override _handleDigit(e: KeyboardEvent): void {
    const digit = e.keyCode >= 96 ? e.keyCode - 96 : e.keyCode - 48
    if (digit >= 0 && digit <= 9) this.type(String(digit))
  }

  override _getFocused(): Lightning.Component {
    return this.Keyboard
  }

  override _handleUp(): void {
    Router.focusWidget('Menu')
  }

  override _handleMenu(): void {
    Router.focusWidget('Menu')
  }
}
