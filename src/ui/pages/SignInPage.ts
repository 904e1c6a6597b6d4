import { Router } from '@lightningjs/sdk'
import { MessagePage } from './MessagePage'
import { t } from '../i18n'

/** Sign-in with the remote. */
export class SignInPage extends MessagePage {
  override _onUrlParams(): void {
    this.show(t('signin.title'), '', [{ id: 'back', label: t('action.back'), run: () => Router.back() }])
  }
}
