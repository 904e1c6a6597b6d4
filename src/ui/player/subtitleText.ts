/**
 * A WebVTT cue's text as Kanal draws it: markup gone (<i>, <c.yellow>, <v Name>, timestamps),
 * entities decoded, blank lines dropped; null when nothing is left to show.
 */
export const subtitleText = (raw: string | null): string | null => {
  if (raw === null) return null
  const text = raw
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lrm;|&rlm;/g, '')
    .replace(/&amp;/g, '&')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .join('\n')
  return text === '' ? null : text
}
