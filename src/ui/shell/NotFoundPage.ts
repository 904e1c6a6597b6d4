import { Router } from '@lightningjs/sdk'
import { MessagePage } from '../components/MessagePage'
import { t } from '../i18n'

/** Where an unknown deep link lands: it says which link and offers the way home. */
export class NotFoundPage extends MessagePage {
  override _onUrlParams(params: Router.PageParams): void {
    const failed = params.failedHash
    const link = typeof failed === 'string' ? `#${failed.replace(/^#/, '')}` : ''
    this.show(
      t('notFound.title'),
      t('notFound.message'),
      [{ id: 'home', label: t('action.toGuide'), run: () => Router.navigate('guide') }],
      link,
    )
  }

  override _init(): void {
    this._onUrlParams({})
  }
}
