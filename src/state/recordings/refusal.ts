import { isApiError } from '../../api'

/**
 * Why the operator did not do what the viewer asked, in the words the screen has for it.
 * `unknown`: no answer came in time, and the operator may still have done it (the list, fetched
 * again under the next stamp, will tell), so the screen must not say that nothing changed.
 */
export type Refusal = 'offline' | 'unknown' | 'notAllowed' | 'notFound' | 'other'

export const refusalOf = (error: unknown): Refusal => {
  if (!isApiError(error)) return 'other'
  switch (error.kind) {
    case 'network':
      return 'offline'
    case 'timeout':
      // An HTTP 408 is the operator saying it did not take the request.
      return error.status === undefined ? 'unknown' : 'offline'
    case 'denied':
    case 'conflict':
      return 'notAllowed'
    case 'notFound':
      return 'notFound'
    default:
      return 'other'
  }
}
