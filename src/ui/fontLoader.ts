import type { FontDefinition } from './fonts'

/**
 * The SDK loads fonts one after another and waits for all of them before the first frame.
 * This loads them all at once and waits only for the faces a first screen needs (`blocking`);
 * the others (Latin Extended) keep loading behind it and are there long before a guide title
 * needs them.
 */
export const loadFontsInParallel = (fonts: FontDefinition[], store: FontFace[]): Promise<void> => {
  const loads = fonts.map((font) => {
    const face = new FontFace(font.family, `url(${font.url})`, font.descriptors)
    store.push(face)
    document.fonts.add(face)
    const loading = face.load()
    // A face that fails to load leaves the browser's fallback font: worth a line, not a crash.
    if (!font.blocking) loading.catch(() => console.warn(`[Kanal:fonts] ${font.url} did not load`))
    return font.blocking ? loading : Promise.resolve(face)
  })
  return Promise.all(loads).then(() => undefined)
}
