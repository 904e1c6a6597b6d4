import { Lightning } from '@lightningjs/sdk'
import { COLORS, FONT, MENU_HEIGHT, RADIUS, SAFE, TYPE } from '../theme'
import { GUIDE } from '../guide/layout'
import type { PageTypeConfig } from '../components/PageTypeConfig'

interface BootPageTemplateSpec extends Lightning.Component.TemplateSpec {
  Logo: object
  Panel: object
}

/**
 * The first screen, drawn by the first script while the rest of the app arrives: the menu's
 * logo where the menu shows it and the guide's information panel where the guide draws it, so
 * that the guide (which says "Loading the guide…" in that panel until its rows arrive) takes
 * over without anything jumping or going away. It has no words to translate: the viewer's saved
 * language is known only once the app state has arrived.
 */
export class BootPage
  extends Lightning.Component<BootPageTemplateSpec, PageTypeConfig>
  implements Lightning.Component.ImplementTemplateSpec<BootPageTemplateSpec>
{
  static override _template(): Lightning.Component.Template<BootPageTemplateSpec> {
    return {
      w: 1920,
      h: 1080,
      Logo: {
        x: SAFE.x,
        y: MENU_HEIGHT / 2,
        mountY: 0.5,
        text: { text: 'Kanal', fontFace: FONT.bold, fontSize: TYPE.heading, textColor: COLORS.focus },
      },
      Panel: {
        x: GUIDE.x,
        y: GUIDE.infoY,
        w: SAFE.w,
        h: GUIDE.infoH,
        rect: true,
        color: COLORS.surface,
        shader: { type: Lightning.shaders.RoundedRectangle, radius: RADIUS.m },
      },
    }
  }

  /**
   * Once the frame that draws the logo is on screen, the App loads the rest and then resumes the
   * route asked for. Not sooner: evaluating the rest holds the main thread for a while, and the
   * viewer should see the boot page, not a blank screen, during it.
   */
  override _init(): void {
    this.tag('Logo')!.once('txLoaded', () =>
      this.stage.once('frameEnd', () => requestAnimationFrame(() => this.fireAncestors('$bootPageDrawn'))),
    )
  }
}
