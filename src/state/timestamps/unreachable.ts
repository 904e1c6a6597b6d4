import { isApiError } from '../../api'

/**
 * Whether a failed check means the viewer is looking at data the operator cannot refresh now:
 * no answer (network, timeout), or an answer that is no answer (a 5xx, a body that does not
 * parse). Screens then flag their last good data as offline, with when it was fetched. A
 * refusal (authentication, rights) is an answer, and has its own message.
 */
export const isOperatorUnreachable = (error: unknown): boolean =>
  isApiError(error) &&
  (error.kind === 'network' ||
    error.kind === 'timeout' ||
    error.kind === 'server' ||
    error.kind === 'protocol')
