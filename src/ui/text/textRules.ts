import { isRightToLeft } from '../../domain/guideGrid'

/**
 * Pure rules for drawing operator text (titles, descriptions) with fonts that hold no emoji and
 * a canvas that lays out one line at a time.
 */

// An emoji is a character shown as a picture by default, or a text character turned into one
// by the emoji variation selector; either may carry a skin tone, a keycap, tag characters (flags
// of regions) and further emoji joined by zero-width joiners. Regional indicators come in pairs
// (flags). A joiner or selector on its own, or inside the words of a script, is left alone.
const MODIFIERS = '(?:\\u{FE0E}|\\u{FE0F}|\\p{Emoji_Modifier}|\\u{20E3}|[\\u{E0020}-\\u{E007F}])*'
const ONE = `(?:\\p{Emoji_Presentation}|\\p{Extended_Pictographic}\\u{FE0F}|[0-9#*]\\u{FE0F}?\\u{20E3}|\\p{Regional_Indicator})${MODIFIERS}`
const EMOJI = new RegExp(`${ONE}(?:\\u{200D}${ONE}|\\u{200D}\\p{Extended_Pictographic}${MODIFIERS})*`, 'gu')
const EMOJI_TEST = new RegExp(EMOJI.source, 'u')

/**
 * The text without its emoji. Where one was taken out, the spaces it stood between collapse to
 * one and the ends are trimmed, so "⚽ Match 🏆" reads "Match"; text without emoji is untouched.
 */
export const withoutEmoji = (text: string): string => {
  if (!EMOJI_TEST.test(text)) return text
  return text
    .replace(EMOJI, ' ')
    .replace(/[ \t]{2,}/g, ' ')
    .replace(/ ([.,;:!?،؟])/g, '$1')
    .trim()
}

/**
 * Whether a paragraph is right-to-left: the Unicode bidirectional algorithm's rule (P2, P3),
 * its first strong character decides; none at all is left-to-right.
 */
export const isRtlParagraph = (text: string): boolean => isRightToLeft(text)

/**
 * The side a paragraph starts on, for a text given a width of its own (a list row's title): a
 * right-to-left title reads from the right edge, as the browser's `text-align: start` does.
 */
export const startSide = (text: string): 'left' | 'right' => (isRtlParagraph(text) ? 'right' : 'left')

/**
 * A line that was cut to fit its width with `suffix` appended (Lightning cuts letter by letter),
 * moved back to the end of the last whole word in it, so a title never ends in half a word.
 * `paragraph` is the text the line was cut from. A line whose only word is cut stays as it is:
 * half a word says more than nothing.
 */
const WORDISH = /[\p{L}\p{M}\p{N}]/u

export const cutAtWord = (line: string, suffix: string, paragraph: string): string => {
  if (suffix === '' || !line.endsWith(suffix)) return line
  const kept = line.slice(0, line.length - suffix.length)
  const at = paragraph.indexOf(kept)
  if (kept === '' || at < 0) return line
  // Inside a word: a letter (or digit, or mark) on both sides of the cut.
  if (!WORDISH.test(kept.slice(-1)) || !WORDISH.test(paragraph.charAt(at + kept.length))) return line
  const lastSpace = kept.search(/\s\S*$/)
  if (lastSpace <= 0) return line
  return kept.slice(0, lastSpace).trimEnd() + suffix
}
