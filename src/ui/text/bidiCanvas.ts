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

/** Each drawn line's paragraph direction, in the order wrapText returned the lines. */
const lineDirections = new WeakMap<object, boolean[]>()

/** The renderers' shared prototype, patched once: wrapping and drawing follow the rules above. */
const patchPrototype = (proto: RendererLike): void => {
  if (patched.has(proto)) return
  patched.add(proto)
  const wrapText = proto.wrapText
  const drawLines = proto._drawLines
  proto.wrapText = function (this: RendererLike, text: string, width: number) {
    const settings = this._settings
    const suffix = typeof settings.maxLinesSuffix === 'string' ? settings.maxLinesSuffix : '..'
    const spacing = typeof settings.letterSpacing === 'number' ? settings.letterSpacing : 0
    const maxLines = typeof settings.maxLines === 'number' ? settings.maxLines : 0
    // Paragraph by paragraph, as Lightning does, so that each line knows its paragraph's direction.
    const paragraphs = text.split(/\r\n|\r|\n/)
    const lines: { text: string; width: number }[] = []
    const directions: boolean[] = []
    const fit = (line: { text: string; width: number }, cut: string): void => {
      if (cut === line.text) return
      line.text = cut
      line.width = this._context.measureText(cut).width + spacing * cut.length
    }
    let info: ReturnType<RendererLike['wrapText']> = { l: lines }
    try {
      for (let i = 0; i < paragraphs.length; i++) {
        const left = maxLines > 0 ? maxLines - lines.length : 0
        if (maxLines > 0 && left <= 0) {
          // More paragraphs than lines: the last line says so, as Lightning's own wrapping does.
          const last = lines[lines.length - 1]
          if (last && suffix !== '' && !last.text.endsWith(suffix)) fit(last, `${last.text}${suffix}`)
          break
        }
        const paragraph = paragraphs[i] ?? ''
        settings.maxLines = left
        info = wrapText.call(this, paragraph, width)
        const last = info.l[info.l.length - 1]
        if (last) fit(last, cutAtWord(last.text, suffix, paragraph))
        for (const line of info.l) {
          lines.push(line)
          directions.push(isRtlParagraph(paragraph))
        }
      }
    } finally {
      settings.maxLines = maxLines
    }
    lineDirections.set(this, directions)
    return { ...info, l: lines }
  }
  proto._drawLines = function (this: RendererLike, lines: unknown[], letterSpacing: number) {
    const ctx = this._context
    const direction = ctx.direction
    const align = ctx.textAlign
    const directions = lineDirections.get(this)
    // Lines are laid out by their left edge whatever the direction.
    ctx.textAlign = 'left'
    try {
      lines.forEach((line, i) => {
        ctx.direction = (directions?.[i] ?? this._settings.rtl === true) ? 'rtl' : 'ltr'
        drawLines.call(this, [line], letterSpacing)
      })
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
