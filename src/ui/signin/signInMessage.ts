import { isApiError } from '../../api'
import { formatTime } from '../format'
import { phrase, type Phrase } from '../i18n'

/**
 * What the sign-in page says when signing in fails. A lock names the operator-clock time it
 * ends, rounded up to the minute: "try again at 15:07" must not be said of a lock that lasts
 * until 15:07:10, or the viewer's next try meets the lock again.
 */
export const signInMessage = (error: unknown): Phrase => {
  if (!isApiError(error)) return phrase('signin.error.other')
  switch (error.kind) {
    case 'locked':
      return phrase('signin.error.locked', { time: formatTime(Math.ceil(error.lockedUntil / 60) * 60) })
    case 'auth':
    case 'denied':
    case 'validation':
      return phrase('signin.error.wrong')
    case 'network':
    case 'timeout':
      return phrase('signin.error.offline')
    default:
      return phrase('signin.error.other')
  }
}
