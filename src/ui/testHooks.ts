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
}

interface TextualElement {
  ref?: string
  constructor: { name: string }
  visible: boolean
  alpha: number
  children: TextualElement[]
  text?: { text?: string } | null
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

export const installTestHooks = (app: Lightning.Component, toast: () => string): void => {
  const application = app.application as unknown as { focusPath: TextualElement[] } & TextualElement
  const hooks: KanalTestHooks = {
    route: () => Router.getActiveHash() ?? '',
    focusPath: () => application.focusPath.map((el) => el.ref ?? el.constructor.name),
    focusedTexts: () => textsOf(application.focusPath[application.focusPath.length - 1]),
    screenTexts: () => textsOf(application),
    toast,
  }
  ;(window as unknown as { __kanal?: KanalTestHooks }).__kanal = hooks
}
