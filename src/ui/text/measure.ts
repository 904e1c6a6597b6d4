import { withoutEmoji } from './textRules'

let context: CanvasRenderingContext2D | null | undefined

/**
 * The width in stage pixels of one line of `text` in a font the app loaded (its FontFace name),
 * as the text renderer will draw it (emoji dropped); 0 where there is no canvas to measure with.
 * One shared canvas: a measure is a few microseconds, done once per focus move.
 */
export const textWidth = (text: string, fontFace: string, fontSize: number): number => {
  if (context === undefined) context = document.createElement('canvas').getContext('2d')
  if (!context) return 0
  context.font = `${fontSize}px "${fontFace}"`
  return context.measureText(withoutEmoji(text)).width
}
