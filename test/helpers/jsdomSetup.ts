// jsdom has no FontFace and no document.fonts; the SDK's font loader needs both.
class FontFaceShim {
  family: string
  constructor(family: string) {
    this.family = family
  }
  load(): Promise<this> {
    return Promise.resolve(this)
  }
}
const g = globalThis as unknown as { FontFace?: unknown }
if (!g.FontFace) g.FontFace = FontFaceShim
if (!('fonts' in document)) {
  Object.defineProperty(document, 'fonts', {
    value: { add: () => undefined, delete: () => true, load: () => Promise.resolve([]) },
  })
}
