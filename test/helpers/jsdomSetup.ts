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
// Files that ask for the node environment (api, state) have no document at all.
const g = globalThis as unknown as { FontFace?: unknown }
if (typeof document !== 'undefined' && !g.FontFace) g.FontFace = FontFaceShim
if (typeof document !== 'undefined' && !('fonts' in document)) {
  Object.defineProperty(document, 'fonts', {
    value: { add: () => undefined, delete: () => true, load: () => Promise.resolve([]) },
  })
}
