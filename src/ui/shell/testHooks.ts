import { Lightning, Router } from '@lightningjs/sdk'

/**
 * A read-only window onto the screen for the e2e tests (settings.json `testHooks: true`):
 * which route is shown, the focus path, and the text on screen. It never exposes stores,
 * tokens or anything that could change the app.
 */
export interface KanalTestHooks {
  route(): string
  focusPath(): string[]
  focusedTexts(): string[]
  screenTexts(): string[]
  toast(): string
  /** A page is shown and every text in it has been drawn (its texture has a width). */
  pageReady(): boolean
  /** No transition is running and no finite animation is playing: a screenshot shows the end state. */
  settled(): boolean
  /**
   * Lightning's texture manager: the textures uploaded (kept until its memory pressure frees
   * the unused ones) and those an element still uses, with their pixels. What leaks is the latter.
   */
  textures(): TextureFigures
}

export interface TextureFigures {
  uploaded: number
  uploadedPixels: number
  inUse: number
  inUsePixels: number
}

interface TextureManagerView {
  _uploadedTextureSources: Array<{ w: number; h: number; isUsed(): boolean }>
}

interface Motions {
  transitions: { active: Set<{ isRunning(): boolean }> }
  animations: { active: Set<{ isActive(): boolean; settings: { repeat: number } }> }
}

interface TextualElement {
  ref?: string
  constructor: { name: string }
  visible: boolean
  alpha: number
  children: TextualElement[]
  text?: { text?: string } | null
  renderWidth: number
}

const textsOf = (root: TextualElement | undefined): string[] => {
  const out: string[] = []
  const walk = (el: TextualElement): void => {
    if (!el.visible || el.alpha === 0) return
    const text = el.text?.text
    if (typeof text === 'string' && text.trim() !== '') out.push(text)
    el.children.forEach(walk)
  }
  if (root) walk(root)
  return out
}

const textsDrawn = (root: TextualElement): boolean => {
  if (!root.visible) return true
  const text = root.text?.text
  if (typeof text === 'string' && text !== '' && root.renderWidth === 0) return false
  return root.children.every(textsDrawn)
}

export const installTestHooks = (app: Lightning.Component, toast: () => string): void => {
  const application = app.application as unknown as { focusPath: TextualElement[] } & TextualElement
  const hooks: KanalTestHooks = {
    route: () => Router.getActiveHash() ?? '',
    focusPath: () => application.focusPath.map((el) => el.ref ?? el.constructor.name),
    focusedTexts: () => textsOf(application.focusPath[application.focusPath.length - 1]),
    screenTexts: () => textsOf(application),
    toast,
    pageReady: () => {
      const page = Router.getActivePage() as unknown as TextualElement | undefined
      return page !== undefined && page !== null && textsDrawn(page)
    },
    settled: () => {
      const { transitions, animations } = app.stage as unknown as Motions
      // A looping animation (a spinner) never ends; it does not hold a picture back.
      return (
        ![...transitions.active].some((t) => t.isRunning()) &&
        ![...animations.active].some((a) => a.isActive() && a.settings.repeat !== -1)
      )
    },
    textures: () => {
      const manager = (app.stage as unknown as { textureManager: TextureManagerView }).textureManager
      const figures: TextureFigures = { uploaded: 0, uploadedPixels: 0, inUse: 0, inUsePixels: 0 }
      for (const source of manager._uploadedTextureSources) {
        figures.uploaded++
        figures.uploadedPixels += source.w * source.h
        if (source.isUsed()) {
          figures.inUse++
          figures.inUsePixels += source.w * source.h
        }
      }
      return figures
    },
  }
  ;(window as unknown as { __kanal?: KanalTestHooks }).__kanal = hooks
}
