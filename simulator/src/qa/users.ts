import { SimError, type Sim } from '../model/context'
import { findUser, type UserRow } from '../model/users'

/** A user named by id or username in a QA body or query; a clear refusal otherwise. */
export const userNamed = (sim: Sim, value: unknown, key = 'userId'): UserRow => {
  if (typeof value !== 'string' || value === '')
    throw new SimError('invalid', `${key} is required (a user id or username)`)
  const user = findUser(sim, value)
  if (!user) throw new SimError('invalid', `${key} ${value} names no user`)
  return user
}
