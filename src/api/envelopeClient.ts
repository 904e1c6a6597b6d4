import { createEnvelopeCall, loggerOf, type ClientDeps } from './envelope'
import { guideMethods } from './guide'
import { parentalMethods } from './parental'
import { pinMethods } from './pin'
import { purchaseMethods } from './purchase'
import { recordingMethods } from './recordings'
import { resumeMethods } from './resumes'
import { searchMethods } from './search'
import { sessionMethods } from './session'
import { streamMethods } from './streams'
import { tagMethods } from './tags'
import { userdataMethods } from './userdata'

/** Every envelope-style method (document 000's style) in one client. */
export const createEnvelopeClient = (deps: ClientDeps) => {
  const call = createEnvelopeCall(deps.transport)
  const logger = loggerOf(deps)
  return {
    ...sessionMethods(call),
    ...userdataMethods(call, logger),
    ...guideMethods(call, logger, deps.transport.resolveUrl),
    ...searchMethods(call, logger, deps.transport.resolveUrl),
    ...recordingMethods(call, logger),
    ...resumeMethods(call, logger),
    ...pinMethods(call),
    ...parentalMethods(call),
    ...purchaseMethods(call),
    ...streamMethods(call, deps.transport.resolveUrl),
    ...tagMethods(call, logger),
  }
}

export type EnvelopeClient = ReturnType<typeof createEnvelopeClient>
