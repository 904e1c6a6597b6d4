import type { UnixSeconds } from './time'

export type UserRole = 'customer' | 'reseller' | 'admin' | 'unknown'

export interface User {
  id: string
  name: string
  role: UserRole
  /** The customer whose subscription settings (document 002) apply; absent for staff. */
  customerId?: string
}

/** A signed-in (or anonymous) session. The token is a secret: never log or put it in a URL. */
export interface Session {
  token: string
  expiresAt: UnixSeconds
  /** Absent for an anonymous session. */
  user?: User
}

export const isAnonymous = (session: Session): boolean => session.user === undefined

export const isSessionValidAt = (session: Session, now: UnixSeconds): boolean => now < session.expiresAt
