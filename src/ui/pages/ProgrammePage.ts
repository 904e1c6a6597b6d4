import { Router } from '@lightningjs/sdk'
import { MessagePage } from './MessagePage'
import { t } from '../i18n'

/**
 * Programme details, reached as #programme/<id>. The guide (a later feature) fills in
 * the programme and the actions the rights allow; until then it names the programme asked for.
 */
export class ProgrammePage extends MessagePage {
  override _onUrlParams(params: Router.PageParams): void {
    const id = params.programmeId ?? ''
    this.show(t('programme.title'), t('programme.message', { id }), [
      { id: 'back', label: t('action.back'), run: () => Router.back() },
    ])
  }
}
