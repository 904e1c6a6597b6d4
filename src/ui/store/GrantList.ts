import { Lightning } from '@lightningjs/sdk'
import { CAPABILITIES } from '../../domain/channels'
import type { GrantRow } from '../../state/store/storeView'
import { WindowList } from '../components/WindowList'
import { COLORS, DURATION, FONT, RADIUS, SAFE, SPACE, TYPE } from '../theme'
import { t } from '../i18n'
import { CAPABILITY_LABEL } from './labels'

export const GRANT_ROW_H = 72
const BADGE_W = 170

interface GrantRowTemplateSpec extends Lightning.Component.TemplateSpec {
  Number: object
  Name: object
  Owned: object
  Badges: object
}

/**
 * One channel a product grants: its number and name, the four capabilities as badges (only those
 * it grants; green when the viewer already has it, blue when buying adds it), and "yours" when
 * nothing on the line is new.
 */
class GrantLine
  extends Lightning.Component<GrantRowTemplateSpec>
  implements Lightning.Component.ImplementTemplateSpec<GrantRowTemplateSpec>
{
  readonly Number = this.getByRef('Number')!
  readonly Name = this.getByRef('Name')!
  readonly Owned = this.getByRef('Owned')!
  readonly Badges = this.getByRef('Badges')!
  private _model: GrantRow | undefined

  static override _template(): Lightning.Component.Template<GrantRowTemplateSpec> {
    return {
      w: SAFE.w,
      h: GRANT_ROW_H - SPACE.xs,
      rect: true,
      color: COLORS.surface,
      shader: { type: Lightning.shaders.RoundedRectangle, radius: RADIUS.s },
      Number: {
        x: SPACE.m,
        y: 14,
        text: { text: '', fontFace: FONT.semibold, fontSize: TYPE.caption, textColor: COLORS.textMuted },
      },
      Name: {
        x: 110,
        y: 12,
        text: {
          text: '',
          fontFace: FONT.semibold,
          fontSize: TYPE.body - 2,
          textColor: COLORS.text,
          wordWrapWidth: 560,
          maxLines: 1,
          textOverflow: 'ellipsis',
        },
      },
      Owned: {
        x: 700,
        y: 16,
        text: { text: '', fontFace: FONT.regular, fontSize: TYPE.caption - 2, textColor: COLORS.success },
      },
      Badges: {
        x: SAFE.w - SPACE.m - CAPABILITIES.length * (BADGE_W + SPACE.s) + SPACE.s,
        y: 10,
        children: CAPABILITIES.map((c, i) => ({
          x: i * (BADGE_W + SPACE.s),
          w: BADGE_W,
          h: 44,
          rect: true,
          color: COLORS.accent,
          shader: { type: Lightning.shaders.RoundedRectangle, radius: 22 },
          Label: {
            x: BADGE_W / 2,
            y: 24,
            mount: 0.5,
            text: {
              text: t(CAPABILITY_LABEL[c]),
              fontFace: FONT.semibold,
              fontSize: 22,
              textColor: COLORS.text,
            },
          },
        })),
      },
    }
  }

  set model(row: GrantRow | undefined) {
    this._model = row
    if (!row) return
    this.Number.patch({ text: { text: row.number !== undefined ? String(row.number) : '' } })
    this.Name.patch({ text: { text: row.name } })
    let fresh = false
    CAPABILITIES.forEach((c, i) => {
      const badge = this.Badges.children[i]
      if (!badge) return
      badge.visible = row.grants[c]
      if (row.grants[c] && !row.has[c]) fresh = true
      badge.color = row.has[c] ? COLORS.success : COLORS.accent
    })
    this.Owned.patch({ text: { text: fresh ? '' : t('store.grant.yours') } })
  }
  get model(): GrantRow | undefined {
    return this._model
  }

  override _focus(): void {
    this.setSmooth('color', COLORS.surfaceRaised, { duration: DURATION.focus })
  }

  override _unfocus(): void {
    this.setSmooth('color', COLORS.surface, { duration: DURATION.focus })
  }
}

/** The channels of a product, only those on screen as elements (Kanal Max has every channel). */
export class GrantList extends WindowList<GrantRow> {
  protected override rowType = GrantLine
  protected override rowHeight = GRANT_ROW_H
}
