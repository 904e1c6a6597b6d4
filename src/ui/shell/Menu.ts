import { Lightning, Router } from '@lightningjs/sdk'
import { COLORS, DURATION, FONT, MENU_HEIGHT, SAFE, SPACE, TYPE } from '../theme'
import { t } from '../i18n'

export interface MenuEntry {
  route: string
  labelKey: string
}

export const MENU_ENTRIES: readonly MenuEntry[] = [
  { route: 'guide', labelKey: 'menu.guide' },
  { route: 'recordings', labelKey: 'menu.recordings' },
  { route: 'store', labelKey: 'menu.store' },
  { route: 'account', labelKey: 'menu.account' },
  // Last of the pages, beside who is signed in, where TV apps keep their search.
  { route: 'search', labelKey: 'menu.search' },
]

interface MenuTemplateSpec extends Lightning.Component.TemplateSpec {
  Bar: object
  Logo: object
  Items: object
  Who: typeof MenuItem
}

/** Who is using the box, at the menu's right end: a name leads to the account, else sign-in. */
export type MenuWho = { kind: 'anonymous' } | { kind: 'user'; name: string }

/**
 * The top menu, a Router widget present on every page. Menu (or Up at the top of a page)
 * focuses it; Left/Right choose, OK opens, Down or Back hands focus back to the page.
 */
export class Menu
  extends Lightning.Component<MenuTemplateSpec>
  implements Lightning.Component.ImplementTemplateSpec<MenuTemplateSpec>
{
  readonly Items = this.getByRef('Items')!
  readonly Who = this.getByRef('Who')!
  private _index = 0
  private _activeRoute = ''

  static override _template(): Lightning.Component.Template<MenuTemplateSpec> {
    return {
      w: 1920,
      h: MENU_HEIGHT,
      zIndex: 10,
      Bar: { rect: true, w: 1920, h: MENU_HEIGHT, color: COLORS.background, alpha: 0.96 },
      Logo: {
        x: SAFE.x,
        y: MENU_HEIGHT / 2,
        mountY: 0.5,
        text: { text: 'Kanal', fontFace: FONT.bold, fontSize: TYPE.heading, textColor: COLORS.focus },
      },
      Items: { x: SAFE.x + 260, y: (MENU_HEIGHT - 72) / 2, flex: { direction: 'row' } },
      Who: { type: MenuItem, x: 1920 - SAFE.x, mountX: 1, y: (MENU_HEIGHT - 72) / 2 },
    }
  }

  override _init(): void {
    this.Items.children = MENU_ENTRIES.map((entry, i) => ({
      type: MenuItem,
      route: entry.route,
      label: t(entry.labelKey),
      flexItem: { marginRight: i < MENU_ENTRIES.length - 1 ? SPACE.l : 0 },
    }))
    this.setWho({ kind: 'anonymous' })
  }

  /**
   * Says its words again in the interface language: the viewer's saved language is known only
   * once the app state has arrived, after the menu was built.
   */
  relabel(): void {
    ;(this.Items.children as MenuItem[]).forEach((item, i) => {
      const entry = MENU_ENTRIES[i]
      if (entry) item.label = t(entry.labelKey)
    })
    if (this.Who.route === 'signin') this.Who.label = t('menu.signIn')
  }

  /** Shows who is signed in; the composition follows the session and calls this. */
  setWho(who: MenuWho): void {
    this.Who.route = who.kind === 'user' ? 'account' : 'signin'
    this.Who.label = who.kind === 'user' ? who.name : t('menu.signIn')
  }

  /** The focusable items: the pages, then who is signed in. */
  private get items(): MenuItem[] {
    return [...(this.Items.children as MenuItem[]), this.Who]
  }

  /** Marks the page on screen; called by the router after each navigation. */
  setActive(route: string): void {
    this._activeRoute = route
    const index = MENU_ENTRIES.findIndex((e) => e.route === route)
    if (index >= 0) this._index = index
    this.items.forEach((item) => {
      item.current = item.route === route
    })
  }

  get activeRoute(): string {
    return this._activeRoute
  }

  override _getFocused(): Lightning.Component | undefined {
    return this.items[this._index]
  }

  override _handleLeft(): void {
    this._index = Math.max(0, this._index - 1)
  }

  override _handleRight(): void {
    this._index = Math.min(MENU_ENTRIES.length, this._index + 1)
  }

  override _handleEnter(): void {
    const item = this.items[this._index]
    if (!item) return
    if (item.route === this._activeRoute) Router.focusPage()
    else Router.navigate(item.route)
  }

  override _handleDown(): void {
    Router.focusPage()
  }

  override _handleBack(): void {
    Router.focusPage()
  }

  override _handleMenu(): void {
    Router.focusPage()
  }
}

interface MenuItemTemplateSpec extends Lightning.Component.TemplateSpec {
  route: string
  label: string
  current: boolean
  Label: object
  Underline: object
}

export class MenuItem
  extends Lightning.Component<MenuItemTemplateSpec>
  implements Lightning.Component.ImplementTemplateSpec<MenuItemTemplateSpec>
{
  readonly Label = this.getByRef('Label')!
  readonly Underline = this.getByRef('Underline')!
  route = ''
  private _current = false
  private _focused = false

  static override _template(): Lightning.Component.Template<MenuItemTemplateSpec> {
    return {
      h: 72,
      rect: true,
      color: 0x00000000,
      shader: { type: Lightning.shaders.RoundedRectangle, radius: 36 },
      Label: {
        x: SPACE.l,
        y: 36,
        mountY: 0.5,
        text: { text: '', fontFace: FONT.semibold, fontSize: TYPE.body, textColor: COLORS.textDim },
      },
      Underline: { rect: true, h: 4, y: 66, x: SPACE.l, color: COLORS.focus, alpha: 0 },
    }
  }

  set label(value: string) {
    this.Label.patch({ text: { text: value, wordWrapWidth: 420, maxLines: 1, textOverflow: 'ellipsis' } })
  }

  get current(): boolean {
    return this._current
  }
  set current(value: boolean) {
    this._current = value
    this._update()
  }

  override _init(): void {
    this.Label.on('txLoaded', () => {
      this.w = this.Label.renderWidth + 2 * SPACE.l
      this.Underline.w = this.Label.renderWidth
    })
  }

  override _focus(): void {
    this._focused = true
    this._update()
  }

  override _unfocus(): void {
    this._focused = false
    this._update()
  }

  private _update(): void {
    this.setSmooth('color', this._focused ? COLORS.focus : 0x00000000, { duration: DURATION.focus })
    this.Label.patch({
      text: {
        textColor: this._focused ? COLORS.focusText : this._current ? COLORS.text : COLORS.textDim,
      },
    })
    this.Underline.alpha = this._current && !this._focused ? 1 : 0
  }
}
