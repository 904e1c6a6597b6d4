import { Lightning } from '@lightningjs/sdk'
import { say, t, type Phrase } from '../i18n'
import { COLORS, FONT, SAFE, TYPE } from '../theme'
import type { StatusLine } from './offerLooks'

export interface ProductSummaryLook {
  title: string
  premium: boolean
  /** "Channel pack · 12 channels", "Subscription · 9,99 €/month". */
  kind: string
  description: string | Phrase
  status: StatusLine | undefined
}

interface ProductSummaryTemplateSpec extends Lightning.Component.TemplateSpec {
  Heading: object
  Premium: { Label: object }
  Kind: object
  Description: object
  Status: object
}

/**
 * The top of a product page: the title with the premium mark, the kind of product, the
 * description and what the viewer can do with it (the status line, in its colour).
 */
export class ProductSummary
  extends Lightning.Component<ProductSummaryTemplateSpec>
  implements Lightning.Component.ImplementTemplateSpec<ProductSummaryTemplateSpec>
{
  readonly Heading = this.getByRef('Heading')!
  readonly Premium = this.getByRef('Premium')!
  readonly Kind = this.getByRef('Kind')!
  readonly Description = this.getByRef('Description')!
  readonly Status = this.getByRef('Status')!

  static override _template(): Lightning.Component.Template<ProductSummaryTemplateSpec> {
    const wrap = { wordWrapWidth: SAFE.w, textOverflow: 'ellipsis' as const }
    return {
      Heading: {
        text: {
          text: '',
          fontFace: FONT.bold,
          fontSize: TYPE.title,
          textColor: COLORS.text,
          maxLines: 1,
          wordWrapWidth: SAFE.w - 220,
          textOverflow: 'ellipsis',
        },
      },
      Premium: {
        x: SAFE.w,
        y: 10,
        mountX: 1,
        w: 180,
        h: 48,
        rect: true,
        color: COLORS.focus,
        visible: false,
        shader: { type: Lightning.shaders.RoundedRectangle, radius: 24 },
        Label: {
          x: 90,
          y: 26,
          mount: 0.5,
          text: { text: '', fontFace: FONT.bold, fontSize: 24, textColor: COLORS.focusText },
        },
      },
      Kind: {
        y: 80,
        text: {
          text: '',
          fontFace: FONT.semibold,
          fontSize: TYPE.caption,
          textColor: COLORS.textMuted,
          maxLines: 1,
          ...wrap,
        },
      },
      Description: {
        y: 124,
        text: {
          text: '',
          fontFace: FONT.regular,
          fontSize: TYPE.body,
          textColor: COLORS.textDim,
          maxLines: 2,
          lineHeight: 42,
          ...wrap,
        },
      },
      Status: {
        y: 220,
        text: {
          text: '',
          fontFace: FONT.semibold,
          fontSize: TYPE.body,
          textColor: COLORS.text,
          maxLines: 2,
          lineHeight: 42,
          ...wrap,
        },
      },
    }
  }

  override _init(): void {
    this.Premium.getByRef('Label')?.patch({ text: { text: t('store.premium') } })
  }

  /** What voice guidance says of it: title, kind and status (the description is for Info). */
  get spoken(): string[] {
    return [this.Heading, this.Kind, this.Status].map((el) => el.text?.text ?? '')
  }

  get description(): string {
    return this.Description.text?.text ?? ''
  }

  show(look: ProductSummaryLook): void {
    this.Heading.patch({ text: { text: look.title } })
    this.Premium.visible = look.premium
    this.Kind.patch({ text: { text: look.kind } })
    this.Description.patch({ text: { text: say(look.description) } })
    this.Status.patch({
      text: look.status ? { text: say(look.status.text), textColor: COLORS[look.status.tone] } : { text: '' },
    })
  }
}
