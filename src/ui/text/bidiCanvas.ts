import { cutAtWord, isRtlParagraph, withoutEmoji } from './textRules'

/**
 * Lightning's text renderer draws each line of a text with one canvas fillText. The canvas
 * applies the Unicode bidirectional algorithm to what it draws, in the direction it is told; by
 * default that is the page's, left-to-right, so a right-to-left title with English words in it
 * came out with its phrases in the wrong order and its full stop on the wrong end. These rules
 * make every text texture of the app:
 * - drop emoji (the app's fonts have none: they showed as boxes), see textRules.withoutEmoji;
 * - take its paragraph direction from its first strong character, drawn in that direction and
 *   aligned to that side (Lightning's own `rtl` setting swaps left and right alignment);
 * - end a line cut to fit on a whole word, the ellipsis at the text's own end (on the left for
 *   right-to-left text, where the bidirectional algorithm puts a neutral at the end).
 *
 * Lightning 2.20 ships a bidi tokenizer too, but the Lightning core the app loads (its UMD
 * build, as window.lng) does not expose the tokenizer registry to the app bundle, and the
 * browser's canvas already implements the algorithm.
 */

interface CanvasLike {
  direction?: string
  textAlign: string
  measureText(text: string): { width: number }
}

interface RendererLike {
  _settings: Record<string, unknown>
  _context: CanvasLike
  wrapText(text: string, width: number): { l: { text: string; width: number }[] }
  _drawLines(lines: unknown[], letterSpacing: number): void
}

type RendererFactory = (stage: unknown, canvas: unknown, settings: Record<string, unknown>) => RendererLike

const patched = new WeakSet<object>()

/** The renderers' shared prototype, patched once: wrapping and drawing follow the rules above. */
const patchPrototype = (proto: RendererLike): void => {
  if (patched.has(proto)) return
  patched.add(proto)
  const wrapText = proto.wrapText
  const drawLines = proto._drawLines
  proto.wrapText = function (this: RendererLike, text: string, width: number) {
    const info = wrapText.call(this, text, width)
    const suffix = typeof this._settings.maxLinesSuffix === 'string' ? this._settings.maxLinesSuffix : '..'
    const last = info.l[info.l.length - 1]
    if (last) {
      const cut = cutAtWord(last.text, suffix, text)
      if (cut !== last.text) {
        const spacing = typeof this._settings.letterSpacing === 'number' ? this._settings.letterSpacing : 0
        last.text = cut
        last.width = this._context.measureText(cut).width + spacing * cut.length
      }
    }
    return info
  }
  proto._drawLines = function (this: RendererLike, lines: unknown[], letterSpacing: number) {
    const ctx = this._context
    const direction = ctx.direction
    const align = ctx.textAlign
    // Lines are laid out by their left edge whatever the direction.
    ctx.direction = this._settings.rtl === true ? 'rtl' : 'ltr'
    ctx.textAlign = 'left'
    try {
      drawLines.call(this, lines, letterSpacing)
    } finally {
      if (direction !== undefined) ctx.direction = direction
      ctx.textAlign = align
    }
  }
}

/** Installs the rules on Lightning's TextTexture (lng.textures.TextTexture); once is enough. */
export const installTextRules = (textTexture: { renderer: RendererFactory }): void => {
  const original = textTexture.renderer
  if (patched.has(original)) return
  const renderer: RendererFactory = (stage, canvas, settings) => {
    if (typeof settings.text === 'string') {
      const text = withoutEmoji(settings.text)
      settings.text = text
      settings.rtl = isRtlParagraph(text)
    }
    const made = original.call(textTexture, stage, canvas, settings)
    patchPrototype(Object.getPrototypeOf(made) as RendererLike)
    return made
  }
  patched.add(renderer)
  textTexture.renderer = renderer
}
