import { label } from '../components/Label'
import { COLORS } from '../theme'

/** The line (or two) under an account section's heading that says what the section holds. */
export const sectionIntro = (maxLines = 1): ReturnType<typeof label> =>
  label('', { color: COLORS.textDim, wordWrapWidth: 1700, maxLines })
