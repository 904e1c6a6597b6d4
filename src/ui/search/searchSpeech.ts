import type { SearchView } from '../../state/search/guideSearch'
import type { Speech } from '../components/voice'
import { statusPhrase } from './searchLooks'

/**
 * What voice guidance says when the search's state changes under the viewer's focus: the
 * answer (how many, none, failed), never each "searching" in between.
 */
export const searchUpdateSpeech = (
  before: SearchView | undefined,
  now: SearchView,
  tooLong: boolean,
  maxLength: number,
): Speech => {
  if (tooLong) return statusPhrase(now, true, maxLength)
  if (now.status === 'searching') return undefined
  if (before && before.status === now.status && before.query === now.query && before.results === now.results)
    return undefined
  return statusPhrase(now, false, maxLength)
}
