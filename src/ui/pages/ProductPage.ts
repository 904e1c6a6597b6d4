import { Router } from '@lightningjs/sdk'
import { MessagePage } from './MessagePage'
import { t } from '../i18n'

/**
 * A product of the store, reached as #store/product/<productId>, or #store/channel/<channelId>
 * for "a product that grants this channel" (the guide's locked channels lead here).
 */
export class ProductPage extends MessagePage {
  override _onUrlParams(params: Router.PageParams): void {
    const id = params.productId ?? params.channelId ?? ''
    this.show(t('store.title'), t('programme.message', { id }), [
      { id: 'back', label: t('action.back'), run: () => Router.back() },
    ])
  }
}
