import { Router } from '@lightningjs/sdk'
import { MessagePage } from '../components/MessagePage'
import { t } from '../i18n'
import { redact } from '../../platform/log'

interface RouterErrorParams {
  request?: { error?: unknown; hash?: string }
  /** The app itself did not finish loading (its later script): no page to go to. */
  restart?: boolean
}

const describe = (error: unknown): string => {
  if (error instanceof Error) return error.message
  if (typeof error === 'string') return error
  return ''
}

/** Where a page whose data could not load lands; the reason is shown, secrets masked. */
export class ErrorPage extends MessagePage {
  private _failedHash: string | undefined

  override _onUrlParams(raw: Router.PageParams): void {
    // The router puts the failed request object here, not a string.
    const params = raw as unknown as RouterErrorParams
    this._failedHash = params.request?.hash
    const reason = String(redact(describe(params.request?.error)))
    // Without the rest of the app there is no page to go to: the way on is a new start.
    if (params.restart === true) {
      const restart = { id: 'retry', label: t('action.retry'), run: () => window.location.reload() }
      return this.show(t('error.title'), t('error.message'), [restart], reason)
    }
    const actions = [{ id: 'home', label: t('action.toGuide'), run: () => Router.navigate('guide') }]
    const failed = this._failedHash
    if (failed) actions.unshift({ id: 'retry', label: t('action.retry'), run: () => Router.navigate(failed) })
    this.show(t('error.title'), t('error.message'), actions, reason)
  }

  override _init(): void {
    this._onUrlParams({})
  }
}
