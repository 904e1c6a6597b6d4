import { isApiError } from '../../api'

/** Why the operator did not do what the viewer asked, in the words the screen has for it. */
export type Refusal = 'offline' | 'notAllowed' | 'notFound' | 'other'

export const refusalOf = (error: unknown): Refusal => {
  if (!isApiError(error)) return 'other'
  switch (error.kind) {
    case 'network':
    case 'timeout':
      return 'offline'
    case 'denied':
    case 'conflict':
      return 'notAllowed'
    case 'notFound':
      return 'notFound'
    default:
      return 'other'
  }
}
