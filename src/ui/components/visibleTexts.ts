/** An element as far as its texts go (Lightning's Element, structurally). */
export interface TextualElement {
  visible: boolean
  alpha: number
  children: TextualElement[]
  text?: { text?: string } | null
}

/**
 * The texts an element shows, in drawing order, skipping hidden parts: what a focused element
 * with no words of its own for voice guidance (a tab, a tile, a key) is heard as.
 */
export const visibleTexts = (root: TextualElement | undefined): string[] => {
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
