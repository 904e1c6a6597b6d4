import { Lightning, Router } from '@lightningjs/sdk'
import { ButtonRow, RowItem } from '../components/ButtonRow'
import { COLORS, FONT, MENU_HEIGHT, SAFE, SPACE, TYPE } from '../theme'
import { t } from '../i18n'
import { PageTypeConfig } from './PageTypeConfig'

export interface Section {
  id: string
  labelKey: string
  /** What this section shows, said when it has nothing to show yet. */
  emptyKey: string
}

export interface SectionPageTemplateSpec extends Lightning.Component.TemplateSpec {
  Heading: object
  Subtitle: object
  Sections: typeof ButtonRow
  Body: { Title: object; Text: object }
}

/**
 * A top-level page: heading, a row of sections, and the chosen section's content below.
 * Up from the sections (or Menu anywhere) goes to the menu; each page says which sections it
 * has. The content of each section is filled in by the feature that owns it.
 */
export abstract class SectionPage
  extends Lightning.Component<SectionPageTemplateSpec, PageTypeConfig>
  implements Lightning.Component.ImplementTemplateSpec<SectionPageTemplateSpec>
{
  readonly Heading = this.getByRef('Heading')!
  readonly Subtitle = this.getByRef('Subtitle')!
  readonly Sections = this.getByRef('Sections')!
  readonly Body = this.getByRef('Body')!
  readonly BodyTitle = this.Body.getByRef('Title')!
  readonly BodyText = this.Body.getByRef('Text')!

  protected abstract readonly titleKey: string
  protected abstract readonly subtitleKey: string
  protected abstract readonly sections: readonly Section[]

  static override _template(): Lightning.Component.Template<SectionPageTemplateSpec> {
    return {
      w: 1920,
      h: 1080,
      rect: true,
      color: COLORS.background,
      Heading: {
        x: SAFE.x,
        y: MENU_HEIGHT + SPACE.l,
        text: { text: '', fontFace: FONT.bold, fontSize: TYPE.title, textColor: COLORS.text },
      },
      Subtitle: {
        x: SAFE.x,
        y: MENU_HEIGHT + SPACE.l + 80,
        text: { text: '', fontFace: FONT.regular, fontSize: TYPE.body, textColor: COLORS.textDim },
      },
      Sections: { type: ButtonRow, x: SAFE.x, y: MENU_HEIGHT + 200 },
      Body: {
        x: SAFE.x,
        y: MENU_HEIGHT + 320,
        w: SAFE.w,
        h: 1080 - SAFE.y - (MENU_HEIGHT + 320),
        rect: true,
        color: COLORS.surface,
        Title: {
          x: SPACE.xl,
          y: SPACE.xl,
          text: { text: '', fontFace: FONT.semibold, fontSize: TYPE.heading, textColor: COLORS.text },
        },
        Text: {
          x: SPACE.xl,
          y: SPACE.xl + 70,
          text: {
            text: '',
            fontFace: FONT.regular,
            fontSize: TYPE.body,
            textColor: COLORS.textDim,
            wordWrapWidth: SAFE.w - 2 * SPACE.xl,
            maxLines: 3,
          },
        },
      },
    }
  }

  override _init(): void {
    this.Heading.patch({ text: { text: t(this.titleKey) } })
    this.Subtitle.patch({ text: { text: t(this.subtitleKey) } })
    this.Sections.items = this.sections.map((s) => ({ id: s.id, label: t(s.labelKey) }))
    this.Sections.onSelect = (item: RowItem) => this.showSection(item.id)
    const first = this.sections[0]
    if (first) this.showSection(first.id)
  }

  protected showSection(id: string): void {
    const section = this.sections.find((s) => s.id === id)
    if (!section) return
    this.BodyTitle.patch({ text: { text: t(section.labelKey) } })
    this.BodyText.patch({ text: { text: t(section.emptyKey) } })
  }

  override _getFocused(): Lightning.Component {
    return this.Sections
  }

  override _handleUp(): void {
    Router.focusWidget('Menu')
  }

  override _handleMenu(): void {
    Router.focusWidget('Menu')
  }

  override _handleLeft(): void {
    Router.focusWidget('Menu')
  }
}
