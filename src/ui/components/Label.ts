import { COLORS, FONT, TYPE } from '../theme'

export interface LabelOptions {
  size?: number
  color?: number
  font?: string
  wordWrapWidth?: number
  maxLines?: number
}

/** A text template with the theme's defaults; long text ends in an ellipsis, never overflows. */
export const label = (text: string, options: LabelOptions = {}) => ({
  text: {
    text,
    fontFace: options.font ?? FONT.regular,
    fontSize: options.size ?? TYPE.body,
    textColor: options.color ?? COLORS.text,
    ...(options.wordWrapWidth !== undefined
      ? { wordWrapWidth: options.wordWrapWidth, maxLines: options.maxLines ?? 1, textOverflow: 'ellipsis' }
      : {}),
  },
})
