import { Lightning } from '@lightningjs/sdk'
import { COLORS, FONT, TYPE } from '../theme'
import { PageTypeConfig } from './PageTypeConfig'

interface BootPageTemplateSpec extends Lightning.Component.TemplateSpec {
  Logo: object
}

/** The splash shown while the router's boot step runs. */
export class BootPage
  extends Lightning.Component<BootPageTemplateSpec, PageTypeConfig>
  implements Lightning.Component.ImplementTemplateSpec<BootPageTemplateSpec>
{
  static override _template(): Lightning.Component.Template<BootPageTemplateSpec> {
    return {
      w: 1920,
      h: 1080,
      rect: true,
      color: COLORS.background,
      Logo: {
        x: 960,
        y: 540,
        mount: 0.5,
        text: { text: 'Kanal', fontFace: FONT.bold, fontSize: TYPE.display, textColor: COLORS.focus },
      },
    }
  }
}
