import { Lightning, Router } from '@lightningjs/sdk'
import { ConfirmDialog, confirmTemplate, type ConfirmDialogTemplateSpec } from '../components/ConfirmDialog'
import { COLORS } from '../theme'
import { t } from '../i18n'

/**
 * "Leave Kanal?", asked when Back is pressed on the home page: a confirm dialog that opens when
 * the App gives it the focus. Stay is focused first, so a second accidental Back never closes
 * the app; Stay and Back give the focus back to the page.
 */
export class ExitDialog extends ConfirmDialog {
  static override _template(): Lightning.Component.Template<ConfirmDialogTemplateSpec> {
    return confirmTemplate(900, 380, COLORS.accent)
  }

  override _focus(): void {
    this.ask({
      title: t('exit.title'),
      body: t('exit.body'),
      cancelLabel: t('exit.stay'),
      confirmLabel: t('exit.leave'),
      onConfirm: () => (this.application as unknown as { closeApp(): void }).closeApp(),
      onCancel: () => Router.focusPage(),
    })
  }

  override _unfocus(): void {
    this.dismiss()
  }
}
