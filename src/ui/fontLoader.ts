import type { FontDefinition } from './fonts'

/**
 * The SDK loads fonts one after another and builds the app only once all have loaded. That
 * wait is not needed: Lightning's text renderer itself waits for a face (document.fonts.load)
 * before drawing a text in it. So this adds every face, starts all loads at once and lets the
 * SDK go on: the page tree, the router and the sign-in are built while the fonts arrive.
 */
export const loadFontsInParallel = (fonts: FontDefinition[], store: FontFace[]): Promise<void> => {
  for (const font of fonts) {
    const face = new FontFace(font.family, `url(${font.url})`, font.descriptors)
    store.push(face)
    document.fonts.add(face)
    // A face that fails to load leaves the browser's fallback font: worth a line, not a crash.
    face.load().catch(() => console.warn(`[Kanal:fonts] ${font.url} did not load`))
  }
  return Promise.resolve()
}
