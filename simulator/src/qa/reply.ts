import type { FastifyReply } from 'fastify'
import { SimError, type SimErrorKind } from '../model/context'
import { SubscriptionError } from '../model/subscription'

/** The HTTP status of each model refusal, for the QA controls' `{code, message}` errors. */
export const HTTP_OF: Record<SimErrorKind, number> = {
  auth: 401,
  notFound: 404,
  invalid: 400,
  notAllowed: 403,
  quota: 409,
  conflict: 409,
  pin: 403,
  pinLocked: 403,
  loginLocked: 429,
  internal: 500,
}

export const fail = (reply: FastifyReply, status: number, code: string, message: string): FastifyReply =>
  reply.code(status).send({ code, message })

/** Sends a model refusal as a QA error; anything else is the server's own failure and is thrown on. */
export const failWith = (reply: FastifyReply, e: unknown): FastifyReply => {
  if (e instanceof SubscriptionError) return fail(reply, e.status, e.code, e.message)
  if (e instanceof SimError) return fail(reply, HTTP_OF[e.kind], e.kind, e.message)
  throw e
}
