import { Router } from '@lightningjs/sdk'
import { MessagePage } from './MessagePage'
import { t } from '../i18n'

/**
 * Playback, reached as #play/<kind>/<id> (kind: live, startover, catchup, recording). Until the
 * player arrives it says so plainly instead of showing a black screen.
 */
export class PlayerPage extends MessagePage {
  override _onUrlParams(): void {
    this.show(t('player.title'), t('player.pending'), [
      { id: 'back', label: t('action.back'), run: () => Router.back() },
    ])
  }
}
