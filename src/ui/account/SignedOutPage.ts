import { Router } from '@lightningjs/sdk'
import { MessagePage } from '../components/MessagePage'
import { to } from '../navigation'
import { t } from '../i18n'

/**
 * Where the app goes when it signed the viewer out by itself: this device was removed from the
 * account on another device, or the operator ended the sign-in. It says which, and offers to
 * sign in again or to go on without an account.
 */
export class SignedOutPage extends MessagePage {
  override _onUrlParams(params: Router.PageParams): void {
    const reason = params.reason === 'device-removed' ? 'deviceRemoved' : 'sessionEnded'
    this.show(t(`account.signedOut.${reason}.title`), t(`account.signedOut.${reason}.body`), [
      { id: 'signin', label: t('account.action.signIn'), run: () => Router.navigate(to.signIn()) },
      { id: 'guide', label: t('action.toGuide'), run: () => Router.navigate(to.guide()) },
    ])
  }
}
